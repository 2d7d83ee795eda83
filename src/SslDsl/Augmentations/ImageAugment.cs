using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Batched image augmentations on float [B,C,H,W] tensors in [0,1]. Every random parameter is
/// drawn per sample from the given generator (on the batch's device), so a whole batch is
/// augmented by a handful of tensor operations and a seed reproduces it exactly. With
/// probability <c>p</c> a sample is augmented, otherwise it passes unchanged.
/// </summary>
public static partial class ImageAugment
{
    /// <summary>A [B] boolean mask, true with probability <paramref name="p"/>.</summary>
    public static Tensor ApplyMask(long batch, double p, Generator generator, Device device) =>
        p >= 1.0 ? torch.ones(batch, ScalarType.Bool, device: device)
        : p <= 0.0 ? torch.zeros(batch, ScalarType.Bool, device: device)
        : torch.rand(new[] { batch }, device: device, generator: generator).lt(p);

    /// <summary>Uniform draws in [low, high), shape [B].</summary>
    public static Tensor Uniform(long batch, double low, double high, Generator generator, Device device) =>
        torch.rand(new[] { batch }, device: device, generator: generator).mul_(high - low).add_(low);

    /// <summary>Selects, per sample, <paramref name="augmented"/> where <paramref name="mask"/> is true and <paramref name="original"/> elsewhere.</summary>
    public static Tensor Select(Tensor mask, Tensor augmented, Tensor original) =>
        torch.where(mask.view(-1, 1, 1, 1), augmented, original);

