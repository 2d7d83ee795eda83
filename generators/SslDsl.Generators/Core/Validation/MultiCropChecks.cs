using System.Collections.Generic;
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
            c.ReportRepairable(DiagnosticDescriptors.WrongModality, multiCrop.Location, ToTwoViews(c, multiCrop, addCrop: false),
                multiCrop.Spec.Name, ValidationContext.Describe(multiCrop.Spec.Modalities), c.Name, c.Input!.Spec.Name, ValidationContext.Describe(c.Modality));
            return;
        }

        CheckSizes(c, multiCrop);

        // Views of one size suit every joint-embedding objective: when none of them takes multi-crop, [MultiCrop] gives way to them.
        var replace = c.Objectives.Any(o => TakesMultiCrop(o.Spec)) ? null : ToTwoViews(c, multiCrop, addCrop: true);
        if (c.ViewsAttribute is { } views)
        {
            c.ReportRepairable(DiagnosticDescriptors.MultiCropInvalid, views.Location, replace ?? new[] { Repair.RemoveAttribute($"Remove [{Views.Name}]", views.Location) },
                $"[Views] and [MultiCrop] both declare the views of task '{c.Name}'; remove [Views]: [MultiCrop] draws {MultiCropSpec.GlobalViews} global crops and LocalViews local ones");
        }

        foreach (var crop in c.Steps.Where(s => s.Is(RandomResizedCrop)))
        {
            c.ReportRepairable(DiagnosticDescriptors.MultiCropInvalid, crop.Location, replace ?? new[] { Repair.RemoveAttribute($"Remove [{RandomResizedCrop.Name}]", crop.Location) },
                "[RandomResizedCrop] crops the views again after [MultiCrop] has cropped them to their sizes; remove it and set the crop scales on [MultiCrop] (GlobalMinScale, LocalMinScale, ...)");
        }

        foreach (var objective in c.Objectives.Where(o => IsJointEmbedding(o.Spec) && !TakesMultiCrop(o.Spec)))
        {
            c.ReportRepairable(DiagnosticDescriptors.MultiCropInvalid, objective.Location, replace ?? new Repair[0],
                $"[{objective.Spec.Name}] compares views of one size, but [MultiCrop]'s local crops are smaller than its global ones; use [DinoLoss] or [SwavLoss] with [MultiCrop], or [Views(2)] and [RandomResizedCrop] with [{objective.Spec.Name}]");
        }

        if (c.Find(Backbone) is { } backbone && backbone.IsKnown(Backbone.Kind) && backbone.Get(Backbone.Kind) == "Mlp")
        {
            string literal = $"{Backbone.Kind.EnumType}.SmallCnn";
            c.ReportRepairable(DiagnosticDescriptors.MultiCropInvalid, backbone.LocationOf(Backbone.Kind), new[] { Repair.Set($"Use {literal}", backbone.LocationOf(Backbone.Kind), Backbone.Kind, literal) },
                "Backbone(BackboneKind.Mlp) flattens images of one size, but [MultiCrop]'s crops have two; use a convolutional backbone (SmallCnn, ResNet) whose pooling takes any size");
        }

        if (VisionTransformerChecks.IsVisionTransformer(c.Find(Backbone)))
        {
            var vit = c.Find(Backbone)!;
            string literal = $"{Backbone.Kind.EnumType}.SmallCnn";
            c.ReportRepairable(DiagnosticDescriptors.MultiCropInvalid, vit.LocationOf(Backbone.Kind), new[] { Repair.Set($"Use {literal}", vit.LocationOf(Backbone.Kind), Backbone.Kind, literal) },
                "Backbone(BackboneKind.VisionTransformer) has one position per patch of one image size, but [MultiCrop]'s crops have two; use a convolutional backbone (SmallCnn, ResNet) whose pooling takes any size");
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
            string literal = suggestion.ToString(CultureInfo.InvariantCulture);
            // A global crop of one pixel leaves no smaller local size.
            var repairs = suggestion < global ? new[] { Repair.Set($"Set LocalSize = {literal} (96/224 of GlobalSize)", multiCrop.Location, MultiCrop.LocalSize, literal) } : new Repair[0];
            c.ReportRepairable(DiagnosticDescriptors.MultiCropInvalid, location, repairs,
                $"MultiCrop.LocalSize is {local}, but local crops must be smaller than the global ones (GlobalSize = {global}): they show a small part of the image at a low resolution; set LocalSize below {global}, e.g. {suggestion} (DINO's 96 / 224)");
        }
    }

    /// <summary>
    /// Removes [MultiCrop] and, for joint-embedding objectives, declares two views of the input's size after the input
    /// ([Views(2)] unless declared, and with <paramref name="addCrop"/> [RandomResizedCrop] unless declared, so they differ).
    /// </summary>
    private static Repair[] ToTwoViews(ValidationContext c, ParsedAttribute multiCrop, bool addCrop)
    {
        var additions = new List<(AttributeSpec Spec, string Arguments)>();
        bool joint = c.Objectives.Any(o => IsJointEmbedding(o.Spec));
        if (joint && c.ViewsAttribute is null)
        {
            additions.Add((Views, "2"));
        }

        if (joint && addCrop && !c.Steps.Any(s => s.Is(RandomResizedCrop)))
        {
            additions.Add((RandomResizedCrop, ""));
        }

        var anchor = c.Input ?? c.Task.TaskAttribute;
        if (additions.Count > 0 && anchor is null)
        {
            return new Repair[0];
        }

        var edits = additions.Select(a => Repair.AddEdit(anchor!.Location, after: true, a.Spec, a.Arguments))
            .Append(new RepairEdit(RepairKind.RemoveAttribute, multiCrop.Location));
        string title = additions.Count == 0
            ? $"Remove [{MultiCrop.Name}]"
            : $"Replace [{MultiCrop.Name}] by " + ValidationContext.List(additions.Select(a => Repair.Written(a.Spec, a.Arguments)));
        return new[] { new Repair(title, null, edits) };
    }
}
