using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>Turns a <see cref="ParsedTask"/> the generator may not emit for (it has errors) into the <see cref="ShellModel"/> of its shells.</summary>
internal static class ShellModelBuilder
{
    /// <summary>The shell of <paramref name="parsed"/>, or null where reopening the class would itself fail to compile (it, or a type enclosing it, is not partial).</summary>
    public static ShellModel? Build(ParsedTask parsed)
    {
        if (!parsed.IsPartial || parsed.IsIncomplete)
        {
            return null;
        }

        var errors = TaskValidator.Validate(parsed)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}")
            .Distinct()
            .ToEquatableArray();
        // A multimodal task's shells take the pair of its inputs, images first (as its generated code would).
        var inputs = parsed.OfCategory(AttributeCategory.Input).OrderBy(i => MultimodalModelBuilder.SideOrder(i.Spec)).Select(i => i.Model).ToArray();
        bool paired = parsed.IsMultimodal && inputs.Length >= 2;
        return new ShellModel(
            parsed.TypeModel,
            parsed.Type.ToDisplayString(),
            parsed.TaskName,
            parsed.IsMultiTask,
            paired ? inputs[0] : Input(parsed),
            !parsed.IsMultiTask && parsed.Find(MomentumEncoder) is not null,
            errors)
        {
            SecondInput = paired ? inputs[1] : null,
        };
    }

    /// <summary>
    /// The task's input, which gives the shells' batch type: its first input attribute (a multi-task: its first
    /// member's), else the input kind that every declared attribute fits (a tabular task that lacks only
    /// [TabularInput] gets TabularBatch), else images.
    /// </summary>
    private static AttributeModel Input(ParsedTask parsed)
    {
        var input = parsed.IsMultiTask
            ? parsed.Members.Select(m => m.Input).FirstOrDefault(i => i is not null)
            : parsed.OfCategory(AttributeCategory.Input).FirstOrDefault()?.Model;
        if (input is null)
        {
            var fits = parsed.Attributes.Select(a => a.Spec.Modalities).Where(m => m != Modality.None).Aggregate(Modality.Any, (all, m) => all & m);
            input = InCategory(AttributeCategory.Input).FirstOrDefault(s => s.Modalities == fits)?.Defaults;
        }

        return input ?? ImageInput.Defaults;
    }
}
