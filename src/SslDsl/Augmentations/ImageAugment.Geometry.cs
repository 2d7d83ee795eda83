using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

public static partial class ImageAugment
{
    /// <summary>Attempts per sample of <see cref="RandomResizedCrop(Tensor, double, double, double, double, double, Generator)"/> before it falls back to a centre crop (torchvision's 10).</summary>
    public const int RandomResizedCropAttempts = 10;

    /// <summary>
    /// Random resized crop with torchvision's semantics: per sample up to 10 attempts each draw an area
    /// fraction in [minScale, maxScale] and a log-uniform aspect ratio (width / height, in pixels) in
    /// [minRatio, maxRatio]; the first rectangle that fits inside the image is used, at a uniform position;
    /// when none fits, the largest centred crop whose ratio is clamped into [minRatio, maxRatio]. The
    /// rectangle is resized back to H x W with bilinear sampling. Samples not selected are returned
    /// unchanged. Draw order: B x 10 areas, B x 10 log-ratios, B centre-x, B centre-y, then the selection mask.
    /// </summary>
    /// <exception cref="ArgumentException">Bad shape, or a scale or ratio out of range or out of order.</exception>
    public static Tensor RandomResizedCrop(Tensor x, double minScale, double maxScale, double minRatio, double maxRatio, double p, Generator generator)
    {
        CheckCrop(x, minScale, maxScale, minRatio, maxRatio, p, generator);
        long b = x.shape[0];
        using var scope = torch.NewDisposeScope();
        var (cx, cy, w, h) = RandomResizedCropBoxes(b, x.shape[2], x.shape[3], minScale, maxScale, minRatio, maxRatio, generator, x.device);
        var apply = ApplyMask(b, p, generator, x.device);
        var zero = torch.zeros_like(w);
        // affine_grid maps output coordinates in [-1,1] to input coordinates: x_in = w * x_out + (2 cx - 1).
        var theta = torch.stack(new[]
        {
            torch.stack(new[] { w, zero, cx * 2 - 1 }, 1),
            torch.stack(new[] { zero, h, cy * 2 - 1 }, 1),
        }, 1).to(x.dtype);
        var grid = nn.functional.affine_grid(theta, x.shape, align_corners: false);
        var cropped = nn.functional.grid_sample(x, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false);
        // Unselected samples are passed through exactly (an identity grid_sample is only equal up to rounding).
        return Select(apply, cropped, x).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Random resized crop to a square of <paramref name="size"/> x <paramref name="size"/> pixels (multi-crop's
    /// global and local views): the rectangles are drawn exactly as by the crop that keeps the image size, and
    /// resized to the new size with bilinear sampling; a sample not selected is the whole image resized.
    /// </summary>
    /// <exception cref="ArgumentException">Bad shape, a size below 1, or a scale or ratio out of range or out of order.</exception>
    public static Tensor RandomResizedCrop(Tensor x, int size, double minScale, double maxScale, double minRatio, double maxRatio, double p, Generator generator)
    {
        CheckCrop(x, minScale, maxScale, minRatio, maxRatio, p, generator);
        Guard.Positive(nameof(RandomResizedCrop), size);
        long b = x.shape[0];
        using var scope = torch.NewDisposeScope();
        var (cx, cy, w, h) = RandomResizedCropBoxes(b, x.shape[2], x.shape[3], minScale, maxScale, minRatio, maxRatio, generator, x.device);
        var apply = ApplyMask(b, p, generator, x.device);
        var whole = torch.ones_like(w);
        var zero = torch.zeros_like(w);
        var theta = torch.stack(new[]
        {
            torch.stack(new[] { torch.where(apply, w, whole), zero, torch.where(apply, cx * 2 - 1, zero) }, 1),
            torch.stack(new[] { zero, torch.where(apply, h, whole), torch.where(apply, cy * 2 - 1, zero) }, 1),
        }, 1).to(x.dtype);
        var grid = nn.functional.affine_grid(theta, new[] { b, x.shape[1], size, size }, align_corners: false);
        return nn.functional.grid_sample(x, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false).MoveToOuterDisposeScope();
    }

    private static void CheckCrop(Tensor x, double minScale, double maxScale, double minRatio, double maxRatio, double p, Generator generator)
    {
        const string op = nameof(RandomResizedCrop);
        Guard.Image(op, x);
        Guard.Generator(op, generator);
        Guard.Positive(op, minScale);
        Guard.Positive(op, maxScale);
        if (maxScale > 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxScale), maxScale, $"{op}: maxScale is an area fraction and must be in (0,1].");
        }

        Guard.Ordered(op, minScale, maxScale);
        Guard.Positive(op, minRatio);
        Guard.Positive(op, maxRatio);
        Guard.Ordered(op, minRatio, maxRatio);
        Guard.Probability(op, p);
    }

