using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// [MultiCrop] (SSL027): crops of images only (SSL013); the local crops must be smaller than the global ones; it declares and crops the views
/// itself, so [Views] and [RandomResizedCrop] beside it are errors; only objectives that encode each crop size
/// apart ([DinoLoss], [SwavLoss]) can compare its views; and the encoder must take images of any size.
/// </summary>
internal static class MultiCropChecks
{
    public static void Check(ValidationContext c)
    {
        var multiCrop = c.MultiCrop;
        if (multiCrop is null)
        {
            return;
        }

        if (c.Modality != Modality.None && (multiCrop.Spec.Modalities & c.Modality) == 0)
        {
            c.Report(DiagnosticDescriptors.WrongModality, multiCrop.Location, multiCrop.Spec.Name, ValidationContext.Describe(multiCrop.Spec.Modalities), c.Name, c.Input!.Spec.Name, ValidationContext.Describe(c.Modality));
            return;
        }

        CheckSizes(c, multiCrop);
        if (c.ViewsAttribute is { } views)
        {
            c.Report(DiagnosticDescriptors.MultiCropInvalid, views.Location,
                $"[Views] and [MultiCrop] both declare the views of task '{c.Name}'; remove [Views]: [MultiCrop] draws {MultiCropSpec.GlobalViews} global crops and LocalViews local ones");
        }

        foreach (var crop in c.Steps.Where(s => s.Is(RandomResizedCrop)))
        {
            c.Report(DiagnosticDescriptors.MultiCropInvalid, crop.Location,
                "[RandomResizedCrop] crops the views again after [MultiCrop] has cropped them to their sizes; remove it and set the crop scales on [MultiCrop] (GlobalMinScale, LocalMinScale, ...)");
        }

        foreach (var objective in c.Objectives.Where(o => IsJointEmbedding(o.Spec) && !TakesMultiCrop(o.Spec)))
        {
            c.Report(DiagnosticDescriptors.MultiCropInvalid, objective.Location,
                $"[{objective.Spec.Name}] compares views of one size, but [MultiCrop]'s local crops are smaller than its global ones; use [DinoLoss] or [SwavLoss] with [MultiCrop], or [Views(2)] and [RandomResizedCrop] with [{objective.Spec.Name}]");
        }

        if (c.Find(Backbone) is { } backbone && backbone.IsKnown(Backbone.Kind) && backbone.Get(Backbone.Kind) == "Mlp")
        {
            c.Report(DiagnosticDescriptors.MultiCropInvalid, backbone.LocationOf(Backbone.Kind),
                "Backbone(BackboneKind.Mlp) flattens images of one size, but [MultiCrop]'s crops have two; use a convolutional backbone (SmallCnn, ResNet) whose pooling takes any size");
        }
    }

    private static void CheckSizes(ValidationContext c, ParsedAttribute multiCrop)
    {
        if (!multiCrop.AreKnown(MultiCrop.GlobalSize, MultiCrop.LocalSize))
        {
            return;
        }

        int global = multiCrop.Get(MultiCrop.GlobalSize);
        int local = multiCrop.Get(MultiCrop.LocalSize);
        if (global > 0 && local > 0 && local >= global)
        {
            bool localWritten = multiCrop.IsWritten(MultiCrop.LocalSize) || !multiCrop.IsWritten(MultiCrop.GlobalSize);
            var location = multiCrop.LocationOf(localWritten ? MultiCrop.LocalSize : MultiCrop.GlobalSize);
            int suggestion = System.Math.Max(1, (int)System.Math.Round(global * 96.0 / 224.0));
            var properties = multiCrop.IsWritten(MultiCrop.LocalSize)
                ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticDescriptors.ReplacementProperty, suggestion.ToString(CultureInfo.InvariantCulture))
                : ImmutableDictionary<string, string?>.Empty;
            c.Report(DiagnosticDescriptors.MultiCropInvalid, location, properties,
                $"MultiCrop.LocalSize is {local}, but local crops must be smaller than the global ones (GlobalSize = {global}): they show a small part of the image at a low resolution; set LocalSize below {global}, e.g. {suggestion} (DINO's 96 / 224)");
        }
    }
}
