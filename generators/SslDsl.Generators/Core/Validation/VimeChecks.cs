using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// VIME's mask and objective: [VimeLoss] and [VimeMask] declared together (SSL052), the table's columns fixed by the
/// declaration (SSL053: VIME masks and reconstructs whole columns), and one [VimeMask] that applies (SSL054).
/// </summary>
internal static class VimeChecks
{
    public static void Check(ValidationContext c)
    {
        if (c.Modality != Modality.Tabular)
        {
            return; // SSL013 reports VIME on another input
        }

        var masks = c.Steps.Where(s => s.Is(VimeMask)).ToList();
        var loss = c.Find(VimeLoss);
        CheckPairing(c, masks.FirstOrDefault(), loss);
        if (masks.Count == 0 && loss is null)
        {
            return;
        }

        CheckColumns(c, loss ?? masks[0]);
        CheckMasks(c, masks);
    }

    private static void CheckPairing(ValidationContext c, ParsedAttribute? mask, ParsedAttribute? loss)
    {
        if (loss is not null && mask is null && c.TrustAbsence)
        {
            var anchor = c.PipelineEnd;
            var repairs = anchor is null ? new Repair[0] : new[] { Repair.AddAfter(anchor.Location, VimeMask) };
            c.ReportRepairable(DiagnosticDescriptors.VimeMaskObjectiveMismatch, loss.Location, repairs,
                "[VimeLoss]", c.Name, "has no [VimeMask] to corrupt its rows and to draw the mask it estimates", "add [VimeMask] to the pipeline");
        }

        if (mask is not null && loss is null && c.Objectives.Count > 0)
        {
            c.ReportRepairable(DiagnosticDescriptors.VimeMaskObjectiveMismatch, mask.Location,
                new[] { Repair.AddAfter(c.Objectives[c.Objectives.Count - 1].Location, VimeLoss) },
                "[VimeMask]", c.Name, "draws a mask and corrupted rows that no objective reads (the other objectives see their own views)", "add [VimeLoss], which estimates the mask and reconstructs the rows");
        }
    }

    private static void CheckColumns(ValidationContext c, ParsedAttribute vime)
    {
        var input = c.Input;
        var columns = c.Task.OfCategory(AttributeCategory.InputColumn).ToList();
        if (input is null || !input.IsKnown(TabularInput.Features) || input.Get(TabularInput.Features) <= 0
            || columns.Any(a => !a.AreKnown(CategoricalFeature.Cardinality, CategoricalFeature.Encoding) || a.Get(CategoricalFeature.Cardinality) < 0))
        {
            return; // SSL015, SSL026 first
        }

        if (TabularLayout.Of(input.Get(TabularInput.Features), columns.Select(a => a.Model), out var problem) is not null)
        {
            return;
        }

        var unsized = columns.FirstOrDefault(a => a.Get(CategoricalFeature.Cardinality) < 1);
        if (unsized is not null)
        {
            c.Report(DiagnosticDescriptors.VimeColumnsUnknown, unsized.Location, c.Name, problem,
                "declare its Cardinality (the number of categories the model is built for)");
            return;
        }

        c.Report(DiagnosticDescriptors.VimeColumnsUnknown, input.LocationOf(TabularInput.Features), c.Name, problem,
            "Features must count the numeric features, each one-hot column's categories and one per embedded column");
    }

    private static void CheckMasks(ValidationContext c, System.Collections.Generic.List<ParsedAttribute> masks)
    {
        foreach (var extra in masks.Skip(1))
        {
            c.ReportRepairable(DiagnosticDescriptors.VimeMaskIneffective, extra.Location,
                new[] { Repair.RemoveAttribute("Remove this [VimeMask]", extra.Location) },
                c.Name, $"declares [VimeMask] {masks.Count} times, but VIME corrupts each row once and estimates one mask, so only the first would apply", "keep one");
        }

        var first = masks.FirstOrDefault();
        if (first is not null && first.IsKnown(VimeMask.P) && first.Get(VimeMask.P) == 0.0)
        {
            c.ReportRepairable(DiagnosticDescriptors.VimeMaskIneffective, first.LocationOf(VimeMask.P),
                new[] { Repair.RemoveArgument("Remove P (every row is corrupted)", first.Location, VimeMask.P) },
                c.Name, "corrupts no row: [VimeMask] has P = 0, so the mask estimator learns that nothing is ever replaced and the feature estimator the identity", "remove P (VIME corrupts every row) or raise it");
        }
    }
}