    /// <summary>
    /// The rectangles of <see cref="RandomResizedCrop(Tensor, double, double, double, double, double, Generator)"/> for a batch of <paramref name="batch"/> images of
    /// <paramref name="height"/> x <paramref name="width"/> pixels, as float64 [B] tensors of fractions of the
    /// image: centre x and y, width and height. Uses the generator exactly as the crop does (all but the selection mask).
    /// </summary>
    public static (Tensor CenterX, Tensor CenterY, Tensor Width, Tensor Height) RandomResizedCropBoxes(
        long batch, long height, long width, double minScale, double maxScale, double minRatio, double maxRatio, Generator generator, Device device)
    {
        using var scope = torch.NewDisposeScope();
        var shape = new[] { batch, (long)RandomResizedCropAttempts };
        var area = torch.rand(shape, device: device, generator: generator).to(ScalarType.Float64).mul_(maxScale - minScale).add_(minScale);
        var ratio = torch.rand(shape, device: device, generator: generator).to(ScalarType.Float64)
            .mul_(Math.Log(maxRatio) - Math.Log(minRatio)).add_(Math.Log(minRatio)).exp_();
        // In pixels w = sqrt(a H W r) and h = sqrt(a H W / r); as fractions of the sides:
        var w = (area * ratio * ((double)height / width)).sqrt();
        var h = (area / ratio * ((double)width / height)).sqrt();
        var fits = w.le(1.0).logical_and(h.le(1.0));
        var first = fits.to(ScalarType.Int32).argmax(1, keepdim: true);   // the first attempt that fits
        var anyFits = fits.any(1);

        // Fallback: the whole image, narrowed to the nearest allowed ratio (centred).
        double inRatio = (double)width / height;
        double fallbackW = inRatio > maxRatio ? height * maxRatio / width : 1.0;
        double fallbackH = inRatio < minRatio ? width / minRatio / height : 1.0;
        var boxW = torch.where(anyFits, w.gather(1, first).squeeze(1), torch.full(batch, fallbackW, ScalarType.Float64, device));
        var boxH = torch.where(anyFits, h.gather(1, first).squeeze(1), torch.full(batch, fallbackH, ScalarType.Float64, device));
        var cx = torch.rand(batch, device: device, generator: generator).to(ScalarType.Float64).mul(1 - boxW).add(boxW / 2);
        var cy = torch.rand(batch, device: device, generator: generator).to(ScalarType.Float64).mul(1 - boxH).add(boxH / 2);
        cx = torch.where(anyFits, cx, torch.full(batch, 0.5, ScalarType.Float64, device));
        cy = torch.where(anyFits, cy, torch.full(batch, 0.5, ScalarType.Float64, device));
        return (cx.MoveToOuterDisposeScope(), cy.MoveToOuterDisposeScope(), boxW.MoveToOuterDisposeScope(), boxH.MoveToOuterDisposeScope());
    }

    /// <summary>Mirrors each selected image left to right.</summary>
    public static Tensor HorizontalFlip(Tensor x, double p, Generator generator)
    {
        Guard.Image(nameof(HorizontalFlip), x);
        Guard.Generator(nameof(HorizontalFlip), generator);
        using var scope = torch.NewDisposeScope();
        var apply = ApplyMask(x.shape[0], p, generator, x.device);
        return Select(apply, x.flip(3), x).MoveToOuterDisposeScope();
    }

    /// <summary>Mirrors each selected image top to bottom.</summary>
    public static Tensor VerticalFlip(Tensor x, double p, Generator generator)
    {
        Guard.Image(nameof(VerticalFlip), x);
        Guard.Generator(nameof(VerticalFlip), generator);
        using var scope = torch.NewDisposeScope();
        var apply = ApplyMask(x.shape[0], p, generator, x.device);
        return Select(apply, x.flip(2), x).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Rotates each selected image about its centre by an angle drawn uniformly in
    /// [-<paramref name="degrees"/>, <paramref name="degrees"/>] (positive = counter-clockwise on screen),
    /// sampling bilinearly (affine_grid / grid_sample, align_corners = false) and filling with 0 where the
    /// rotated source falls outside the image. The rotation is done in pixel units, so non-square
    /// images are rotated without shear. Draw order: B angle uniforms, then the selection mask.
    /// </summary>
    /// <exception cref="ArgumentException">Bad shape, negative degrees or p out of [0,1].</exception>
    public static Tensor RandomRotation(Tensor x, double degrees, double p, Generator generator)
    {
        const string op = nameof(RandomRotation);
        Guard.Image(op, x);
        Guard.Generator(op, generator);
        Guard.NonNegative(op, degrees);
        Guard.Probability(op, p);

        long b = x.shape[0];
        double height = x.shape[2];
        double width = x.shape[3];
        var device = x.device;
        using var scope = torch.NewDisposeScope();
        var angle = Uniform(b, -degrees, degrees, generator, device).to(ScalarType.Float64).mul_(Math.PI / 180.0);
        var apply = ApplyMask(b, p, generator, device);
        var cos = angle.cos();
        var sin = angle.sin();
        var zero = torch.zeros_like(angle);
        // In pixel units (u right, v down) the source of output (u, v) is (cos u - sin v, sin u + cos v);
        // in normalized units u = x W / 2 and v = y H / 2, hence the H / W and W / H factors.
        var theta = torch.stack(new[]
        {
            torch.stack(new[] { cos, -sin * (height / width), zero }, 1),
            torch.stack(new[] { sin * (width / height), cos, zero }, 1),
        }, 1).to(x.dtype);
        var grid = nn.functional.affine_grid(theta, x.shape, align_corners: false);
        var rotated = nn.functional.grid_sample(x, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Zeros, align_corners: false);
        return Select(apply, rotated, x).MoveToOuterDisposeScope();
    }
}
