using System;
using System.IO;
using System.Linq;
using SslDsl;
using SslDsl.Tests.Numerics;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Training;

/// <summary>A tiny SimCLR task with a convolutional encoder, declared in mixed precision.</summary>
[PretextTask("tiny-mixed")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.5, MaxScale = 1.0)]
[ProjectionHead(Hidden = 16, Output = 8)]
[NtXentLoss(Temperature = 0.5)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 1e-2)]
[Training(BatchSize = 16, Epochs = 3, Seed = 3, Precision = TrainingPrecision.MixedBFloat16)]
public partial class TinyMixed
{
    /// <summary>Two 3x3 convolutions (1 -> 32 -> 32) on 28x28, pooled to 2x2: 128 features.</summary>
    [Encoder(OutputDim = 128)]
    public static nn.Module<Tensor, Tensor> Encoder() => nn.Sequential(
        nn.Conv2d(1, 32, 3, padding: 1), nn.BatchNorm2d(32), nn.ReLU(),
        nn.Conv2d(32, 32, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(2), nn.Flatten());
}

/// <summary>
/// Mixed precision (<see cref="TrainingPrecision"/>): which precision a run resolves to, that only the network's
/// modules run in bfloat16 and only during a step, that the guard checks the bfloat16 kernels, and that it learns.
/// </summary>
[Collection(ConvolutionBackendCollection.Name)]
public class MixedPrecisionTests
{
    private const string Bf16Cpu = "fpu vme avx2 avx512f avx512_bf16 avx512_vnni";

    [Fact]
    public void AutoLowersOnlyOnACpuThatComputesBFloat16AndInOneProcess()
    {
        Assert.Equal(TrainingPrecision.MixedBFloat16, MixedPrecision.Resolve(TrainingPrecision.Auto, torch.CPU, 1, Bf16Cpu));
        Assert.Equal(TrainingPrecision.MixedBFloat16, MixedPrecision.Resolve(TrainingPrecision.Auto, torch.CPU, 1, "fpu amx_bf16 amx_tile"));
        Assert.Equal(TrainingPrecision.Float32, MixedPrecision.Resolve(TrainingPrecision.Auto, torch.CPU, 1, "fpu avx2 avx512f avx512_vnni"));
        Assert.Equal(TrainingPrecision.Float32, MixedPrecision.Resolve(TrainingPrecision.Auto, torch.CPU, 2, Bf16Cpu));
        Assert.Equal(TrainingPrecision.Float32, MixedPrecision.Resolve(TrainingPrecision.Auto, new Device(DeviceType.CUDA, 0), 1, Bf16Cpu));
        Assert.Equal(TrainingPrecision.Float32, MixedPrecision.Resolve(TrainingPrecision.Float32, torch.CPU, 1, Bf16Cpu));
        Assert.Equal(TrainingPrecision.MixedBFloat16, MixedPrecision.Resolve(TrainingPrecision.MixedBFloat16, torch.CPU, 1, "fpu"));
    }

    [Fact]
    public void MixedPrecisionForSeveralRanksIsAClearError()
    {
        var e = Assert.Throws<ArgumentException>(() => MixedPrecision.Resolve(TrainingPrecision.MixedBFloat16, torch.CPU, 2, Bf16Cpu));
        Assert.Contains("one process only; this run has 2 ranks", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => MixedPrecision.Resolve((TrainingPrecision)9, torch.CPU, 1, Bf16Cpu));
    }

