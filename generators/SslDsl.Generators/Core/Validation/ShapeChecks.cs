using System;
using System.Collections.Generic;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// Sizes that must fit the input (SSL015): patch, grid and block sizes against the image, blur
/// kernels, rotation classes, span lengths against MaxLength and forecast horizons against the
/// series length. Values the range checks already reject are not checked again.
/// </summary>
internal static class ShapeChecks
{
    public static void Check(ValidationContext c)
    {
        var input = c.Input;
        if (input is null)
        {
            return;
        }

        switch (input.Spec)
        {
            case ImageInputSpec:
                CheckImage(c, input);
                break;
            case TextInputSpec:
                CheckText(c, input);
                break;
            case TimeSeriesInputSpec:
                CheckSeries(c, input);
                break;
        }

        CheckReconstruction(c);
    }

    private static void Shape(ValidationContext c, ParsedAttribute a, ParamSpec parameter, string message, params Repair[] repairs) =>
        c.ReportRepairable(DiagnosticDescriptors.ShapeMismatch, a.LocationOf(parameter), repairs, message);

    /// <summary>The repair that sets <paramref name="p"/> to <paramref name="value"/>, saying why in the title.</summary>
    private static Repair Set(ParsedAttribute a, IntParam p, int value, string why) =>
        Repair.Set($"Set {p.Name} = {value} ({why})", a.LocationOf(p), p, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static void CheckImage(ValidationContext c, ParsedAttribute input)
    {
        int h = input.Get(ImageInput.Height);
        int w = input.Get(ImageInput.Width);
        if (!input.AreKnown(ImageInput.Height, ImageInput.Width) || h <= 0 || w <= 0)
        {
            return;
        }

        int side = Math.Min(h, w);
        foreach (var s in c.Steps)
        {
            switch (s.Spec)
            {
                case PatchMaskSpec:
                {
                    int p = s.Get(PatchMask.PatchSize);
                    if (s.IsKnown(PatchMask.PatchSize) && p > 0 && (h % p != 0 || w % p != 0))
                    {
                        int d = Divisors.Common(h, w, p);
                        Shape(c, s, PatchMask.PatchSize, $"PatchMask.PatchSize is {p}, which does not divide the {h}x{w} image into whole patches; use a divisor of both sides, e.g. {d}",
                            Set(s, PatchMask.PatchSize, d, $"divides {h}x{w}"));
                    }

                    break;
                }

                case BlockMaskSpec:
                {
                    int size = s.Get(BlockMask.Size);
                    if (s.IsKnown(BlockMask.Size) && size > 0 && size >= side)
                    {
                        int half = Math.Max(1, side / 2);
                        Shape(c, s, BlockMask.Size, $"BlockMask.Size is {size}, but the block must be smaller than the {h}x{w} image; use a size below {side}, e.g. {half}",
                            Set(s, BlockMask.Size, half, $"half of {h}x{w}"));
                    }

                    break;
                }

                case GaussianBlurSpec:
                {
                    int k = s.Get(GaussianBlur.KernelSize);
                    if (!s.IsKnown(GaussianBlur.KernelSize) || k <= 0)
                    {
                        break;
                    }

                    if (k % 2 == 0)
                    {
                        var down = Set(s, GaussianBlur.KernelSize, k - 1, "odd");
                        var repairs = k + 1 < side ? new[] { down, Set(s, GaussianBlur.KernelSize, k + 1, "odd").As("Larger") } : new[] { down };
                        Shape(c, s, GaussianBlur.KernelSize, $"GaussianBlur.KernelSize is {k}, but a blur kernel must be odd so that it has a centre pixel; use {k - 1} or {k + 1}", repairs);
                    }
                    else if (k >= side)
                    {
                        int odd = side % 2 == 1 ? side - 2 : side - 1;
                        Shape(c, s, GaussianBlur.KernelSize, $"GaussianBlur.KernelSize is {k}, but the kernel must be smaller than the {h}x{w} image; use an odd size below {side}",
                            odd >= 1 ? new[] { Set(s, GaussianBlur.KernelSize, odd, $"the largest odd size below {side}") } : new Repair[0]);
                    }

                    break;
                }
            }
        }

        foreach (var o in c.Objectives)
        {
            switch (o.Spec)
            {
                case JigsawPredictionSpec:
                    CheckJigsaw(c, o, h, w);
                    break;

                case RelativePatchPositionSpec:
                {
                    int g = o.Get(RelativePatchPosition.Grid);
                    if (!o.IsKnown(RelativePatchPosition.Grid) || g < 1)
                    {
                        break;
                    }

                    if (g != 3)
                    {
                        Shape(c, o, RelativePatchPosition.Grid, $"RelativePatchPosition.Grid is {g}, but it must be 3 (a centre patch and its 8 neighbours); set Grid = 3",
                            h % 3 == 0 && w % 3 == 0 ? new[] { Set(o, RelativePatchPosition.Grid, 3, "a centre and 8 neighbours") } : new Repair[0]);
                    }
                    else if (h % g != 0 || w % g != 0)
                    {
                        Shape(c, o, RelativePatchPosition.Grid, $"RelativePatchPosition.Grid 3 does not divide the {h}x{w} image into whole patches; use an image whose sides are multiples of 3 (e.g. {h - (h % 3)}x{w - (w % 3)})");
                    }

                    break;
                }

                case RotationPredictionSpec:
                {
                    int angles = o.Get(RotationPrediction.Angles);
                    if (!o.IsKnown(RotationPrediction.Angles) || angles < 1)
                    {
                        break;
                    }

                    if (angles != 2 && angles != 4)
                    {
                        Shape(c, o, RotationPrediction.Angles, $"RotationPrediction.Angles is {angles}, but it must be 2 or 4 (multiples of 90 degrees keep the pixel grid); set Angles = 4",
                            h == w ? Set(o, RotationPrediction.Angles, 4, "quarter turns") : Set(o, RotationPrediction.Angles, 2, "half turns of a non-square image"));
                    }
                    else if (angles == 4 && h != w)
                    {
                        Shape(c, o, RotationPrediction.Angles, $"RotationPrediction.Angles is 4, but 90-degree turns need a square image and the input is {h}x{w}; use Angles = 2 or a square input",
                            Set(o, RotationPrediction.Angles, 2, "half turns of a non-square image"));
                    }

                    break;
                }
            }
        }
    }

    private static void CheckJigsaw(ValidationContext c, ParsedAttribute o, int h, int w)
    {
        int g = o.Get(JigsawPrediction.Grid);
        int perms = o.Get(JigsawPrediction.Permutations);
        if (!o.IsKnown(JigsawPrediction.Grid) || g < 1)
        {
            return;
        }

        if (g < 2)
        {
            Shape(c, o, JigsawPrediction.Grid, $"JigsawPrediction.Grid is {g}, but a puzzle needs at least 2 tiles per side; set Grid = 2 or 3",
                h % 2 == 0 && w % 2 == 0 ? new[] { Set(o, JigsawPrediction.Grid, 2, "2x2 tiles") } : new Repair[0]);
        }
        else if (h % g != 0 || w % g != 0)
        {
            int d = Divisors.Common(h, w, g);
            Shape(c, o, JigsawPrediction.Grid, $"JigsawPrediction.Grid is {g}, which does not divide the {h}x{w} image into whole tiles; use a divisor of both sides, e.g. {d}",
                d >= 2 ? new[] { Set(o, JigsawPrediction.Grid, d, $"divides {h}x{w}") } : new Repair[0]);
        }
        else if (o.IsKnown(JigsawPrediction.Permutations) && perms >= 1 && (perms < 2 || perms > Factorial(g * g)))
        {
            int most = (int)Math.Min(Factorial(g * g), 1_000_000);
            Shape(c, o, JigsawPrediction.Permutations, $"JigsawPrediction.Permutations is {perms}, but with {g * g} tiles it must be between 2 and {most}; pick a value in that range",
                Repair.Set($"Clamp Permutations to {(perms < 2 ? 2 : most)}", o.LocationOf(JigsawPrediction.Permutations), JigsawPrediction.Permutations, (perms < 2 ? 2 : most).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static void CheckText(ValidationContext c, ParsedAttribute input)
    {
        int max = input.Get(TextInput.MaxLength);
        if (!input.IsKnown(TextInput.MaxLength) || max < 1)
        {
            return;
        }

        foreach (var s in c.Steps)
        {
            var meanSpan = s.Spec == SpanMask ? SpanMask.MeanSpan : s.Spec == SpanCorruption ? SpanCorruption.MeanSpan : null;
            if (meanSpan is null)
            {
                continue;
            }

            double span = s.Get(meanSpan);
            if (s.IsKnown(meanSpan) && span > max)
            {
                double usual = Math.Min(meanSpan.Default, max);
                Shape(c, s, meanSpan, $"{s.Spec.Name}.MeanSpan is {ValidationContext.Format(span)}, longer than TextInput.MaxLength ({max}); use spans shorter than the sequence (3 is usual)",
                    Repair.Set($"Set MeanSpan = {ArgValue.FormatDouble(usual)}", s.LocationOf(meanSpan), meanSpan, ArgValue.FormatDouble(usual)));
            }
        }
    }

    private static void CheckSeries(ValidationContext c, ParsedAttribute input)
    {
        int length = input.Get(TimeSeriesInput.Length);
        if (!input.IsKnown(TimeSeriesInput.Length) || length < 1)
        {
            return;
        }

        foreach (var o in c.Objectives.Where(o => o.Is(ForecastLoss)))
        {
            int horizon = o.Get(ForecastLoss.Horizon);
            if (o.IsKnown(ForecastLoss.Horizon) && horizon >= length)
            {
                Shape(c, o, ForecastLoss.Horizon, $"ForecastLoss.Horizon is {horizon}, but it must be smaller than TimeSeriesInput.Length ({length}) to leave a window to forecast from; use a horizon below {length}",
                    length >= 2 ? new[] { Set(o, ForecastLoss.Horizon, length / 2, "half the series") } : new Repair[0]);
            }
        }
    }

    /// <summary>SSL012 (a warning): a reconstruction objective with nothing that corrupts the input.</summary>
    private static void CheckReconstruction(ValidationContext c)
    {
        var reconstruction = c.Find(ReconstructionLoss);
        if (reconstruction is not null && c.TrustAbsence && !c.Steps.Any(s => s.Spec is StepSpec { Corrupts: true }))
        {
            var corruptions = Corruptions(c).ToList();
            var anchor = c.PipelineEnd;
            var repairs = anchor is null
                ? new Repair[0]
                : corruptions.Select((a, i) => i == 0 ? Repair.AddAfter(anchor.Location, a.Spec, a.Arguments) : Repair.AddAfter(anchor.Location, a.Spec, a.Arguments).As("Add" + a.Spec.Name));
            c.ReportRepairable(DiagnosticDescriptors.IdentityReconstruction, reconstruction.Location, repairs, c.Name, ViewChecks.Suggestion(corruptions));
        }
    }

    /// <summary>
    /// Corruptions a reconstruction objective can undo, by modality (SSL012: the message and the repairs, in
    /// this order), with sizes that fit the input: a patch that divides the image, a block smaller than it.
    /// </summary>
    private static IEnumerable<(AttributeSpec Spec, string Arguments)> Corruptions(ValidationContext c)
    {
        switch (c.Modality)
        {
            case Modality.Text:
                return new (AttributeSpec, string)[] { (MaskTokens, ""), (SpanMask, "") };
            case Modality.Tabular:
                return new (AttributeSpec, string)[] { (FeatureCorruption, "") };
            case Modality.Series:
                return new (AttributeSpec, string)[] { (TimeMask, ""), (Jitter, "") };
        }

        var input = c.Input;
        int h = input?.Get(ImageInput.Height) ?? ImageInput.Height.Default;
        int w = input?.Get(ImageInput.Width) ?? ImageInput.Width.Default;
        var found = new List<(AttributeSpec, string)>();
        int patch = Divisors.Common(h, w, PatchMask.PatchSize.Default);
        found.Add((PatchMask, patch == PatchMask.PatchSize.Default ? "" : $"{PatchMask.PatchSize.Name} = {patch}"));
        int side = Math.Min(h, w);
        if (side >= 2)
        {
            int block = Math.Min(BlockMask.Size.Default, side / 2);
            found.Add((BlockMask, block == BlockMask.Size.Default ? "" : $"{BlockMask.Size.Name} = {block}"));
        }

        found.Add((GaussianNoise, ""));
        return found;
    }

    private static long Factorial(int n)
    {
        long f = 1;
        for (int i = 2; i <= n && f < 10_000_000; i++)
        {
            f *= i;
        }

        return f;
    }
}
