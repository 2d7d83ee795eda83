using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

public static partial class ImageAugment
{
    /// <summary>
    /// Colour jitter in a fixed order: brightness (x * b), contrast ((x - mean) * c + mean, mean of the
    /// image's grayscale), saturation (blend with grayscale) and hue (rotation of the chroma plane);
    /// factors drawn per sample in [max(0, 1-f), 1+f] (hue shift in [-h, h] turns); result clamped to [0,1].
    /// Saturation and hue act only on 3-channel images.
    /// </summary>
    /// <exception cref="ArgumentException">Bad shape, a negative strength, hue above 0.5 or p out of [0,1].</exception>
    public static Tensor ColorJitter(Tensor x, double brightness, double contrast, double saturation, double hue, double p, Generator generator)
    {
        const string op = nameof(ColorJitter);
        Guard.Image(op, x);
        Guard.Generator(op, generator);
        Guard.NonNegative(op, brightness);
        Guard.NonNegative(op, contrast);
        Guard.NonNegative(op, saturation);
        Guard.NonNegative(op, hue);
        if (hue > 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(hue), hue, $"{op}: hue is a fraction of a full turn and must be in [0, 0.5].");
        }

        Guard.Probability(op, p);
        long b = x.shape[0];
        var device = x.device;
        using var scope = torch.NewDisposeScope();
        var apply = ApplyMask(b, p, generator, device);
        var y = x;
        if (brightness > 0)
        {
            var f = Uniform(b, Math.Max(0, 1 - brightness), 1 + brightness, generator, device).to(x.dtype).view(-1, 1, 1, 1);
            y = (y * f).clamp(0, 1);
        }

        if (contrast > 0)
        {
            var f = Uniform(b, Math.Max(0, 1 - contrast), 1 + contrast, generator, device).to(x.dtype).view(-1, 1, 1, 1);
            var mean = Gray(y).mean(new long[] { 1, 2, 3 }, keepdim: true);
            y = ((y - mean) * f + mean).clamp(0, 1);
        }

        if (x.shape[1] == 3 && saturation > 0)
        {
            var f = Uniform(b, Math.Max(0, 1 - saturation), 1 + saturation, generator, device).to(x.dtype).view(-1, 1, 1, 1);
            var gray = Gray(y);
            y = ((y - gray) * f + gray).clamp(0, 1);
        }

        if (x.shape[1] == 3 && hue > 0)
        {
            var shift = Uniform(b, -hue, hue, generator, device).to(x.dtype);
            y = RotateHue(y, shift).clamp(0, 1);
        }

        return Select(apply, y, x).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Luminance of a [B,C,H,W] image as [B,1,H,W]: ITU-R 601 luma (0.299 R + 0.587 G + 0.114 B) for
    /// 3 channels, the image itself for 1 channel, and the channel mean for any other channel count.
    /// </summary>
    public static Tensor Gray(Tensor x)
    {
        Guard.Image(nameof(Gray), x);
        if (x.shape[1] == 1)
        {
            return x;
        }

        if (x.shape[1] != 3)
        {
            return x.mean(new long[] { 1 }, keepdim: true);
        }

        var c = x.unbind(1);
        return (c[0] * 0.299 + c[1] * 0.587 + c[2] * 0.114).unsqueeze(1);
    }

    /// <summary>Rotates the hue of RGB images by <paramref name="turns"/> (fractions of a full turn, per sample) in YIQ space.</summary>
    /// <exception cref="ArgumentException">The image does not have 3 channels.</exception>
    public static Tensor RotateHue(Tensor rgb, Tensor turns)
    {
        Guard.Image(nameof(RotateHue), rgb);
        if (rgb.shape[1] != 3)
        {
            throw new ArgumentException($"{nameof(RotateHue)} needs RGB images (3 channels) but got {rgb.shape[1]} channels.", nameof(rgb));
        }

        // One 3x3 matrix per image, M = YIQ->RGB . R(angle) . RGB->YIQ, applied with a single batched matmul:
        // the same linear map as rotating the I/Q chroma plane pixel by pixel, in one pass over the pixels.
        using var scope = torch.NewDisposeScope();
        var angle = (turns * (2 * Math.PI)).reshape(-1).to(rgb.dtype);
        var cos = angle.cos();
        var sin = angle.sin();
        var one = torch.ones_like(cos);
        var zero = torch.zeros_like(cos);
        var rotation = torch.stack(new[] { one, zero, zero, zero, cos, -sin, zero, sin, cos }, 1).view(-1, 3, 3);
        var toYiq = torch.tensor(new double[] { 0.299, 0.587, 0.114, 0.596, -0.274, -0.322, 0.211, -0.523, 0.312 }, new long[] { 3, 3 }, dtype: rgb.dtype, device: rgb.device);
        var toRgb = torch.tensor(new double[] { 1, 0.956, 0.621, 1, -0.272, -0.647, 1, -1.106, 1.703 }, new long[] { 3, 3 }, dtype: rgb.dtype, device: rgb.device);
        var perImage = toRgb.matmul(rotation).matmul(toYiq).expand(rgb.shape[0], 3, 3);
        return perImage.bmm(rgb.reshape(rgb.shape[0], 3, -1)).view(rgb.shape).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Converts each selected image to grayscale, keeping the channel count: the luminance of
    /// <see cref="Gray"/> is replicated to every channel (identity for single-channel images).
    /// </summary>
    public static Tensor Grayscale(Tensor x, double p, Generator generator)
    {
        const string op = nameof(Grayscale);
        Guard.Image(op, x);
        Guard.Generator(op, generator);
        Guard.Probability(op, p);
        using var scope = torch.NewDisposeScope();
        var apply = ApplyMask(x.shape[0], p, generator, x.device);
        if (x.shape[1] == 1)
        {
            return x.clone().MoveToOuterDisposeScope();
        }

        var gray = Gray(x).expand_as(x);
        return Select(apply, gray, x).MoveToOuterDisposeScope();
    }

    /// <summary>Solarizes each selected image: every pixel with value &gt;= <paramref name="threshold"/> (in [0, 1]) becomes 1 - value.</summary>
    public static Tensor Solarize(Tensor x, double threshold, double p, Generator generator)
    {
        const string op = nameof(Solarize);
        Guard.Image(op, x);
        Guard.Generator(op, generator);
        Guard.Probability(op, threshold);
        Guard.Probability(op, p);
        using var scope = torch.NewDisposeScope();
        var apply = ApplyMask(x.shape[0], p, generator, x.device);
        var solarized = torch.where(x.ge(threshold), x.neg().add_(1.0), x);
        return Select(apply, solarized, x).MoveToOuterDisposeScope();
    }
}
