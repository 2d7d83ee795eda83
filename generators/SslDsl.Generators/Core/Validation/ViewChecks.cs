using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// Views: joint-embedding objectives need two (SSL010); two or more views need a random
/// augmentation, else they are identical (SSL011); a view count below 1 (SSL026).
/// </summary>
internal static class ViewChecks
{
    public static void Check(ValidationContext c)
    {
        var views = c.ViewsAttribute;
        if (views is not null && !views.IsKnown("Count"))
        {
            return;
        }

        int count = views?.Model.Int("Count") ?? 1;
        var joint = c.Objectives.Where(o => AttributeCatalog.JointEmbedding.Contains(o.Spec.Name)).ToList();
        if (joint.Count > 0 && count < 2)
        {
            string objectives = ValidationContext.List(joint.Select(o => o.Spec.Name));
            if (views is not null)
            {
                c.Report(DiagnosticDescriptors.TooFewViews, views.LocationOf("Count"), objectives, c.Name, count == 1 ? "1 view" : $"{count} views");
            }
            else if (c.TrustAbsence)
            {
                c.Report(DiagnosticDescriptors.TooFewViews, joint[0].Location, objectives, c.Name, "1 view (it declares no [Views])");
            }
        }
        else if (count < 1)
        {
            c.Report(DiagnosticDescriptors.StrengthOutOfRange, views!.LocationOf("Count"), "Views", "Count", count, ">= 1",
                "set how many views of each sample the pipeline draws, e.g. [Views(1)], or remove [Views]");
        }

        if (count >= 2 && !c.Steps.Any(s => AttributeCatalog.IsRandom(s.Spec.Name)))
        {
            c.Report(DiagnosticDescriptors.IdenticalViews, views!.Location, c.Name, count, Suggestion(c.Modality));
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
