using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// Views: joint-embedding objectives need two (SSL010); two or more views need a random
/// augmentation, else they are identical (SSL011); a view count below 1 or above
/// <see cref="MaxViews"/> (SSL026), [MultiCrop]'s local crops included.
/// </summary>
internal static class ViewChecks
{
    /// <summary>
    /// The most views a task may draw. The pipeline is generated one view at a time and joint-embedding
    /// losses one view pair at a time, so the count bounds the generated code (multi-crop methods use
    /// about 10); without a bound, [Views(int.MaxValue)] would make the generator run out of memory.
    /// </summary>
    public const int MaxViews = 64;

    public static void Check(ValidationContext c)
    {
        if (c.MultiCrop is { } multiCrop)
        {
            CheckMultiCropCount(c, multiCrop);
            return;
        }

        var views = c.ViewsAttribute;
        if (views is not null && !views.IsKnown(Views.Count))
        {
            return;
        }

        int count = views?.Get(Views.Count) ?? 1;
        var joint = c.Objectives.Where(o => IsJointEmbedding(o.Spec)).ToList();
        if (joint.Count > 0 && count < 2)
        {
            string objectives = ValidationContext.List(joint.Select(o => o.Spec.Name));
            if (views is not null)
            {
                c.ReportRepairable(DiagnosticDescriptors.TooFewViews, views.LocationOf(Views.Count), new[] { SetCount(views, 2, "Use") }, objectives, c.Name, count == 1 ? "1 view" : $"{count} views");
            }
            else if (c.TrustAbsence)
            {
                var add = (c.Input ?? c.Task.TaskAttribute) is { } anchor ? new[] { Repair.AddAfter(anchor.Location, Views, "2") } : new Repair[0];
                c.ReportRepairable(DiagnosticDescriptors.TooFewViews, joint[0].Location, add, objectives, c.Name, "1 view (it declares no [Views])");
            }
        }
        else if (count < 1)
        {
            c.ReportRepairable(DiagnosticDescriptors.StrengthOutOfRange, views!.LocationOf(Views.Count), new[] { SetCount(views, 1, "Clamp to") }, Views.Name, Views.Count.Name, count, ">= 1",
                "set how many views of each sample the pipeline draws, e.g. [Views(1)], or remove [Views]");
        }

        if (count > MaxViews)
        {
            c.ReportRepairable(DiagnosticDescriptors.StrengthOutOfRange, views!.LocationOf(Views.Count), new[] { SetCount(views, MaxViews, "Clamp to") }, Views.Name, Views.Count.Name, count, $"<= {MaxViews}",
                "draw fewer views of each sample, e.g. [Views(2)] (multi-crop methods use about 10)");
        }

        if (count >= 2 && !c.Steps.Any(s => IsRandom(s.Spec)))
        {
            var additions = Augmentations(c.Modality).Select((a, i) => i == 0 ? Repair.AddAfter(views!.Location, a.Spec, a.Arguments) : Repair.AddAfter(views!.Location, a.Spec, a.Arguments).As("Add" + a.Spec.Name));
            c.ReportRepairable(DiagnosticDescriptors.IdenticalViews, views!.Location, additions, c.Name, count, Suggestion(Augmentations(c.Modality)));
        }
    }

    /// <summary>[MultiCrop] draws 2 global crops and LocalViews local ones (random crops, never identical): only their number is bounded.</summary>
    private static void CheckMultiCropCount(ValidationContext c, ParsedAttribute multiCrop)
    {
        var local = MultiCrop.LocalViews;
        int count = MultiCropSpec.GlobalViews + multiCrop.Get(local);
        if (multiCrop.IsKnown(local) && count > MaxViews)
        {
            string most = (MaxViews - MultiCropSpec.GlobalViews).ToString(CultureInfo.InvariantCulture);
            var repair = Repair.Set($"Clamp {local.Name} to {most}", multiCrop.LocationOf(local), local, most);
            c.ReportRepairable(DiagnosticDescriptors.StrengthOutOfRange, multiCrop.LocationOf(local), new[] { repair }, MultiCrop.Name, local.Name, multiCrop.Get(local), $"<= {most}",
                "draw fewer local crops (DINO and SwAV use 6 to 10)");
        }
    }

    private static Repair SetCount(ParsedAttribute views, int count, string verb) =>
        Repair.Set($"{verb} {Repair.Written(Views, count.ToString(CultureInfo.InvariantCulture))}", views.LocationOf(Views.Count), Views.Count, count.ToString(CultureInfo.InvariantCulture));

    /// <summary>"[A], [B] or [C]" for a message.</summary>
    public static string Suggestion(IEnumerable<(AttributeSpec Spec, string Arguments)> attributes) =>
        ValidationContext.List(attributes.Select(a => $"[{a.Spec.Name}]")).Replace(" and ", " or ");

    /// <summary>Random augmentations that make views differ, by modality (SSL011: the message and the repairs, in this order).</summary>
    public static IEnumerable<(AttributeSpec Spec, string Arguments)> Augmentations(Modality modality) => modality switch
    {
        Modality.Text => new (AttributeSpec, string)[] { (MaskTokens, ""), (SpanMask, "") },
        Modality.Tabular => new (AttributeSpec, string)[] { (FeatureCorruption, "") },
        Modality.Series => new (AttributeSpec, string)[] { (Jitter, ""), (Scaling, ""), (TimeMask, "") },
        _ => new (AttributeSpec, string)[] { (RandomResizedCrop, ""), (ColorJitter, ""), (GaussianNoise, "") },
    };
}
