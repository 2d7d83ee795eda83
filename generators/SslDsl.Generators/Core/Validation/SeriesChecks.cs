using System.Globalization;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// Time-series methods against the encoder and the series length: TS2Vec needs an encoder with a representation per
/// step (SSL049) and a series at least as long as its shortest crop (SSL050); a segment permutation needs from 2 to
/// Length segments (SSL051).
/// </summary>
internal static class SeriesChecks
{
    /// <summary>The built-in backbone that keeps the time axis (TS2Vec's encoder).</summary>
    public const string DilatedConv = "DilatedConv";

    public static void Check(ValidationContext c)
    {
        if (c.Modality != Modality.Series)
        {
            return;
        }

        int? length = c.Input is { } input && input.Is(TimeSeriesInput) && input.IsKnown(TimeSeriesInput.Length) ? input.Get(TimeSeriesInput.Length) : null;
        var ts2Vec = c.Find(Ts2VecLoss);
        if (ts2Vec is not null)
        {
            CheckEncoder(c);
            CheckShortestCrop(c, ts2Vec, length);
        }

        CheckSegments(c, length);
    }

    private static void CheckEncoder(ValidationContext c)
    {
        var backbone = c.Find(Backbone);
        if (backbone is not null)
        {
            if (!backbone.IsKnown(Backbone.Kind))
            {
                return;
            }

            string kind = backbone.Get(Backbone.Kind);
            // A kind that does not read series is SSL013's.
            if (kind != DilatedConv && (StructureChecks.BackboneModalities(kind) & Modality.Series) != 0)
            {
                string literal = $"{Backbone.Kind.EnumType}.{DilatedConv}";
                var repair = Repair.Set($"Use {literal}", backbone.LocationOf(Backbone.Kind), Backbone.Kind, literal);
                c.ReportRepairable(DiagnosticDescriptors.Ts2VecNeedsTimestampEncoder, backbone.LocationOf(Backbone.Kind), new[] { repair },
                    c.Name, $"[Backbone(BackboneKind.{kind})]", $"use {literal}, TS2Vec's dilated convolutions, which keep the time axis");
            }

            return;
        }

        var members = c.Task.EncoderMembers;
        if (members.Count == 1 && members[0].Problem is null && !members[0].EncodesTimestamps)
        {
            c.Report(DiagnosticDescriptors.Ts2VecNeedsTimestampEncoder, members[0].Location,
                c.Name, $"the [Encoder] member '{members[0].Name}' does not declare a type that implements ITimestampEncoder, so it",
                "return an ITimestampEncoder with that type, e.g. 'static DilatedConvEncoder Encoder() => Backbones.DilatedConv(inChannels: 1)'");
        }
    }

    private static void CheckShortestCrop(ValidationContext c, ParsedAttribute ts2Vec, int? length)
    {
        if (length is not { } steps || steps < 1 || !ts2Vec.IsKnown(Ts2VecLoss.TemporalUnit))
        {
            return;
        }

        int unit = ts2Vec.Get(Ts2VecLoss.TemporalUnit);
        if (unit < 0)
        {
            return; // SSL026
        }

        long shortest = unit >= 62 ? long.MaxValue : 1L << (unit + 1);
        if (shortest <= steps)
        {
            return;
        }

        int largest = Log2(steps) - 1;
        var repairs = largest < 0 ? new Repair[0] : new[] { Repair.Set($"Set TemporalUnit = {Text(largest)}", ts2Vec.Location, Ts2VecLoss.TemporalUnit, Text(largest)) };
        c.ReportRepairable(DiagnosticDescriptors.Ts2VecCropTooLong, ts2Vec.LocationOf(Ts2VecLoss.TemporalUnit), repairs,
            Text(unit), unit >= 62 ? "2^" + Text(unit + 1) : shortest.ToString(CultureInfo.InvariantCulture), Text(steps), largest < 0 ? "0 and lengthen the series to 2 steps or more" : Text(largest));
    }

    private static void CheckSegments(ValidationContext c, int? length)
    {
        foreach (var step in c.Steps.Where(s => s.Is(SegmentPermutation) && s.IsKnown(SegmentPermutation.MaxSegments)))
        {
            int segments = step.Get(SegmentPermutation.MaxSegments);
            string? why = segments < 2 ? (segments < 1 ? "a series is at least one segment" : "one segment permutes nothing")
                : length is { } steps && segments > steps ? $"a series of {Text(steps)} steps has at most {Text(steps)} segments"
                : null;
            if (why is null)
            {
                continue;
            }

            int nearest = segments < 2 ? 2 : length!.Value;
            var repairs = length is < 2 ? new Repair[0] : new[] { Repair.Set($"Set MaxSegments = {Text(nearest)}", step.Location, SegmentPermutation.MaxSegments, Text(nearest)) };
            c.ReportRepairable(DiagnosticDescriptors.SegmentCountInvalid, step.LocationOf(SegmentPermutation.MaxSegments), repairs,
                Text(segments), length is { } l ? Text(l) : "?", why, Text(nearest));
        }
    }

    private static int Log2(int n)
    {
        int log = 0;
        while ((n >>= 1) > 0)
        {
            log++;
        }

        return log;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