    [Fact]
    public void AnUndefinedPrecisionOptionIsRejectedByName()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Precision = (TrainingPrecision)7 }.Validate());
        Assert.Equal("Precision", e.ParamName);
    }

    [Fact]
    public void InAStepTheModulesComputeInBFloat16AndTheLossSeesFloat32()
    {
        torch.manual_seed(11);
        var encoder = nn.Sequential(nn.Linear(8, 6), nn.ReLU());
        var head = nn.Linear(6, 4);
        var network = nn.Sequential(("encoder", encoder), ("head", head));
        var inner = ScalarType.Float64;
        var watch = ((nn.Module<Tensor, Tensor>)encoder[0]).register_forward_hook((m, i, o) =>
        {
            inner = o.dtype;
            return o;
        });
        using var mixed = new MixedPrecision(network, DeviceType.CPU);
        Assert.Equal(2, mixed.HookedModules);
        using var x = randn(3, 8);
        Tensor lowered;
        using (mixed.Open())
        {
            lowered = ((nn.Module<Tensor, Tensor>)head).call(((nn.Module<Tensor, Tensor>)encoder).call(x));
            Assert.False(Autocast.IsEnabled(DeviceType.CPU)); // between modules: the loss's arithmetic
        }

        Assert.Equal(ScalarType.BFloat16, inner);
        Assert.Equal(ScalarType.Float32, lowered.dtype);
        var full = network.call(x);
        Assert.Equal(ScalarType.Float32, inner); // outside a step nothing is lowered
        Assert.True(lowered.allclose(full, rtol: 0.05, atol: 0.02), "bfloat16 keeps about 3 significant digits");
        Assert.False(lowered.allclose(full, rtol: 0, atol: 0), "the step's result was computed in bfloat16");
        watch.remove();
    }

    [Fact]
    public void AMemberTasksModelIsEnteredAndASharedEncoderHookedOnce()
    {
        // A multi-task network: the shared encoder, and each member's model (encoder and head), whose objective calls
        // the encoder and the head, never the model itself.
        var shared = nn.Linear(4, 4);
        var head = nn.Linear(4, 3);
        var network = nn.Sequential(("encoder", shared), ("first", new Member(shared, nn.Linear(4, 2))), ("second", new Member(shared, head)));
        var computed = ScalarType.Float64;
        var watch = head.register_forward_hook((m, i, o) =>
        {
            computed = o.dtype; // runs before the mixed-precision hook, registered after it
            return o;
        });
        using var mixed = new MixedPrecision(network, DeviceType.CPU);
        Assert.Equal(3, mixed.HookedModules); // the shared encoder once, and the two heads
        using (mixed.Open())
        {
            Assert.Equal(ScalarType.Float32, head.call(randn(2, 4)).dtype);
        }

        Assert.Equal(ScalarType.BFloat16, computed);
        watch.remove();
    }

    [Fact]
    public void AModuleThatThrowsLeavesNoAutocastBehindItsStep()
    {
        var network = nn.Sequential(("broken", new Throwing()));
        using var mixed = new MixedPrecision(network, DeviceType.CPU);
        using (mixed.Open())
        {
            Assert.Throws<InvalidOperationException>(() => ((nn.Module<Tensor, Tensor>)network[0]).call(randn(2, 2)));
            Assert.True(Autocast.IsEnabled(DeviceType.CPU)); // the module's scope is still open ...
        }

        Assert.False(Autocast.IsEnabled(DeviceType.CPU)); // ... until the step's closes it
    }

    [Fact]
    public void ADeclaredMixedPrecisionRunLearnsNearTheFloat32Run()
    {
        using var data = Images(64, seed: 5);
        using var mixed = new TinyMixed.Trainer(TinyData.Quiet());
        using var full = new TinyMixed.Trainer(Quiet(TrainingPrecision.Float32));
        Assert.Equal(TrainingPrecision.MixedBFloat16, mixed.Precision);
        Assert.Equal(TrainingPrecision.MixedBFloat16, mixed.Settings.Precision);
        Assert.Equal(TrainingPrecision.Float32, full.Precision);
        Assert.Contains("Precision = MixedBFloat16", mixed.DescribeSettings(), StringComparison.Ordinal);
        Assert.Contains("Precision = Float32 (declared MixedBFloat16)", full.DescribeSettings(), StringComparison.Ordinal);

        // The same weights and batch: the first losses agree to bfloat16's precision, not exactly.
        var batch = new ImageBatch(data.Tensors[0].narrow(0, 0, 16));
        float lossMixed = mixed.Step(batch), lossFull = full.Step(batch);
        Assert.False(Autocast.IsEnabled(DeviceType.CPU));
        Assert.InRange(Math.Abs(lossMixed - lossFull) / lossFull, 1e-7, 0.02);

        var fit = mixed.Fit(data);
        Assert.True(fit.Epochs[^1].Loss < fit.Epochs[0].Loss, $"loss {fit.Epochs[0].Loss} -> {fit.Epochs[^1].Loss}");
        // Embedding after training runs in float32.
        using var features = mixed.Embed(data);
        Assert.Equal(ScalarType.Float32, features.dtype);
    }

    [Fact]
    public void UnderMixedPrecisionTheGuardChecksTheBFloat16KernelsTrainingRuns()
    {
        using var data = Images(16, seed: 6);
        using var trainer = new TinyMixed.Trainer(TinyData.Quiet());
        var batch = new ImageBatch(data.Tensors[0]);
        trainer.Step(batch);
        // Two views of 16 images go through the encoder as one batch of 32: the first layer's input needs no gradient.
        Assert.True(ConvolutionGuard.IsVerified(ConvolutionCase.Conv2d(1, 32, 3, 32, 28, padding: 1), ScalarType.BFloat16, inputGradient: false));
        // The second layer gets the first one's bfloat16 output, whose gradient autograd computes.
        Assert.True(ConvolutionGuard.IsVerified(ConvolutionCase.Conv2d(32, 32, 3, 32, 28, padding: 1), ScalarType.BFloat16, inputGradient: true));
    }

    private static TrainingOptions Quiet(TrainingPrecision precision) => new()
    {
        Device = torch.CPU,
        ShowProgress = false,
        Log = TextWriter.Null,
        WritePlots = false,
        Precision = precision,
    };

    /// <summary>28x28 versions of <see cref="TinyData.Images"/> (bright top or bottom half).</summary>
    private static Dataset<ImageBatch> Images(int n, long seed)
    {
        using var small = TinyData.Images(n, seed);
        var images = nn.functional.interpolate(small.Tensors[0], new long[] { 28, 28 }, mode: InterpolationMode.Nearest);
        return new Dataset<ImageBatch>(new[] { images }, small.Labels!.clone(), "tiny-28");
    }

    private sealed class Member : nn.Module<Tensor, Tensor>, ITaskModel
    {
        private readonly nn.Module<Tensor, Tensor> encoder;
        private readonly nn.Module<Tensor, Tensor> head;

        public Member(nn.Module<Tensor, Tensor> encoder, nn.Module<Tensor, Tensor> head)
            : base("member")
        {
            this.encoder = encoder;
            this.head = head;
            RegisterComponents();
        }

        public nn.Module<Tensor, Tensor> Encoder => encoder;

        public override Tensor forward(Tensor input) => head.call(encoder.call(input));
    }

    private sealed class Throwing : nn.Module<Tensor, Tensor>
    {
        public Throwing()
            : base("throwing")
        {
        }

        public override Tensor forward(Tensor input) => throw new InvalidOperationException("broken module");
    }
}
