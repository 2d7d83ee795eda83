using System.Linq;

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
        if (views is not null && !views.IsKnown(AttributeCatalog.Views.Count))
        {
            return;
        }

        int count = views?.Get(AttributeCatalog.Views.Count) ?? 1;
        var joint = c.Objectives.Where(o => AttributeCatalog.IsJointEmbedding(o.Spec)).ToList();
        if (joint.Count > 0 && count < 2)
        {
            string objectives = ValidationContext.List(joint.Select(o => o.Spec.Name));
            if (views is not null)
            {
                c.Report(DiagnosticDescriptors.TooFewViews, views.LocationOf(AttributeCatalog.Views.Count), objectives, c.Name, count == 1 ? "1 view" : $"{count} views");
            }
            else if (c.TrustAbsence)
            {
                c.Report(DiagnosticDescriptors.TooFewViews, joint[0].Location, objectives, c.Name, "1 view (it declares no [Views])");
            }
        }
        else if (count < 1)
        {
            c.Report(DiagnosticDescriptors.StrengthOutOfRange, views!.LocationOf(AttributeCatalog.Views.Count), AttributeCatalog.Views.Name, AttributeCatalog.Views.Count.Name, count, ">= 1",
                "set how many views of each sample the pipeline draws, e.g. [Views(1)], or remove [Views]");
        }

        if (count > MaxViews)
        {
            c.Report(DiagnosticDescriptors.StrengthOutOfRange, views!.LocationOf(AttributeCatalog.Views.Count), AttributeCatalog.Views.Name, AttributeCatalog.Views.Count.Name, count, $"<= {MaxViews}",
                "draw fewer views of each sample, e.g. [Views(2)] (multi-crop methods use about 10)");
        }

        if (count >= 2 && !c.Steps.Any(s => AttributeCatalog.IsRandom(s.Spec)))
        {
            c.Report(DiagnosticDescriptors.IdenticalViews, views!.Location, c.Name, count, Suggestion(c.Modality));
        }
    }

    /// <summary>[MultiCrop] draws 2 global crops and LocalViews local ones (random crops, never identical): only their number is bounded.</summary>
    private static void CheckMultiCropCount(ValidationContext c, ParsedAttribute multiCrop)
    {
        var local = AttributeCatalog.MultiCrop.LocalViews;
        int count = AttributeCatalog.MultiCropSpec.GlobalViews + multiCrop.Get(local);
        if (multiCrop.IsKnown(local) && count > MaxViews)
        {
            c.Report(DiagnosticDescriptors.StrengthOutOfRange, multiCrop.LocationOf(local), AttributeCatalog.MultiCrop.Name, local.Name, multiCrop.Get(local), $"<= {MaxViews - AttributeCatalog.MultiCropSpec.GlobalViews}",
                "draw fewer local crops (DINO and SwAV use 6 to 10)");
        }
    }

    private static string Suggestion(Modality modality) => modality switch
    {
        Modality.Text => "[MaskTokens] or [SpanMask]",
        Modality.Tabular => "[FeatureCorruption]",
        Modality.Series => "[Jitter], [Scaling] or [TimeMask]",
        _ => "[RandomResizedCrop], [ColorJitter] or [GaussianNoise]",
    };

    /// <summary>Corruptions a reconstruction objective can undo, by modality, for SSL012's message.</summary>
    public static string CorruptionSuggestion(Modality modality) => modality switch
    {
        Modality.Text => "[MaskTokens] or [SpanMask]",
        Modality.Tabular => "[FeatureCorruption]",
        Modality.Series => "[TimeMask] or [Jitter]",
        _ => "[PatchMask], [BlockMask] or [GaussianNoise]",
    };
}
