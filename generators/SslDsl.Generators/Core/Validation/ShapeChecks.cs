using System;
using System.Linq;

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

        switch (input.Spec.Name)
        {
            case "ImageInput":
                CheckImage(c, input);
                break;
            case "TextInput":
                CheckText(c, input);
                break;
            case "TimeSeriesInput":
                CheckSeries(c, input);
                break;
        }

        CheckReconstruction(c);
    }

    private static void Shape(ValidationContext c, ParsedAttribute a, string parameter, string message) =>
        c.Report(DiagnosticDescriptors.ShapeMismatch, a.LocationOf(parameter), message);

    private static void CheckImage(ValidationContext c, ParsedAttribute input)
    {
        int h = input.Model.Int("Height");
        int w = input.Model.Int("Width");
        if (!input.AreKnown("Height", "Width") || h <= 0 || w <= 0)
        {
            return;
        }

        int side = Math.Min(h, w);
        foreach (var s in c.Steps)
        {
            switch (s.Spec.Name)
            {
                case "PatchMask":
                {
                    int p = s.Model.Int("PatchSize");
                    if (s.IsKnown("PatchSize") && p > 0 && (h % p != 0 || w % p != 0))
                    {
                        Shape(c, s, "PatchSize", $"PatchMask.PatchSize is {p}, which does not divide the {h}x{w} image into whole patches; use a divisor of both sides, e.g. {CommonDivisor(h, w, p)}");
                    }

                    break;
                }

                case "BlockMask":
                {
                    int size = s.Model.Int("Size");
                    if (s.IsKnown("Size") && size > 0 && size >= side)
                    {
                        Shape(c, s, "Size", $"BlockMask.Size is {size}, but the block must be smaller than the {h}x{w} image; use a size below {side}, e.g. {Math.Max(1, side / 2)}");
                    }

                    break;
                }

                case "GaussianBlur":
                {
                    int k = s.Model.Int("KernelSize");
                    if (!s.IsKnown("KernelSize") || k <= 0)
                    {
                        break;
                    }

                    if (k % 2 == 0)
                    {
                        Shape(c, s, "KernelSize", $"GaussianBlur.KernelSize is {k}, but a blur kernel must be odd so that it has a centre pixel; use {k - 1} or {k + 1}");
                    }
                    else if (k >= side)
                    {
                        Shape(c, s, "KernelSize", $"GaussianBlur.KernelSize is {k}, but the kernel must be smaller than the {h}x{w} image; use an odd size below {side}");
                    }

                    break;
                }
            }
        }

        foreach (var o in c.Objectives)
        {
            switch (o.Spec.Name)
            {
                case "JigsawPrediction":
                    CheckJigsaw(c, o, h, w);
                    break;

                case "RelativePatchPosition":
                {
                    int g = o.Model.Int("Grid");
                    if (!o.IsKnown("Grid") || g < 1)
                    {
                        break;
                    }

                    if (g != 3)
                    {
                        Shape(c, o, "Grid", $"RelativePatchPosition.Grid is {g}, but it must be 3 (a centre patch and its 8 neighbours); set Grid = 3");
                    }
                    else if (h % g != 0 || w % g != 0)
                    {
                        Shape(c, o, "Grid", $"RelativePatchPosition.Grid 3 does not divide the {h}x{w} image into whole patches; use an image whose sides are multiples of 3 (e.g. {h - (h % 3)}x{w - (w % 3)})");
                    }

                    break;
                }

                case "RotationPrediction":
                {
                    int angles = o.Model.Int("Angles");
                    if (!o.IsKnown("Angles") || angles < 1)
                    {
                        break;
                    }

                    if (angles != 2 && angles != 4)
                    {
                        Shape(c, o, "Angles", $"RotationPrediction.Angles is {angles}, but it must be 2 or 4 (multiples of 90 degrees keep the pixel grid); set Angles = 4");
                    }
                    else if (angles == 4 && h != w)
                    {
                        Shape(c, o, "Angles", $"RotationPrediction.Angles is 4, but 90-degree turns need a square image and the input is {h}x{w}; use Angles = 2 or a square input");
                    }

                    break;
                }
            }
        }
    }

    private static void CheckJigsaw(ValidationContext c, ParsedAttribute o, int h, int w)
    {
        int g = o.Model.Int("Grid");
        int perms = o.Model.Int("Permutations");
        if (!o.IsKnown("Grid") || g < 1)
        {
            return;
        }

        if (g < 2)
        {
            Shape(c, o, "Grid", $"JigsawPrediction.Grid is {g}, but a puzzle needs at least 2 tiles per side; set Grid = 2 or 3");
        }
        else if (h % g != 0 || w % g != 0)
        {
            Shape(c, o, "Grid", $"JigsawPrediction.Grid is {g}, which does not divide the {h}x{w} image into whole tiles; use a divisor of both sides, e.g. {CommonDivisor(h, w, g)}");
        }
        else if (o.IsKnown("Permutations") && perms >= 1 && (perms < 2 || perms > Factorial(g * g)))
        {
            Shape(c, o, "Permutations", $"JigsawPrediction.Permutations is {perms}, but with {g * g} tiles it must be between 2 and {Math.Min(Factorial(g * g), 1_000_000)}; pick a value in that range");
        }
    }

    private static void CheckText(ValidationContext c, ParsedAttribute input)
    {
        int max = input.Model.Int("MaxLength");
        if (!input.IsKnown("MaxLength") || max < 1)
        {
            return;
        }

        foreach (var s in c.Steps.Where(s => s.Spec.Name == "SpanMask"))
        {
            double span = s.Model.Double("MeanSpan");
            if (s.IsKnown("MeanSpan") && span > max)
            {
                Shape(c, s, "MeanSpan", $"SpanMask.MeanSpan is {ValidationContext.Format(span)}, longer than TextInput.MaxLength ({max}); use spans shorter than the sequence (3 is usual)");
            }
        }
    }

    private static void CheckSeries(ValidationContext c, ParsedAttribute input)
    {
        int length = input.Model.Int("Length");
        if (!input.IsKnown("Length") || length < 1)
        {
            return;
        }

        foreach (var o in c.Objectives.Where(o => o.Spec.Name == "ForecastLoss"))
        {
            int horizon = o.Model.Int("Horizon");
            if (o.IsKnown("Horizon") && horizon >= length)
            {
                Shape(c, o, "Horizon", $"ForecastLoss.Horizon is {horizon}, but it must be smaller than TimeSeriesInput.Length ({length}) to leave a window to forecast from; use a horizon below {length}");
            }
        }
    }

    /// <summary>SSL012 (a warning): a reconstruction objective with nothing that corrupts the input.</summary>
    private static void CheckReconstruction(ValidationContext c)
    {
        var reconstruction = c.Objective("ReconstructionLoss");
        if (reconstruction is not null && c.TrustAbsence && !c.Steps.Any(s => Corruptions.Contains(s.Spec.Name)))
        {
            c.Report(DiagnosticDescriptors.IdentityReconstruction, reconstruction.Location, c.Name, ViewChecks.CorruptionSuggestion(c.Modality));
        }
    }

    private static readonly System.Collections.Generic.HashSet<string> Corruptions = new()
    {
        "PatchMask", "BlockMask", "GaussianNoise", "RandomErasing", "FeatureCorruption", "Jitter", "TimeMask", "MaskTokens", "SpanMask",
    };

    private static int CommonDivisor(int h, int w, int p)
    {
        for (int d = Math.Min(p, Math.Min(h, w)); d >= 1; d--)
        {
            if (h % d == 0 && w % d == 0)
            {
                return d;
            }
        }

        return 1;
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
