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
                c.Report(DiagnosticDescriptors.MultiTaskInvalid, at, $"'{m.TypeName}' {what}; [Objective] takes a class marked [PretextTask]");
                continue;
            }

            if (m.HasAdversarial)
            {
                c.Report(DiagnosticDescriptors.MultiTaskInvalid, at,
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
                    c.Report(DiagnosticDescriptors.MultiTaskInvalid, at,
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
                c.Report(DiagnosticDescriptors.MultiTaskInvalid, duplicate.Attribute.Location, $"'{group.Key}' is listed more than once; list each member task once and set its Weight");
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
            c.Report(DiagnosticDescriptors.MultiTaskInvalid, m.Attribute.Location,
                $"[Objective] adds a member task to a [MultiTaskPretraining], but '{c.Name}' is a [PretextTask]; remove it, or declare a separate [MultiTaskPretraining] class that lists both tasks");
        }
    }

    private static void ReportBothKinds(ValidationContext c)
    {
        if (c.Task.HasBothTaskAttributes && c.Task.TaskAttribute is { } attribute)
        {
            c.Report(DiagnosticDescriptors.MultiTaskInvalid, attribute.Location,
                $"'{c.Name}' is marked both [PretextTask] and [MultiTaskPretraining]; keep one: a single task, or a multi-task that lists its members with [Objective]");
        }
    }
}
