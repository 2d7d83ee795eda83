using System.Collections.Generic;
using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// Multi-task pretraining (SSL019, SSL006, SSL016): members must be pretext tasks over one input,
/// listed once, with encoders as wide as the shared one; [Objective] belongs on a
/// [MultiTaskPretraining] class only.
/// </summary>
internal static class MultiTaskChecks
{
    public static void Check(ValidationContext c)
    {
        var task = c.Task;
        ReportBothKinds(c);
        if (task.Members.Count == 0)
        {
            if (c.TrustAbsence)
            {
                c.Report(DiagnosticDescriptors.NoObjective, task.IdentifierLocation, c.Name, "add its member tasks, e.g. [Objective(typeof(MySimClrTask), Weight = 1.0)]");
            }

            return;
        }

        string? firstInput = null;
        string? firstName = null;
        int? sharedDim = c.EncoderOutputDim;
        foreach (var m in task.Members)
        {
            if (m.TypeName is null)
            {
                continue;
            }

            var at = m.Attribute.LocationOf(AttributeCatalog.Objective.Task);
            if (m.IsMultiTask || !m.IsPretextTask)
            {
                string what = m.IsMultiTask ? "is a [MultiTaskPretraining] itself (they do not nest)" : "is not marked [PretextTask]";
                c.ReportRepairable(DiagnosticDescriptors.MultiTaskInvalid, at, Removal(m), $"'{m.TypeName}' {what}; [Objective] takes a class marked [PretextTask]");
                continue;
            }

            if (m.HasAdversarial)
            {
                c.ReportRepairable(DiagnosticDescriptors.MultiTaskInvalid, at, Removal(m),
                    $"'{m.TypeName}' declares [AdversarialLoss], whose discriminator needs its own alternating optimizer; pretrain it on its own, or remove the adversarial term to use it in multi-task pretraining");
            }

            if (m.Input?.Name is { } input)
            {
                if (firstInput is null)
                {
                    firstInput = input;
                    firstName = m.TypeName;
                }
                else if (input != firstInput)
                {
                    c.ReportRepairable(DiagnosticDescriptors.MultiTaskInvalid, at, Removal(m),
                        $"'{m.TypeName}' reads [{input}] but '{firstName}' reads [{firstInput}]; every member of a multi-task pretraining must read the same input, so list only tasks over [{firstInput}]");
                }
            }

            if (sharedDim is { } shared && m.EncoderOutputDim is { } own && own > 0 && own != shared)
            {
                c.Report(DiagnosticDescriptors.DimensionMismatch, at,
                    $"'{m.TypeName}' builds its heads on a {own}-wide encoder output, but the shared encoder of '{c.Name}' returns {shared}; make the OutputDim of both encoders equal");
            }
        }

        foreach (var group in task.Members.Where(m => m.TypeName is not null).GroupBy(m => m.TypeName))
        {
            foreach (var duplicate in group.Skip(1))
            {
                c.ReportRepairable(DiagnosticDescriptors.MultiTaskInvalid, duplicate.Attribute.Location, Removal(duplicate), $"'{group.Key}' is listed more than once; list each member task once and set its Weight");
            }
        }
    }

    /// <summary>On a [PretextTask]: [Objective] entries, and the class also marked [MultiTaskPretraining].</summary>
    public static void CheckMisplacedMembers(ValidationContext c)
    {
        ReportBothKinds(c);
        if (c.Task.HasBothTaskAttributes)
        {
            return;
        }

        foreach (var m in c.Task.Members)
        {
            c.ReportRepairable(DiagnosticDescriptors.MultiTaskInvalid, m.Attribute.Location, Removal(m),
                $"[Objective] adds a member task to a [MultiTaskPretraining], but '{c.Name}' is a [PretextTask]; remove it, or declare a separate [MultiTaskPretraining] class that lists both tasks");
        }
    }

    private static void ReportBothKinds(ValidationContext c)
    {
        if (c.Task.HasBothTaskAttributes && c.Task.TaskAttribute is { } attribute)
        {
            // Keep the kind the class is written as: a multi-task when it lists members, else a single task.
            var removals = new List<Repair>();
            if (c.Task.OtherTaskAttribute is { } other)
            {
                var pretext = attribute.Is(AttributeCatalog.PretextTask) ? attribute : other;
                var multi = ReferenceEquals(pretext, attribute) ? other : attribute;
                var keepMulti = Repair.RemoveAttribute($"Remove [{pretext.Spec.Name}]", pretext.Location);
                var keepSingle = Repair.RemoveAttribute($"Remove [{multi.Spec.Name}]", multi.Location);
                removals.AddRange(c.Task.Members.Count > 0 ? new[] { keepMulti, keepSingle.As("KeepPretextTask") } : new[] { keepSingle, keepMulti.As("KeepMultiTaskPretraining") });
            }

            c.ReportRepairable(DiagnosticDescriptors.MultiTaskInvalid, attribute.Location, removals,
                $"'{c.Name}' is marked both [PretextTask] and [MultiTaskPretraining]; keep one: a single task, or a multi-task that lists its members with [Objective]");
        }
    }

    /// <summary>The repair of a member that cannot stay: remove its [Objective].</summary>
    private static Repair[] Removal(ParsedMember m)
    {
        string type = m.TypeName is null ? "" : $"(typeof({m.TypeName.Substring(m.TypeName.LastIndexOf('.') + 1)}))";
        return new[] { Repair.RemoveAttribute($"Remove [{AttributeCatalog.Objective.Name}{type}]", m.Attribute.Location) };
    }
}
