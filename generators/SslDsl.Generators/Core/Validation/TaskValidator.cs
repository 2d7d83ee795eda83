using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SslDsl.Generators;

/// <summary>
/// Checks a parsed task against the diagnostic catalogue. Shared by the analyzer (which reports
/// the diagnostics) and the generator (which emits nothing for a task with an error, so users
/// see our diagnostic rather than a cascade of compiler errors in generated code). Never throws on
/// half-typed code: arguments the compiler could not read are skipped, and "missing" checks are
/// skipped while an attribute does not resolve.
/// </summary>
internal static class TaskValidator
{
    /// <summary>Every diagnostic for <paramref name="task"/> except the compilation-wide SSL024.</summary>
    public static List<Diagnostic> Validate(ParsedTask task)
    {
        var context = new ValidationContext(task);
        if (task.IsIncomplete)
        {
            return context.Diagnostics;
        }

        StructureChecks.Check(context);
        RangeChecks.Check(context);
        NullArgumentChecks.Check(context);
        if (task.IsMultiTask)
        {
            MultiTaskChecks.Check(context);
            return context.Diagnostics;
        }

        MultiTaskChecks.CheckMisplacedMembers(context);
        if (task.IsMultimodal)
        {
            MultimodalChecks.Check(context);
            TrainingChecks.Check(context);
            return context.Diagnostics;
        }

        MultimodalChecks.CheckSingleInput(context);
        ViewChecks.Check(context);
        ShapeChecks.Check(context);
        HeadChecks.Check(context);
        VisionTransformerChecks.Check(context);
        TrainingChecks.Check(context);
        TextChecks.Check(context);
        TokenMaskingChecks.Check(context);
        VimeChecks.Check(context);
        SeriesChecks.Check(context);
        MultiCropChecks.Check(context);
        MethodChecks.Check(context);
        return context.Diagnostics;
    }

    /// <summary>Whether any diagnostic is an error.</summary>
    public static bool HasErrors(IEnumerable<Diagnostic> diagnostics) => diagnostics.Any(x => x.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// Whether the generator may emit code for <paramref name="task"/>: only for a declaration it fully
    /// understands. Not when the validator finds an error, nor while the compiler does on the declaration
    /// itself (an attribute that does not resolve or cannot apply, an argument it cannot read: the missing
    /// "X" checks are quiet then, so the essentials are checked here too). The user then sees the real error,
    /// never errors in generated code.
    /// </summary>
    public static bool CanGenerate(ParsedTask task)
    {
        if (task.IsIncomplete || task.HasDeclarationErrors || task.TaskAttribute is null)
        {
            return false;
        }

        var attributes = task.AttributesWithMembers.Concat(new[] { task.TaskAttribute });
        if (attributes.Any(a => a.InvalidArguments.Count > 0 || a.UndefinedEnums.Count > 0 || a.NullArguments.Count > 0))
        {
            return false;
        }

        if (task.IsMultimodal)
        {
            return task.OfCategory(AttributeCategory.Input).Count() == 2 && task.EncoderMembers.Count == 2 && !HasErrors(Validate(task));
        }

        bool hasEncoder = task.EncoderMembers.Count + task.OfCategory(AttributeCategory.Backbone).Count() == 1;
        bool hasObjective = task.IsMultiTask
            ? task.Members.Count > 0 && task.Members.All(m => m.FullyQualifiedName is not null)
            : task.OfCategory(AttributeCategory.Input).Count() == 1 && task.OfCategory(AttributeCategory.Objective).Any();
        return hasEncoder && hasObjective && !HasErrors(Validate(task));
    }
}