    /// <summary>
    /// Random resized crop: per sample an area fraction in [minScale, maxScale] and a log-uniform
    /// aspect ratio in [minRatio, maxRatio] pick a rectangle (kept inside the image) that is
    /// resized back to H x W with bilinear sampling.
    /// </summary>
    public static Tensor RandomResizedCrop(Tensor x, double minScale, double maxScale, double minRatio, double maxRatio, double p, Generator generator)
    {
        long b = x.shape[0];
        var device = x.device;
        using var scope = torch.NewDisposeScope();
        var area = Uniform(b, minScale, maxScale, generator, device);
        var logRatio = Uniform(b, Math.Log(minRatio), Math.Log(maxRatio), generator, device);
        var ratio = logRatio.exp();
        // Width and height as fractions of the image side (ratio = w / h, area = w * h).
        var w = (area * ratio).sqrt().clamp(max: 1.0);
        var h = (area / ratio).sqrt().clamp(max: 1.0);
        var cx = Uniform(b, 0, 1, generator, device).mul(1 - w).add(w / 2);
        var cy = Uniform(b, 0, 1, generator, device).mul(1 - h).add(h / 2);
        var apply = ApplyMask(b, p, generator, device);
        var one = torch.ones_like(w);
        w = torch.where(apply, w, one);
        h = torch.where(apply, h, one);
        cx = torch.where(apply, cx, one * 0.5);
        cy = torch.where(apply, cy, one * 0.5);
        var zero = torch.zeros_like(w);
        // affine_grid maps output coordinates in [-1,1] to input coordinates: x_in = w * x_out + (2 cx - 1).
        var theta = torch.stack(new[]
        {
            torch.stack(new[] { w, zero, cx * 2 - 1 }, 1),
            torch.stack(new[] { zero, h, cy * 2 - 1 }, 1),
        }, 1).to(x.dtype);
        var grid = nn.functional.affine_grid(theta, x.shape, align_corners: false);
        var result = nn.functional.grid_sample(x, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Mirrors each selected image left to right.</summary>
    public static Tensor HorizontalFlip(Tensor x, double p, Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        var apply = ApplyMask(x.shape[0], p, generator, x.device);
        return Select(apply, x.flip(3), x).MoveToOuterDisposeScope();
    }

    /// <summary>Mirrors each selected image top to bottom.</summary>
    public static Tensor VerticalFlip(Tensor x, double p, Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        var apply = ApplyMask(x.shape[0], p, generator, x.device);
        return Select(apply, x.flip(2), x).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Colour jitter in a fixed order: brightness (x * b), contrast ((x - mean) * c + mean, mean of the
    /// image's grayscale), saturation (blend with grayscale) and hue (rotation of the chroma plane);
    /// factors drawn per sample in [1-f, 1+f] (hue shift in [-h, h] turns); result clamped to [0,1].
    /// Saturation and hue act only on 3-channel images.
    /// </summary>
    public static Tensor ColorJitter(Tensor x, double brightness, double contrast, double saturation, double hue, double p, Generator generator)
    {
        long b = x.shape[0];
        var device = x.device;
        using var scope = torch.NewDisposeScope();
        var apply = ApplyMask(b, p, generator, device).view(-1, 1, 1, 1);
        var y = x;
        if (brightness > 0)
        {
            var f = Uniform(b, Math.Max(0, 1 - brightness), 1 + brightness, generator, device).view(-1, 1, 1, 1);
            y = (y * f).clamp(0, 1);
        }

        if (contrast > 0)
        {
            var f = Uniform(b, Math.Max(0, 1 - contrast), 1 + contrast, generator, device).view(-1, 1, 1, 1);
            var mean = Gray(y).mean(new long[] { 1, 2, 3 }, keepdim: true);
            y = ((y - mean) * f + mean).clamp(0, 1);
        }

        if (x.shape[1] == 3 && saturation > 0)
        {
            var f = Uniform(b, Math.Max(0, 1 - saturation), 1 + saturation, generator, device).view(-1, 1, 1, 1);
            var gray = Gray(y);
            y = ((y - gray) * f + gray).clamp(0, 1);
        }

        if (x.shape[1] == 3 && hue > 0)
        {
            var shift = Uniform(b, -hue, hue, generator, device);
            y = RotateHue(y, shift).clamp(0, 1);
        }

        return torch.where(apply, y, x).MoveToOuterDisposeScope();
    }

    /// <summary>ITU-R 601 luma of a [B,C,H,W] image as [B,1,H,W] (the image itself when single-channel).</summary>
    public static Tensor Gray(Tensor x)
    {
        if (x.shape[1] == 1)
        {
            return x;
        }

        var c = x.unbind(1);
        return (c[0] * 0.299 + c[1] * 0.587 + c[2] * 0.114).unsqueeze(1);
    }

    /// <summary>Rotates the hue of RGB images by <paramref name="turns"/> (fractions of a full turn, per sample) in YIQ space.</summary>
    public static Tensor RotateHue(Tensor rgb, Tensor turns)
    {
        var c = rgb.unbind(1);
        var yy = c[0] * 0.299 + c[1] * 0.587 + c[2] * 0.114;
        var ii = c[0] * 0.596 - c[1] * 0.274 - c[2] * 0.322;
        var qq = c[0] * 0.211 - c[1] * 0.523 + c[2] * 0.312;
        var angle = (turns * (2 * Math.PI)).view(-1, 1, 1);
        var cos = angle.cos();
        var sin = angle.sin();
        var i2 = ii * cos - qq * sin;
        var q2 = ii * sin + qq * cos;
        var r = yy + i2 * 0.956 + q2 * 0.621;
        var g = yy - i2 * 0.272 - q2 * 0.647;
        var bl = yy - i2 * 1.106 + q2 * 1.703;
        return torch.stack(new[] { r, g, bl }, 1);
    }

    /// <summary>Adds N(0, std²) noise to each selected image and clamps to [0,1].</summary>
    public static Tensor GaussianNoise(Tensor x, double std, double p, Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        var apply = ApplyMask(x.shape[0], p, generator, x.device);
        var noise = torch.randn(x.shape, dtype: x.dtype, device: x.device, generator: generator).mul_(std);
        return Select(apply, (x + noise).clamp(0, 1), x).MoveToOuterDisposeScope();
    }
}
