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
        StructureChecks.Check(context);
        RangeChecks.Check(context);
        if (task.IsMultiTask)
        {
            MultiTaskChecks.Check(context);
            return context.Diagnostics;
        }

        MultiTaskChecks.CheckMisplacedMembers(context);
        ViewChecks.Check(context);
        ShapeChecks.Check(context);
        HeadChecks.Check(context);
        TrainingChecks.Check(context);
        TextChecks.Check(context);
        return context.Diagnostics;
    }

    /// <summary>Whether any diagnostic is an error.</summary>
    public static bool HasErrors(IEnumerable<Diagnostic> diagnostics) => diagnostics.Any(x => x.Severity == DiagnosticSeverity.Error);
}
