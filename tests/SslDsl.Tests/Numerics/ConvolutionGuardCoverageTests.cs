using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Numerics;

/// <summary>
/// The convolution guard sees every convolution SslDsl runs: those inside its own modules (which must invoke
/// their sub-modules through <c>call</c>, since <c>forward</c> bypasses hooks) and those of forward-only passes
/// (embedding, evaluation), where libtorch's wrong results are wrong outputs rather than wrong gradients.
/// </summary>
[Collection(ConvolutionBackendCollection.Name)]
public class ConvolutionGuardCoverageTests
{
    public static TheoryData<string> Modules() => new() { "image_decoder", "resnet", "dilated_conv", "vision_transformer", "pooled_cnn", "conv1d" };

    private static (nn.Module<Tensor, Tensor> Module, Tensor Input) Build(string name) => name switch
    {
        "image_decoder" => (new ImageDecoder(inputDim: 12, channels: 1, height: 28, width: 28, hidden: 16, layers: 2), randn(2, 12)),
        "resnet" => (Backbones.ResNet(1, width: 8, outputDim: 16, depth: 2), randn(2, 1, 28, 28)),
        "dilated_conv" => (Backbones.DilatedConv(3, width: 8, outputDim: 16, depth: 3), randn(2, 3, 20)),
        "vision_transformer" => (Backbones.VisionTransformer(1, 28, 28, patchSize: 4, width: 16, outputDim: 16, depth: 1, heads: 2), randn(2, 1, 28, 28)),
        "pooled_cnn" => (Backbones.PooledCnn(1, width: 8, depth: 2, pool: 4, convsPerBlock: 2), randn(2, 1, 28, 28)),
        "conv1d" => (Backbones.Conv1d(28, width: 8, outputDim: 16, depth: 2), randn(2, 28, 28)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Modules))]
    public void EveryConvolutionOfABuiltInModuleIsReachedByForwardHooks(string name)
    {
        torch.manual_seed(1);
        var (module, input) = Build(name);
        var convolutions = module.modules().OfType<Convolution>().ToList();
        Assert.NotEmpty(convolutions);
        var reached = new HashSet<Convolution>(ReferenceEqualityComparer.Instance);
        var hooks = convolutions.Select(c => c.register_forward_pre_hook((m, x) =>
        {
            reached.Add(c);
            return x;
        })).ToList();
        try
        {
            using var noGrad = torch.no_grad();
            module.eval();
            using var output = module.call(input);
        }
        finally
        {
            hooks.ForEach(h => h.remove());
        }

        var missed = convolutions.Where(c => !reached.Contains(c)).Select(c => c.GetName()).ToList();
        Assert.True(missed.Count == 0, $"{name}: {missed.Count} of {convolutions.Count} convolutions ran without their forward hooks: {string.Join(", ", missed)}");
    }

    [Fact]
    public void AForwardOnlyPassIsCheckedAndItsOutputIsRight()
    {
        // Conv1d 28 -> 8 with kernel 5 over 28 steps: on an AMD EPYC (AVX-512) libtorch's oneDNN forward is off by
        // 10-30 % of the output's scale, with 1 and 2 threads (measured 2026-12-01); right on Intel machines.
        torch.manual_seed(7);
        var conv = nn.Conv1d(28, 8, 5, padding: 2, bias: false);
        using var x = randn(5, 28, 28);
        var c = ConvolutionCase.Of(conv, 5, new long[] { 28 })!;
        Tensor y32;
        using (torch.no_grad())
        using (ConvolutionGuard.Watch(conv, torch.CPU, ConvolutionBackendPolicy.Verify, Console.Error))
        {
            y32 = conv.call(x);
        }

        Assert.True(ConvolutionGuard.IsVerified(c), "the guard did not check a convolution run under no_grad");
        using var y64 = nn.functional.conv1d(x.to(ScalarType.Float64), conv.weight!.detach().to(ScalarType.Float64), padding: 2);
        double relative = y32.to(ScalarType.Float64).sub(y64).abs().max().item<double>() / y64.abs().max().item<double>();
        Assert.True(relative < 1e-4, $"float32 output off by {relative:E2} of its scale behind the guard");
    }
}
