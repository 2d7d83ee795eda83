using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace SslDsl.Generators;

/// <summary>
/// String, type and array arguments given as <c>null</c>: they compile, but the generator cannot honour
/// them, so each is reported on the argument: [Objective(null)] as SSL019, FineTune's as SSL021,
/// Optimizer's, LearningRateSchedule's and Training's as SSL025, every other (the task name included)
/// as SSL026. Found by the generator fuzz test: [PretextTask(null)] used to pass the analyzer while the
/// generator silently emitted nothing.
/// </summary>
internal static class NullArgumentChecks
{
    public static void Check(ValidationContext c)
    {
        var all = c.Task.AttributesWithMembers;
        if (c.Task.TaskAttribute is { } task)
        {
            all = all.Concat(new[] { task });
        }

        foreach (var a in all)
        {
            foreach (var name in a.NullArguments)
            {
                Report(c, a, name);
            }
        }
    }

    private static void Report(ValidationContext c, ParsedAttribute a, string name)
    {
        var param = a.Spec.Param(name);
        var location = param is null ? a.Location : a.LocationOf(param);
        string expected = param?.Type switch
        {
            ParamType.Type => "a type",
            ParamType.DoubleArray => "an array of numbers",
            _ => "a text",
        };
        string action = param?.DefaultLiteral is not { } defaultLiteral ? $"write {expected}" : $"write {expected}, or leave {name} out for its default {defaultLiteral}";
        var repairs = param?.DefaultLiteral is { } d ? new[] { Repair.RemoveArgument($"Remove {name} = null (its default is {d.Replace("new double[] ", "")})", a.Location, param) } : new Repair[0];
        switch (a.Spec)
        {
            case AttributeCatalog.ObjectiveMemberSpec:
                c.ReportRepairable(DiagnosticDescriptors.MultiTaskInvalid, location, new[] { Repair.RemoveAttribute($"Remove [{a.Spec.Name}(null)]", a.Location) },
                    "[Objective] is given null, but it takes a class marked [PretextTask], e.g. [Objective(typeof(MySimClrTask))]");
                break;
            case AttributeCatalog.FineTuneSpec:
                c.ReportRepairable(DiagnosticDescriptors.FineTuneInvalid, location, repairs, $"FineTune.{name} is null; {action}");
                break;
            case AttributeCatalog.OptimizerSpec:
            case AttributeCatalog.LearningRateScheduleSpec:
            case AttributeCatalog.TrainingSpec:
                c.ReportRepairable(DiagnosticDescriptors.TrainingValueOutOfRange, location, repairs, a.Spec.Name, name, "null", expected, action);
                break;
            case AttributeCatalog.TaskSpec spec:
            {
                string named = SymbolDisplay.FormatLiteral(TaskNames.FromClassName(c.Name), quote: true);
                var rename = Repair.Set($"Name the task {named}", location, spec.TaskName, named);
                c.ReportRepairable(DiagnosticDescriptors.StrengthOutOfRange, location, new[] { rename }, a.Spec.Name, name, "null", "a task name",
                    $"name the task, e.g. [{a.Spec.Name}(\"simclr\")]: the name labels its checkpoints and output folders");
                break;
            }

            default:
                c.ReportRepairable(DiagnosticDescriptors.StrengthOutOfRange, location, repairs, a.Spec.Name, name, "null", expected, action);
                break;
        }
    }
}
