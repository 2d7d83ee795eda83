using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

public static partial class ImageAugment
{
    /// <summary>
    /// Colour jitter as torchvision does it: brightness (x * b), contrast ((x - mean) * c + mean, mean of
    /// the image's grayscale), saturation (blend with grayscale) and hue (rotation of the chroma plane),
    /// applied in a random order drawn per sample, with a clamp to [0,1] after each; factors drawn per
    /// sample in [max(0, 1-f), 1+f] (hue shift in [-h, h] turns). Saturation and hue act only on 3-channel
    /// images. Draw order: the selection mask, B factors per enabled operation (brightness, contrast,
    /// saturation, hue), then, when two or more operations are enabled, B x k uniforms whose ranks give each
    /// sample's order.
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
        bool rgb = x.shape[1] == 3;
        using var scope = torch.NewDisposeScope();
        var apply = ApplyMask(b, p, generator, device);
        Tensor Factors(double f) => Uniform(b, Math.Max(0, 1 - f), 1 + f, generator, device).to(x.dtype).view(-1, 1, 1, 1);

        // Each enabled operation with its per-sample factors, in the fixed draw order.
        var ops = new System.Collections.Generic.List<Func<Tensor, Tensor, Tensor>>();
        var factors = new System.Collections.Generic.List<Tensor>();
        if (brightness > 0)
        {
            factors.Add(Factors(brightness));
            ops.Add((y, f) => (y * f).clamp(0, 1));
        }

        if (contrast > 0)
        {
            factors.Add(Factors(contrast));
            ops.Add((y, f) =>
            {
                var mean = Gray(y).mean(new long[] { 1, 2, 3 }, keepdim: true);
                return ((y - mean) * f + mean).clamp(0, 1);
            });
        }

        if (rgb && saturation > 0)
        {
            factors.Add(Factors(saturation));
            ops.Add((y, f) =>
            {
                var gray = Gray(y);
                return ((y - gray) * f + gray).clamp(0, 1);
            });
        }

        if (rgb && hue > 0)
        {
            factors.Add(Uniform(b, -hue, hue, generator, device).to(x.dtype));
            ops.Add((y, f) => RotateHue(y, f).clamp(0, 1));
        }

        var result = x;
        if (ops.Count == 1)
        {
            result = ops[0](x, factors[0]);
        }
        else if (ops.Count > 1)
        {
            // order[s, k] = the operation sample s applies k-th (ranks of uniforms = a uniform random permutation).
            var order = torch.rand(new[] { b, (long)ops.Count }, device: device, generator: generator).argsort(1);
            result = x.clone();
            for (int position = 0; position < ops.Count; position++)
            {
                for (int j = 0; j < ops.Count; j++)
                {
                    var rows = order.select(1, position).eq(j).nonzero().squeeze(1);
                    if (rows.shape[0] > 0)
                    {
                        result = result.index_copy(0, rows, ops[j](result.index_select(0, rows), factors[j].index_select(0, rows)));
                    }
                }
            }
        }

        return Select(apply, result, x).MoveToOuterDisposeScope();
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
