using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

public static partial class ImageAugment
{
    /// <summary>
    /// Random resized crop: per sample an area fraction in [minScale, maxScale] and a log-uniform
    /// aspect ratio in [minRatio, maxRatio] pick a rectangle (kept inside the image) that is
    /// resized back to H x W with bilinear sampling. Samples not selected are returned unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">Bad shape, or a scale or ratio out of range or out of order.</exception>
    public static Tensor RandomResizedCrop(Tensor x, double minScale, double maxScale, double minRatio, double maxRatio, double p, Generator generator)
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
