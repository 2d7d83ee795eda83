namespace SslDsl.Generators.Tests;

/// <summary>Task declarations the generator tests run on.</summary>
internal static class TaskSources
{
    /// <summary>The example of DSL.md section 1: SimCLR on Fashion-MNIST with an [Encoder] member.</summary>
    public const string FashionSimClr = """
        using SslDsl;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Samples;

        [PretextTask("fashion-simclr")]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        [Views(2)]
        [RandomResizedCrop(MinScale = 0.3, MaxScale = 1.0)]
        [HorizontalFlip(P = 0.5)]
        [ColorJitter(Brightness = 0.4, Contrast = 0.4, P = 0.8)]
        [GaussianNoise(Std = 0.05, P = 0.5)]
        [ProjectionHead(Hidden = 256, Output = 128)]
        [NtXentLoss(Temperature = 0.5)]
        [Optimizer(OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 1e-4)]
        [LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
        [Training(BatchSize = 256, Epochs = 10, Seed = 42)]
        [FineTune(Classes = 10, Mode = FineTuneMode.LinearProbe)]
        public partial class FashionSimClr
        {
            [Encoder(OutputDim = 128)]
            static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, width: 32, outputDim: 128);
        }
        """;

    /// <summary>A nested RGB task with a built-in backbone, asymmetric views, normalization and a weighted loss.</summary>
    public const string NestedRgbTask = """
        using SslDsl;

        namespace Samples.Vision
        {
            public static partial class Experiments
            {
                [PretextTask("rgb-simclr")]
                [ImageInput(Channels = 3, Height = 16, Width = 16)]
                [Backbone(BackboneKind.SmallCnn, Width = 8, OutputDim = 32, Depth = 1)]
                [Views(2)]
                [RandomResizedCrop(MinScale = 0.5)]
                [ColorJitter(Brightness = 0.2, Contrast = 0.2, Saturation = 0.2, Hue = 0.05)]
                [GaussianNoise(Std = 0.1, View = 1)]
                [ProjectionHead(Hidden = 64, Output = 16, Layers = 2, BatchNorm = false)]
                [NtXentLoss(Temperature = 0.2, Weight = 0.5)]
                [Optimizer(OptimizerKind.Sgd, LearningRate = 0.05, Momentum = 0.9)]
                [Training(BatchSize = 8, Epochs = 2, Seed = 7)]
                internal partial class RgbSimClr
                {
                }
            }
        }
        """;

    /// <summary>A tiny task that trains fast: 1x8x8 images, a linear encoder.</summary>
    public const string TinyTask = """
        using SslDsl;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Tiny;

        [PretextTask("tiny-simclr")]
        [ImageInput(Channels = 1, Height = 8, Width = 8)]
        [Views(2)]
        [RandomResizedCrop(MinScale = 0.5)]
        [HorizontalFlip]
        [ProjectionHead(Hidden = 16, Output = 8, BatchNorm = false)]
        [NtXentLoss(Temperature = 0.5)]
        [Optimizer(OptimizerKind.Adam, LearningRate = 0.01)]
        [Training(BatchSize = 16, Epochs = 1, Seed = 3)]
        [FineTune(Classes = 2)]
        public partial class TinyTask
        {
            [Encoder(OutputDim = 16)]
            public static nn.Module<Tensor, Tensor> Encoder => nn.Sequential(nn.Flatten(), nn.Linear(64, 16));
        }
        """;
}
