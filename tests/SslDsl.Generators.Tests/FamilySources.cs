using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>
/// One declaration per objective family and for the combinations users write, each with a checked-in
/// snapshot of its generated source (<see cref="FamilySnapshotTests"/>). Fine-tune modes: LinearProbe
/// (SimClrThreeViews), Full (Mae, Mlm), PartialUnfreeze (Scarf), none declared (the others).
/// </summary>
internal static class FamilySources
{
    /// <summary>A small convolutional image encoder (16 features) that accepts any image size.</summary>
    private const string ConvEncoder = "nn.Sequential(nn.Conv2d(1, 8, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(2), nn.Flatten(), nn.Linear(32, 16))";

    private const string Image8 = "[ImageInput(Channels = 1, Height = 8, Width = 8)]";

    private const string Text = "[TextInput(MaxLength = 12, VocabSize = 30)]";

    private const string Transformer = "Backbones.TransformerEncoder(vocabSize: 30, maxLength: 12, width: 16, outputDim: 16, depth: 1, heads: 2)";

    /// <summary>Every case: its name (the snapshot folder) and its source.</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in All.Keys)
            {
                data.Add(name);
            }

            return data;
        }
    }

    /// <summary>The declarations by case name.</summary>
    public static readonly System.Collections.Generic.IReadOnlyDictionary<string, string> All = new System.Collections.Generic.SortedDictionary<string, string>(System.StringComparer.Ordinal)
    {
        // Joint embedding.
        ["SimClrThreeViews"] = Member("SimClrThreeViews", Image8, ConvEncoder,
            "[Views(3)] [RandomResizedCrop(MinScale = 0.5)] [HorizontalFlip] [ColorJitter(Brightness = 0.4, Contrast = 0.4)] [ProjectionHead(Hidden = 16, Output = 8)] [NtXentLoss(Temperature = 0.5)] [FineTune(Classes = 10)]"),
        ["InfoNceThreeViews"] = Member("InfoNceThreeViews", Image8, ConvEncoder,
            "[Views(3)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [InfoNceLoss(Temperature = 0.2)]"),
        ["MocoWithQueue"] = Member("MocoWithQueue", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [GaussianNoise(Std = 0.1)] [ProjectionHead(Hidden = 16, Output = 8)] [MomentumEncoder(Momentum = 0.99)] [NegativeQueue(Size = 64)] [InfoNceLoss(Temperature = 0.2)]"),
        ["MocoWithoutQueue"] = Member("MocoWithoutQueue", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [MomentumEncoder(Momentum = 0.99, FinalMomentum = 0.999)] [InfoNceLoss]"),
        ["Byol"] = Member("Byol", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [GaussianNoise(Std = 0.1, View = 1)] [Normalize(Mean = new[] { 0.5 }, Std = new[] { 0.25 })] [ProjectionHead(Hidden = 16, Output = 8)] [PredictorHead(Hidden = 16, Output = 8)] [MomentumEncoder(Momentum = 0.99)] [ByolLoss]"),
        ["BarlowTwins"] = Member("BarlowTwins", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [BarlowTwinsLoss(Lambda = 0.005)]"),
        ["VicReg"] = Member("VicReg", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [VicRegLoss]"),
        ["ContrastiveMargin"] = Member("ContrastiveMargin", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [GaussianNoise(Std = 0.05)] [ContrastiveMarginLoss(Margin = 1.0)]"),
        ["WeightedJointLosses"] = Member("WeightedJointLosses", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [NtXentLoss(Weight = 0.5)] [VicRegLoss(Weight = 0.04)]"),

        // The state-of-the-art catalogue (issue 15): self-distillation, clustering, predictor losses, decoupled contrast, multi-crop.
        ["Dino"] = Member("Dino", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [DinoHead(Hidden = 16, Bottleneck = 8, Output = 32)] [MomentumEncoder(Momentum = 0.99)] [DinoLoss(WarmupTeacherTemperature = 0.04, TeacherTemperature = 0.07, WarmupTeacherTemperatureEpochs = 2)]"),
        ["DinoMultiCrop"] = Member("DinoMultiCrop", Image8, ConvEncoder,
            "[MultiCrop(GlobalSize = 8, LocalSize = 4, LocalViews = 2)] [HorizontalFlip] [GaussianBlur(KernelSize = 3, P = 1.0, View = 0)] [Solarize(P = 0.2, View = 1)] [DinoHead(Hidden = 16, Bottleneck = 8, Output = 32, FreezeLastLayerEpochs = 1)] [MomentumEncoder(Momentum = 0.996)] [DinoLoss]"),
        ["Swav"] = Member("Swav", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [SwavLoss(Prototypes = 10, QueueSize = 32, QueueStartEpoch = 0, FreezePrototypesEpochs = 0)]"),
        ["SwavMultiCrop"] = Member("SwavMultiCrop", Image8, ConvEncoder,
            "[MultiCrop(GlobalSize = 8, LocalSize = 4, LocalViews = 2)] [ColorJitter(Brightness = 0.4, Contrast = 0.4)] [ProjectionHead(Hidden = 16, Output = 8)] [SwavLoss(Prototypes = 10)]"),
        ["SimSiam"] = Member("SimSiam", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [PredictorHead(Hidden = 16, Output = 8)] [SimSiamLoss]"),
        ["MocoV3"] = Member("MocoV3", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [PredictorHead(Hidden = 16, Output = 8)] [MomentumEncoder(Momentum = 0.99)] [MocoV3Loss(Temperature = 0.2)]"),
        ["Nnclr"] = Member("Nnclr", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [PredictorHead(Hidden = 16, Output = 8)] [NnclrLoss(SupportSetSize = 64)]"),
        ["Dcl"] = Member("Dcl", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [DclLoss(Temperature = 0.1)]"),
        ["Dclw"] = Member("Dclw", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [DclwLoss(Temperature = 0.1, Sigma = 0.5)]"),
        ["AccumulatedSimClr"] = Member("AccumulatedSimClr", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [NtXentLoss]",
            training: "[Training(BatchSize = 16, Epochs = 1, Seed = 3, AccumulateSteps = 4)]"),

        // Reconstruction.
        ["Mae"] = Member("Mae", Image8, ConvEncoder,
            "[PatchMask(PatchSize = 2, Ratio = 0.75)] [Decoder(Hidden = 32, Layers = 2)] [ReconstructionLoss(NormalizeTargets = true)] [FineTune(Classes = 10, Mode = FineTuneMode.Full, Epochs = 5)]"),
        ["MaeVit"] = Backbone("MaeVit", Image8, "[Backbone(BackboneKind.VisionTransformer, Width = 16, OutputDim = 16, Depth = 1, Heads = 2, PatchSize = 2)]",
            "[PatchMask(PatchSize = 2, Ratio = 0.75)] [Decoder(Hidden = 16, Layers = 1)] [ReconstructionLoss]"),
        ["Denoising"] = Member("Denoising", Image8, ConvEncoder,
            "[HorizontalFlip] [GaussianNoise(Std = 0.2)] [Decoder(Hidden = 32, Layers = 1)] [ReconstructionLoss(MaskedOnly = false)]"),
        ["InpaintingAdversarial"] = Member("InpaintingAdversarial", Image8, ConvEncoder,
            "[HorizontalFlip] [BlockMask(Size = 4)] [Decoder(Hidden = 32, Layers = 2)] [ReconstructionLoss] [AdversarialLoss(Weight = 0.01)]"),
        ["TabularReconstruction"] = Member("TabularReconstruction", "[TabularInput(Features = 6)]", "nn.Sequential(nn.Linear(6, 32), nn.ReLU(), nn.Linear(32, 16))",
            "[FeatureCorruption(Rate = 0.3)] [Decoder(Hidden = 32, Layers = 1)] [ReconstructionLoss(MaskedOnly = false)]"),
        ["Vime"] = Member("Vime", "[TabularInput(Features = 6)]", "nn.Sequential(nn.Linear(6, 32), nn.ReLU(), nn.Linear(32, 16))",
            "[VimeMask(Probability = 0.3)] [Decoder(Hidden = 32, Layers = 1)] [VimeLoss(Alpha = 2.0)]"),
        ["VimeCategorical"] = Member("VimeCategorical", "[TabularInput(Features = 8)]", "nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 16))",
            "[CategoricalFeature(\"colour\", Cardinality = 3)] [CategoricalFeature(\"city\", Encoding = CategoricalEncoding.Embedding, Cardinality = 5, EmbeddingDim = 2)] [VimeMask] [VimeLoss]"),
        ["SeriesReconstruction"] = Member("SeriesReconstruction", "[TimeSeriesInput(Channels = 1, Length = 16)]", "nn.Sequential(nn.Flatten(), nn.Linear(16, 16))",
            "[Scaling(Std = 0.1)] [Jitter(Std = 0.05)] [TimeMask(Ratio = 0.2)] [Decoder(Hidden = 32)] [ReconstructionLoss]"),

        // Prediction.
        ["Rotation"] = Backbone("Rotation", Image8, "[Backbone(BackboneKind.ResNet, Width = 8, OutputDim = 16, Depth = 2)]",
            "[RotationPrediction(Angles = 4)]"),
        ["Jigsaw"] = Member("Jigsaw", Image8, ConvEncoder,
            "[JigsawPrediction(Grid = 2, Permutations = 6)]"),
        ["RelativePosition"] = Member("RelativePosition", "[ImageInput(Channels = 1, Height = 9, Width = 9)]", ConvEncoder,
            "[RelativePatchPosition(Grid = 3)]"),
        ["RotationWithSimClr"] = Member("RotationWithSimClr", Image8, ConvEncoder,
            "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [NtXentLoss] [RotationPrediction(Weight = 0.5)]"),
        ["Forecast"] = Backbone("Forecast", "[TimeSeriesInput(Channels = 2, Length = 16)]", "[Backbone(BackboneKind.Conv1d, Width = 8, OutputDim = 16, Depth = 2)]",
            "[Jitter(Std = 0.01)] [Scaling(Std = 0.05)] [TimeMask(Ratio = 0.1)] [ForecastLoss(Horizon = 4)]"),
        ["Ts2Vec"] = Backbone("Ts2Vec", "[TimeSeriesInput(Channels = 2, Length = 16)]", "[Backbone(BackboneKind.DilatedConv, Width = 8, OutputDim = 16, Depth = 2)]",
            "[Scaling(Std = 0.1)] [Ts2VecLoss(Alpha = 0.5, TemporalUnit = 1, MaskRatio = 0.5)]"),
        ["SeriesPermutationContrast"] = Backbone("SeriesPermutationContrast", "[TimeSeriesInput(Channels = 2, Length = 16)]", "[Backbone(BackboneKind.Conv1d, Width = 8, OutputDim = 16, Depth = 2)]",
            "[Views(2)] [Scaling(Std = 0.1)] [SegmentPermutation(MaxSegments = 4)] [ProjectionHead(Hidden = 16, Output = 8)] [NtXentLoss(Temperature = 0.5)]"),

        // Text.
        ["Mlm"] = Member("Mlm", Text, Transformer,
            "[MaskTokens(Probability = 0.3)] [MaskedTokenLoss] [FineTune(Classes = 2, Mode = FineTuneMode.Full)]"),
        ["SpanMask"] = Member("SpanMask", Text, Transformer,
            "[SpanMask(MeanSpan = 2, Ratio = 0.3)] [MaskedTokenLoss]"),
        ["WholeWordMask"] = Member("WholeWordMask", Text, Transformer,
            "[WholeWordMask(Probability = 0.2)] [MaskedTokenLoss]"),
        ["SpanCorruption"] = Member("SpanCorruption", Text, Transformer,
            "[SpanCorruption(NoiseDensity = 0.15, MeanSpan = 3)] [SpanCorruptionLoss(Layers = 1, Heads = 2)]"),
        ["Nsp"] = Member("Nsp", Text, Transformer,
            "[NextSentenceLoss]"),
        ["MlmWithNsp"] = Member("MlmWithNsp", Text, Transformer,
            "[MaskTokens] [MaskedTokenLoss] [NextSentenceLoss(Weight = 0.5)]"),
        ["NextToken"] = Backbone("NextToken", Text, "[Backbone(BackboneKind.TransformerEncoder, Width = 16, OutputDim = 16, Depth = 1, Heads = 2)]",
            "[NextTokenLoss]"),

        // Tabular.
        ["Scarf"] = Backbone("Scarf", "[TabularInput(Features = 6)]", "[Backbone(BackboneKind.Mlp, Width = 32, OutputDim = 16, Depth = 2)]",
            "[Views(2)] [FeatureCorruption(Rate = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [InfoNceLoss(Temperature = 0.5)] [FineTune(Classes = 3, Mode = FineTuneMode.PartialUnfreeze, UnfreezeLastLayers = 1)]"),

        // Multimodal (issue 19): image-text contrast with one encoder, projection and pipeline per input.
        ["Clip"] = Clip,
    };

    /// <summary>A CLIP task: images and captions, each input with its encoder, augmentations and projection.</summary>
    public const string Clip = $$"""
        using SslDsl;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Snapshots;

        [PretextTask("clip")]
        [TextInput(MaxLength = 12, VocabSize = 30)]
        {{Image8}}
        [ClipLoss(Temperature = 0.1)]
        [Optimizer(OptimizerKind.Adam, LearningRate = 0.01)]
        [Training(BatchSize = 16, Epochs = 1, Seed = 3)]
        [FineTune(Classes = 4)]
        public partial class Clip
        {
            [Encoder(OutputDim = 16, Input = Modality.Image)]
            [Projection(Output = 8)]
            [RandomResizedCrop(MinScale = 0.5)]
            [HorizontalFlip]
            [Normalize(Mean = new[] { 0.5 }, Std = new[] { 0.25 })]
            static nn.Module<Tensor, Tensor> ImageEncoder() => {{ConvEncoder}};

            [Encoder(OutputDim = 16, Input = Modality.Text)]
            [Projection(Output = 8)]
            [MaskTokens(Probability = 0.1)]
            static nn.Module<Tensor, Tensor> TextEncoder() => {{Transformer}};
        }
        """;

    /// <summary>A multi-task pretraining over three members (SimCLR, MAE, BYOL) on one shared encoder.</summary>
    public const string MultiTask = $$"""
        using SslDsl;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Snapshots;

        [MultiTaskPretraining("joint")]
        [Objective(typeof(JointSimClr), Weight = 1.0)]
        [Objective(typeof(JointMae), Weight = 0.5)]
        [Objective(typeof(JointByol), Weight = 0.25)]
        [Optimizer(OptimizerKind.Adam, LearningRate = 0.01)]
        [Training(BatchSize = 16, Epochs = 1)]
        [FineTune(Classes = 10)]
        public partial class Joint
        {
            [Encoder(OutputDim = 16)]
            static nn.Module<Tensor, Tensor> Shared() => {{ConvEncoder}};
        }

        [PretextTask("joint-simclr")]
        {{Image8}}
        [Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [NtXentLoss]
        public partial class JointSimClr
        {
            [Encoder(OutputDim = 16)]
            static nn.Module<Tensor, Tensor> Encoder() => {{ConvEncoder}};
        }

        [PretextTask("joint-mae")]
        {{Image8}}
        [PatchMask(PatchSize = 2, Ratio = 0.5)] [Decoder(Hidden = 16, Layers = 1)] [ReconstructionLoss]
        public partial class JointMae
        {
            [Encoder(OutputDim = 16)]
            static nn.Module<Tensor, Tensor> Encoder() => {{ConvEncoder}};
        }

        [PretextTask("joint-byol")]
        {{Image8}}
        [Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [PredictorHead(Hidden = 16, Output = 8)] [MomentumEncoder] [ByolLoss]
        public partial class JointByol
        {
            [Encoder(OutputDim = 16)]
            static nn.Module<Tensor, Tensor> Encoder() => {{ConvEncoder}};
        }
        """;

    /// <summary>A task whose encoder is a static [Encoder] member returning <paramref name="encoder"/> (16 features).</summary>
    private static string Member(string name, string input, string encoder, string attributes, string training = "[Training(BatchSize = 16, Epochs = 1, Seed = 3)]") => $$"""
        using SslDsl;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Snapshots;

        [PretextTask("{{Kebab(name)}}")]
        {{input}}
        {{attributes}}
        [Optimizer(OptimizerKind.Adam, LearningRate = 0.01)]
        {{training}}
        public partial class {{name}}
        {
            [Encoder(OutputDim = 16)]
            static nn.Module<Tensor, Tensor> Encoder() => {{encoder}};
        }
        """;

    /// <summary>A task whose encoder is the built-in <paramref name="backbone"/>.</summary>
    private static string Backbone(string name, string input, string backbone, string attributes) => $$"""
        using SslDsl;

        namespace Snapshots;

        [PretextTask("{{Kebab(name)}}")]
        {{input}}
        {{backbone}}
        {{attributes}}
        [Optimizer(OptimizerKind.Adam, LearningRate = 0.01)]
        [Training(BatchSize = 16, Epochs = 1, Seed = 3)]
        public partial class {{name}}
        {
        }
        """;

    /// <summary>SimClrThreeViews → sim-clr-three-views.</summary>
    private static string Kebab(string name)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
