using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl.Tests.InteropTests;

/// <summary>An encoder to export and an input batch for it.</summary>
/// <param name="Name">A file-name-safe name.</param>
/// <param name="Build">Builds the encoder with fresh (seeded) weights.</param>
/// <param name="Input">The input batch (64 real Fashion-MNIST test images, shaped for the encoder).</param>
public sealed record InteropCase(string Name, Func<nn.Module<Tensor, Tensor>> Build, Tensor Input)
{
    public override string ToString() => Name;
}

/// <summary>
/// The built-in backbones (and one encoder built from other supported layers) with inputs made
/// from the first 64 Fashion-MNIST test images: images standardized for the CNN, ResNet and the
/// pooling stack; the 784 pixels as a row for the MLP; the 28 rows as channels over 28 steps for
/// Conv1d; and for the transformers 7x7-pooled images quantized to 16 levels, so ids 1..16 are
/// ink and 0 (the padding id) is background.
/// </summary>
internal static class InteropCases
{
    private static readonly Lazy<Tensor> Images = new(() =>
    {
        using var data = FashionMnist.Load(FashionMnistSplit.Test, limit: 64);
        return data.Tensors[0].clone();
    });

    public static IEnumerable<InteropCase> All()
    {
        var images = Images.Value;
        var standardized = images.sub(0.2860).div(0.3530);
        var ids = nn.functional.avg_pool2d(images, 4).mul(16).ceil().clamp(0, 16).to_type(ScalarType.Int64).view(64, 49);
        yield return new("small_cnn", () => Backbones.SmallCnn(1, width: 8, outputDim: 32, depth: 2), standardized);
        yield return new("resnet", () => Backbones.ResNet(1, width: 8, outputDim: 32, depth: 3), standardized);
        yield return new("pooled_cnn", () => Backbones.PooledCnn(1, width: 8, depth: 2, pool: 4, convsPerBlock: 2), standardized);
        yield return new("pooled_cnn_pool_first", () => Backbones.PooledCnn(1, width: 8, depth: 2, pool: 4, poolBeforeNorm: true), standardized);
        yield return new("mlp", () => Backbones.Mlp(784, width: 64, outputDim: 32, depth: 2), images.view(64, 784));
        yield return new("conv1d", () => Backbones.Conv1d(28, width: 8, outputDim: 32, depth: 4), images.view(64, 28, 28));
        yield return new("transformer", () => Backbones.TransformerEncoder(17, maxLength: 64, width: 32, outputDim: 24, depth: 2, heads: 4, padId: 0), ids);
        yield return new("causal_transformer", () => Backbones.TransformerEncoder(17, maxLength: 64, width: 32, outputDim: 24, depth: 1, heads: 2, padId: 0, causal: true), ids);
        yield return new("pooling_stack", () => nn.Sequential(
            ("conv", nn.Conv2d(1, 4, 3, padding: Padding.Same)),
            ("gelu", nn.GELU()),
            ("pool", nn.MaxPool2d(2)),
            ("adaptive", nn.AdaptiveAvgPool2d(5)),
            ("flatten", nn.Flatten()),
            ("dropout", nn.Dropout(0.1)),
            ("linear", nn.Linear(100, 16))), standardized);
    }

    /// <summary>
    /// Builds the encoder with seed <paramref name="seed"/>, moves every weight off its initial value
    /// (so a forgotten or swapped tensor shows) and runs the input through it twice in train mode so
    /// batch norm holds real running statistics; returns it in eval mode.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Trained(InteropCase c, long seed)
    {
        torch.manual_seed(seed);
        var encoder = c.Build();
        using (torch.no_grad())
        {
            foreach (var p in encoder.parameters())
            {
                p.add_(torch.randn_like(p).mul_(0.05));
            }

            encoder.train();
            using (encoder.forward(c.Input))
            using (encoder.forward(c.Input))
            {
            }
        }

        encoder.eval();
        return encoder;
    }

    /// <summary>
    /// The encoder's eval-mode output for the case's input, computed as SslDsl's embedding paths compute it: with
    /// <see cref="ConvolutionGuard"/> watching its convolutions (on an AMD EPYC, libtorch's oneDNN Conv1d 28->8 with
    /// kernel 5 returns outputs off by 10-30 %; the guard finds that and moves the process to libtorch's native path).
    /// </summary>
    public static Tensor Embed(nn.Module<Tensor, Tensor> encoder, Tensor input)
    {
        using var noGrad = torch.no_grad();
        using var check = ConvolutionGuard.Watch(encoder, torch.CPU, ConvolutionBackendPolicy.Verify, log: null);
        encoder.eval();
        return encoder.forward(input);
    }

    /// <summary>max |a - b| over all elements.</summary>
    public static double MaxAbsDiff(Tensor a, Tensor b)
    {
        Xunit.Assert.Equal(a.shape, b.shape);
        using var diff = a.to_type(ScalarType.Float64).sub(b.to_type(ScalarType.Float64)).abs().max();
        return diff.item<double>();
    }
}
