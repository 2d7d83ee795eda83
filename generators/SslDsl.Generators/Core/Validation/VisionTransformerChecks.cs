using System.Globalization;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// [Backbone(BackboneKind.VisionTransformer)]: patches that tile the image (SSL040), heads that divide the width
/// (SSL041), a width the sine-cosine positions can split (SSL042), and, when the task trains as true MAE (a
/// [PatchMask] and a [ReconstructionLoss]), mask patches that are the ViT's (SSL043), at least one visible patch and
/// a decoder whose width fits its heads and positions (SSL044).
/// </summary>
internal static class VisionTransformerChecks
{
    /// <summary>The BackboneKind member of the ViT.</summary>
    public const string Kind = "VisionTransformer";

    /// <summary>Whether <paramref name="backbone"/> is a [Backbone(BackboneKind.VisionTransformer)].</summary>
    public static bool IsVisionTransformer(ParsedAttribute? backbone) =>
        backbone is not null && backbone.IsKnown(Backbone.Kind) && backbone.Get(Backbone.Kind) == Kind;

    public static void Check(ValidationContext c)
    {
        var backbone = c.Find(Backbone);
        if (!IsVisionTransformer(backbone))
        {
            return;
        }

        CheckPatches(c, backbone!);
        CheckHeads(c, backbone!);
        CheckPositions(c, backbone!);
        CheckMae(c, backbone!);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The image's height and width, when the task reads images of a known size.</summary>
    private static (int Height, int Width)? Image(ValidationContext c)
    {
        var input = c.Input;
        if (input is null || !input.Is(ImageInput) || !input.AreKnown(ImageInput.Height, ImageInput.Width))
        {
            return null;
        }

        int h = input.Get(ImageInput.Height), w = input.Get(ImageInput.Width);
        return h > 0 && w > 0 ? (h, w) : null;
    }

    /// <summary>The ViT's patch side, when it is known and tiles the image.</summary>
    private static int? TilingPatch(ValidationContext c, ParsedAttribute backbone)
    {
        int p = backbone.Get(Backbone.PatchSize);
        return Image(c) is { } image && backbone.IsKnown(Backbone.PatchSize) && p > 0 && image.Height % p == 0 && image.Width % p == 0 ? p : null;
    }

    private static void CheckPatches(ValidationContext c, ParsedAttribute backbone)
    {
        int p = backbone.Get(Backbone.PatchSize);
        if (Image(c) is not { } image || !backbone.IsKnown(Backbone.PatchSize) || p <= 0 || TilingPatch(c, backbone) is not null)
        {
            return;
        }

        int d = Divisors.Common(image.Height, image.Width, p);
        var location = backbone.LocationOf(Backbone.PatchSize);
        c.ReportRepairable(DiagnosticDescriptors.VitPatchDoesNotTile, location,
            new[] { Repair.Set($"Set PatchSize = {d} (divides {image.Height}x{image.Width})", location, Backbone.PatchSize, Text(d)) },
            p, image.Height, image.Width, d);
    }

    private static void CheckHeads(ValidationContext c, ParsedAttribute backbone)
    {
        int width = backbone.Get(Backbone.Width), heads = backbone.Get(Backbone.Heads);
        if (!backbone.AreKnown(Backbone.Width, Backbone.Heads) || width <= 0 || heads <= 0 || width % heads == 0)
        {
            return;
        }

        int d = Divisors.Largest(width, heads);
        var location = backbone.LocationOf(Backbone.Heads);
        c.ReportRepairable(DiagnosticDescriptors.VitHeadsDoNotDivideWidth, location,
            new[] { Repair.Set($"Set Heads = {d} (divides Width {width})", location, Backbone.Heads, Text(d)) },
            heads, width, d);
    }

    private static void CheckPositions(ValidationContext c, ParsedAttribute backbone)
    {
        int width = backbone.Get(Backbone.Width);
        if (!backbone.AreKnown(Backbone.Width, Backbone.LearnedPositions) || backbone.Model.Get(Backbone.LearnedPositions) || width <= 0 || width % 4 == 0)
        {
            return;
        }

        // The nearest width that both the positions (4) and, when they divide it, the heads split evenly.
        int heads = backbone.IsKnown(Backbone.Heads) && backbone.Get(Backbone.Heads) > 0 && width % backbone.Get(Backbone.Heads) == 0 ? backbone.Get(Backbone.Heads) : 1;
        int step = 4 * heads / Gcd(4, heads);
        int fixedWidth = Divisors.RoundUp(width, step);
        var location = backbone.LocationOf(Backbone.Width);
        c.ReportRepairable(DiagnosticDescriptors.VitSinCosWidth, location, new[]
        {
            Repair.Set($"Set Width = {fixedWidth}", location, Backbone.Width, Text(fixedWidth)),
            Repair.Set("Set LearnedPositions = true", backbone.LocationOf(Backbone.LearnedPositions), Backbone.LearnedPositions, "true").As("LearnedPositions"),
        }, width, fixedWidth);
    }

    /// <summary>True MAE (the encoder drops the hidden patches): a ViT, a [PatchMask] and a [ReconstructionLoss], no [AdversarialLoss].</summary>
    private static void CheckMae(ValidationContext c, ParsedAttribute backbone)
    {
        var mask = c.Find(PatchMask);
        if (mask is null || c.Find(ReconstructionLoss) is null || c.Find(AdversarialLoss) is not null || TilingPatch(c, backbone) is not { } patch)
        {
            return;
        }

        int maskPatch = mask.Get(PatchMask.PatchSize);
        if (mask.IsKnown(PatchMask.PatchSize) && maskPatch > 0 && maskPatch != patch)
        {
            var location = mask.LocationOf(PatchMask.PatchSize);
            c.ReportRepairable(DiagnosticDescriptors.MaePatchMismatch, location,
                new[] { Repair.Set($"Set PatchSize = {patch} (the ViT's)", location, PatchMask.PatchSize, Text(patch)) }, maskPatch, patch);
            return;
        }

        var image = Image(c)!.Value;
        int patches = image.Height / patch * (image.Width / patch);
        double ratio = mask.Get(PatchMask.Ratio);
        if (mask.IsKnown(PatchMask.Ratio) && ratio > 0 && ratio < 1 && (int)(patches * (1 - ratio)) < 1)
        {
            var location = mask.LocationOf(PatchMask.Ratio);
            double most = System.Math.Floor((1 - 1.0 / patches) * 100) / 100;
            var repairs = most > 0 ? new[] { Repair.Set($"Set Ratio = {ArgValue.FormatDouble(most)}", location, PatchMask.Ratio, ArgValue.FormatDouble(most)) } : new Repair[0];
            c.ReportRepairable(DiagnosticDescriptors.MaeDecoderInvalid, location, repairs,
                $"PatchMask.Ratio is {ArgValue.FormatDouble(ratio)}, which hides all {patches} patches of the ViT (MAE keeps floor({patches} x (1 - Ratio)) = 0 visible), so its encoder would see nothing; "
                + (most > 0 ? $"use a ratio of at most {ArgValue.FormatDouble(most)}" : "use a smaller Backbone.PatchSize, so the image has more than one patch"));
        }

        CheckDecoder(c, backbone);
    }

    /// <summary>MAE's decoder has the ViT's heads and sine-cosine positions: its Hidden must be a multiple of both 4 and the heads.</summary>
    private static void CheckDecoder(ValidationContext c, ParsedAttribute backbone)
    {
        var decoder = c.Find(Decoder);
        int hidden = decoder is null ? Decoder.Hidden.Default : decoder.Get(Decoder.Hidden);
        int heads = backbone.Get(Backbone.Heads);
        if ((decoder is not null && !decoder.IsKnown(Decoder.Hidden)) || !backbone.IsKnown(Backbone.Heads) || hidden <= 0 || heads <= 0)
        {
            return;
        }

        int step = 4 * heads / Gcd(4, heads);
        if (hidden % step == 0)
        {
            return;
        }

        int fixedHidden = Divisors.RoundUp(hidden, step);
        string message = $"Decoder.Hidden is {hidden}, but MAE's decoder on a ViT has Backbone.Heads ({heads}) attention heads and a sine-cosine position embedding, so its width must be a multiple of {step} (4 and {heads}); use Hidden = {fixedHidden}";
        if (decoder is null)
        {
            c.Report(DiagnosticDescriptors.MaeDecoderInvalid, backbone.LocationOf(Backbone.Heads), message + " in a [Decoder], or Heads = 4");
            return;
        }

        var location = decoder.LocationOf(Decoder.Hidden);
        c.ReportRepairable(DiagnosticDescriptors.MaeDecoderInvalid, location,
            new[] { Repair.Set($"Set Hidden = {fixedHidden}", location, Decoder.Hidden, Text(fixedHidden)) }, message);
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
