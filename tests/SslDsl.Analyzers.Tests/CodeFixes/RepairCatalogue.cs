using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>One case of a repair: a wrong declaration (markup marks its diagnostic), the declaration the repair leaves, the action's title.</summary>
/// <param name="Id">The diagnostic.</param>
/// <param name="Wrong">A file with one task class T (task name "t" or its own), wrong in one place.</param>
/// <param name="Fixed">The file after the repair: it compiles and has no diagnostic left.</param>
/// <param name="Title">The action's title.</param>
/// <param name="Copyable">Whether copies of the task (class and task name numbered) can share a compilation: not for cases that reference other classes.</param>
public sealed record RepairCase(string Id, string Wrong, string Fixed, string Title, bool Copyable = true)
{
    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>The primary repair of every diagnostic the repair code fix handles, one case each.</summary>
public static class RepairCatalogue
{
    private const string SimClr = """
        [PretextTask("t")]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        [Views(2)]
        [RandomResizedCrop(MinScale = 0.3)]
        [ProjectionHead(Hidden = 256, Output = 128)]
        [NtXentLoss(Temperature = 0.5)]
        """;

    private const string Byol = """
        [PretextTask("t")]
        [ImageInput]
        [Views(2)]
        [RandomResizedCrop]
        [ProjectionHead(Hidden = 256, Output = 64)]
        [PredictorHead(Hidden = 256, Output = 64)]
        [MomentumEncoder(Momentum = 0.99)]
        [ByolLoss]
        """;

    private const string EncoderMember = """
            [Encoder(OutputDim = 128)]
            static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, outputDim: 128);

        """;

    private static readonly string Members = Sources.Task(SimClr.Replace("\"t\"", "\"simclr\""), name: "SimClr") + Sources.Task("""
        [PretextTask("mae")]
        [ImageInput]
        [PatchMask]
        [Decoder]
        [ReconstructionLoss]
        """, name: "Mae").Replace(Sources.Usings, "");

    /// <summary>Every case, in ID order.</summary>
    public static IReadOnlyList<RepairCase> Cases { get; } = new List<RepairCase>
    {
        new("SSL002",
            Sources.Task(SimClr, members: "", name: "{|SSL002:T|}"),
            Sources.Task(SimClr, members: EncoderMember.TrimEnd() + "\n"),
            "Add an [Encoder] member 'Encoder' returning Backbones.SmallCnn(inChannels: 1, outputDim: 128)"),
        new("SSL003",
            Sources.Task(SimClr + "\n[{|SSL003:Backbone(BackboneKind.SmallCnn)|}]"),
            Sources.Task(SimClr),
            "Remove [Backbone]"),
        new("SSL004",
            Sources.Task(SimClr, members: EncoderMember.Replace("static nn.Module<Tensor, Tensor> Encoder()", "nn.Module<Tensor, Tensor> {|SSL004:Encoder|}()")),
            Sources.Task(SimClr),
            "Make 'Encoder' static"),
        new("SSL005",
            Sources.Task(SimClr + "\n[{|SSL005:TabularInput(Features = 4)|}]"),
            Sources.Task(SimClr),
            "Remove [TabularInput]"),
        new("SSL007",
            Sources.Task(SimClr + "\n[VerticalFlip({|SSL007:P = 1.2|})]"),
            Sources.Task(SimClr + "\n[VerticalFlip(P = 1.0)]"),
            "Clamp P to 1.0"),
        new("SSL008",
            Sources.Task(SimClr.Replace("[NtXentLoss(Temperature = 0.5)]", "[NtXentLoss({|SSL008:Temperature = 0|})]")),
            Sources.Task(SimClr),
            "Set Temperature = 0.5 (the default)"),
        new("SSL009",
            Sources.Task(Byol.Replace("Momentum = 0.99", "{|SSL009:Momentum = 1.0|}")),
            Sources.Task(Byol),
            "Clamp Momentum to 0.99"),
        new("SSL010",
            Sources.Task(SimClr.Replace("[Views(2)]\n", "").Replace("[NtXentLoss(Temperature = 0.5)]", "[{|SSL010:NtXentLoss(Temperature = 0.5)|}]")),
            Sources.Task(SimClr),
            "Add [Views(2)]"),
        new("SSL011",
            Sources.Task(SimClr.Replace("[Views(2)]", "[{|SSL011:Views(2)|}]").Replace("[RandomResizedCrop(MinScale = 0.3)]\n", "")),
            Sources.Task(SimClr.Replace("[RandomResizedCrop(MinScale = 0.3)]", "[RandomResizedCrop]")),
            "Add [RandomResizedCrop]"),
        new("SSL012",
            Sources.Task("""
                [PretextTask("t")]
                [ImageInput(Height = 30, Width = 30)]
                [Decoder]
                [{|SSL012:ReconstructionLoss|}]
                """),
            Sources.Task("""
                [PretextTask("t")]
                [ImageInput(Height = 30, Width = 30)]
                [PatchMask(PatchSize = 3)]
                [Decoder]
                [ReconstructionLoss]
                """),
            "Add [PatchMask(PatchSize = 3)]"),
        new("SSL013",
            Sources.Task(SimClr + "\n[{|SSL013:MaskTokens|}]"),
            Sources.Task(SimClr),
            "Remove [MaskTokens]"),
        new("SSL014",
            Sources.Task(SimClr + "\n[ColorJitter(Brightness = 0.4, {|SSL014:Saturation = 0.4|})]"),
            Sources.Task(SimClr + "\n[ColorJitter(Brightness = 0.4)]"),
            "Remove Saturation from [ColorJitter]"),
        new("SSL015",
            Sources.Task(SimClr + "\n[GaussianBlur({|SSL015:KernelSize = 4|})]"),
            Sources.Task(SimClr + "\n[GaussianBlur(KernelSize = 3)]"),
            "Set KernelSize = 3 (odd)"),
        new("SSL016",
            Sources.Task(Byol.Replace("[PredictorHead(Hidden = 256, Output = 64)]", "[PredictorHead(Hidden = 256, {|SSL016:Output = 128|})]")),
            Sources.Task(Byol),
            "Set Output = 64 (the projection's output)"),
        new("SSL017",
            Sources.Task(Byol.Replace("[PredictorHead(Hidden = 256, Output = 64)]\n", "").Replace("[MomentumEncoder(Momentum = 0.99)]\n", "").Replace("[ByolLoss]", "[{|SSL017:ByolLoss|}]")),
            Sources.Task(Byol),
            "Add [PredictorHead(Hidden = 256, Output = 64)] and [MomentumEncoder(Momentum = 0.99)]"),
        new("SSL018",
            Sources.Task(SimClr.Replace("[NtXentLoss(Temperature = 0.5)]", "[MomentumEncoder(Momentum = 0.999)]\n[NegativeQueue({|SSL018:Size = 1000|})]\n[InfoNceLoss]\n[Training(BatchSize = 256)]")),
            Sources.Task(SimClr.Replace("[NtXentLoss(Temperature = 0.5)]", "[MomentumEncoder(Momentum = 0.999)]\n[NegativeQueue(Size = 1024)]\n[InfoNceLoss]\n[Training(BatchSize = 256)]")),
            "Round Size up to 1024 (4 batches)"),
        new("SSL019",
            Members + "\n[MultiTaskPretraining(\"joint\")]\n[Objective(typeof(SimClr))]\n[Objective({|SSL019:typeof(string)|})]\n[Objective(typeof(Mae))]\npublic partial class Joint\n{\n" + EncoderMember.Replace("Encoder()", "Shared()") + "}\n",
            Members + "\n[MultiTaskPretraining(\"joint\")]\n[Objective(typeof(SimClr))]\n[Objective(typeof(Mae))]\npublic partial class Joint\n{\n" + EncoderMember.Replace("Encoder()", "Shared()") + "}\n",
            "Remove [Objective(typeof(string))]",
            Copyable: false),
        new("SSL020",
            Sources.Task(SimClr.Replace("Temperature = 0.5", "Temperature = 0.5, {|SSL020:Weight = 0|}")),
            Sources.Task(SimClr.Replace("Temperature = 0.5", "Temperature = 0.5, Weight = 1.0")),
            "Set Weight = 1.0 (the default)"),
        new("SSL021",
            Sources.Task(SimClr + "\n[FineTune(Classes = 10, {|SSL021:Mode = FineTuneMode.PartialUnfreeze|})]"),
            Sources.Task(SimClr + "\n[FineTune(Classes = 10, Mode = FineTuneMode.PartialUnfreeze, UnfreezeLastLayers = 1)]"),
            "Set UnfreezeLastLayers = 1"),
        new("SSL022",
            Sources.Task(RepairSources.Bert.Replace("ReplaceWithRandom = 0.1", "{|SSL022:ReplaceWithRandom = 0.3|}"), members: ""),
            Sources.Task(RepairSources.Bert.Replace("ReplaceWithRandom = 0.1", "ReplaceWithRandom = 0.2"), members: ""),
            "Set ReplaceWithRandom = 0.2 (1 - ReplaceWithMask)"),
        new("SSL025",
            Sources.Task(SimClr + "\n[Training({|SSL025:BatchSize = 0|}, Epochs = 10)]"),
            Sources.Task(SimClr + "\n[Training(BatchSize = 256, Epochs = 10)]"),
            "Set BatchSize = 256 (the default)"),
        new("SSL026",
            Sources.Task(SimClr + "\n[GaussianNoise({|SSL026:Std = -0.1|})]"),
            Sources.Task(SimClr + "\n[GaussianNoise(Std = 0.0)]"),
            "Clamp Std to 0.0"),
        new("SSL027",
            Ssl027To030Tests.FailingMultiCrop,
            Sources.Task(Ssl027To030Tests.Dino),
            "Set LocalSize = 12 (96/224 of GlobalSize)"),
        new("SSL028",
            Ssl027To030Tests.FailingTeacherTemperature,
            Sources.Task(Ssl027To030Tests.Dino),
            "Set TeacherTemperature = 0.04"),
        new("SSL029",
            Sources.Task(Ssl027To030Tests.Siamese + "\n[MomentumEncoder]\n[{|SSL029:SimSiamLoss|}]"),
            Sources.Task(Ssl027To030Tests.Siamese + "\n[PredictorHead(Hidden = 256, Output = 128)]\n[SimSiamLoss]"),
            "Add [PredictorHead(Hidden = 256, Output = 128)] and remove [MomentumEncoder]"),
        new("SSL030",
            Ssl027To030Tests.FailingMemory,
            Sources.Task(Ssl027To030Tests.Swav.Replace("QueueSize = 2560", "QueueSize = 1024")),
            "Set QueueSize = 1024 (4 batches)"),
        new("SSL032",
            Sources.Task(SimClr + "\n[LearningRateSchedule(ScheduleKind.WarmupCosine, {|SSL032:WarmupEpochs = 1|})]\n[Training(Epochs = 1)]"),
            Sources.Task(SimClr + "\n[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 0.0)]\n[Training(Epochs = 1)]"),
            "Shorten WarmupEpochs to 0.0 (below Training.Epochs)"),
        new("SSL033",
            Ssl033To038MultimodalTests.FailingProjections,
            Ssl033To038MultimodalTests.Valid,
            "Set Output = 32"),
        new("SSL035",
            Sources.Task(Sources.SimClr, Sources.Encoder.Replace("[Encoder(OutputDim = 128)]", "[Encoder(OutputDim = 128, {|SSL035:Input = Modality.Text|})]")),
            Sources.Task(Sources.SimClr),
            "Remove Input"),
        new("SSL036",
            Ssl033To038MultimodalTests.FailingStepOnOtherSide,
            Sources.Task(Ssl033To038MultimodalTests.Clip, Ssl033To038MultimodalTests.ImageEncoder + Ssl033To038MultimodalTests.TextEncoder.Replace(
                "[Encoder(OutputDim = 32, Input = Modality.Text)]", "[Encoder(OutputDim = 32, Input = Modality.Text)]\n    [SpanMask(MeanSpan = 2, Ratio = 0.2)]")),
            "Move [SpanMask] to 'TextEncoder'"),
        new("SSL037",
            Ssl033To038MultimodalTests.FailingTemperature,
            Ssl033To038MultimodalTests.Valid.Replace("Temperature = 0.07", "Temperature = 0.01"),
            "Clamp Temperature to 0.01"),
        new("SSL038",
            Ssl033To038MultimodalTests.FailingMisplaced,
            Sources.Task(Ssl033To038MultimodalTests.Clip, Ssl033To038MultimodalTests.ImageEncoder.Replace(
                "[Encoder(OutputDim = 128, Input = Modality.Image)]", "[Encoder(OutputDim = 128, Input = Modality.Image)]\n    [HorizontalFlip]") + Ssl033To038MultimodalTests.TextEncoder),
            "Move [HorizontalFlip] to 'ImageEncoder'"),
        new("SSL040", Ssl040To044VisionTransformerTests.FailingPatch, Ssl040To044VisionTransformerTests.Mae(backbone: "Width = 64, OutputDim = 64, PatchSize = 4"), "Set PatchSize = 4 (divides 28x28)"),
        new("SSL041", Ssl040To044VisionTransformerTests.FailingHeads, Ssl040To044VisionTransformerTests.Mae(backbone: "Width = 64, OutputDim = 64, Heads = 4", decoder: "Hidden = 48"), "Set Heads = 4 (divides Width 64)"),
        new("SSL042", Ssl040To044VisionTransformerTests.FailingSinCosWidth, Ssl040To044VisionTransformerTests.Mae(backbone: "Width = 68, OutputDim = 64, Heads = 2", decoder: "Hidden = 32"), "Set Width = 68"),
        new("SSL043", Ssl040To044VisionTransformerTests.FailingMaskPatch, Ssl040To044VisionTransformerTests.Mae(mask: "PatchSize = 4, Ratio = 0.75"), "Set PatchSize = 4 (the ViT's)"),
        new("SSL044", Ssl040To044VisionTransformerTests.FailingDecoder, Ssl040To044VisionTransformerTests.Mae(decoder: "Hidden = 32, Layers = 1"), "Set Hidden = 32"),
        new("SSL045",
            Ssl045To048TextMaskingTests.FailingTwoMaskings,
            Sources.Task(Ssl045To048TextMaskingTests.WholeWords, members: ""),
            "Remove [MaskTokens]"),
        new("SSL046",
            Ssl045To048TextMaskingTests.FailingNoCorruption,
            Sources.Task(Ssl045To048TextMaskingTests.T5.Replace("[SpanCorruption(NoiseDensity = 0.15, MeanSpan = 3)]\n", "").Replace("[TextInput(MaxLength = 32, VocabSize = 1000)]", "[TextInput(MaxLength = 32, VocabSize = 1000)]\n[SpanCorruption]"), members: ""),
            "Add [SpanCorruption]"),
        new("SSL047",
            Ssl045To048TextMaskingTests.FailingSentinels,
            Sources.Task(Ssl045To048TextMaskingTests.T5.Replace("VocabSize = 1000", "VocabSize = 7"), members: ""),
            "Set VocabSize = 7"),
        new("SSL048",
            Ssl045To048TextMaskingTests.FailingDecoderHeads,
            Sources.Task(Ssl045To048TextMaskingTests.T5, members: ""),
            "Set Heads = 4"),
        new("SSL049",
            Ssl049To051TimeSeriesTests.FailingPooledBackbone,
            Sources.Task(Ssl049To051TimeSeriesTests.Ts2Vec, members: ""),
            "Use BackboneKind.DilatedConv"),
        new("SSL050",
            Ssl049To051TimeSeriesTests.FailingShortestCrop,
            Sources.Task(Ssl049To051TimeSeriesTests.Ts2Vec.Replace("TemporalUnit = 2", "TemporalUnit = 4"), members: ""),
            "Set TemporalUnit = 4"),
        new("SSL051",
            Ssl049To051TimeSeriesTests.FailingOneSegment,
            Sources.Task(Ssl049To051TimeSeriesTests.Permutation.Replace("MaxSegments = 5", "MaxSegments = 2"), members: ""),
            "Set MaxSegments = 2"),
        new("SSL052",
            Ssl052To054VimeTests.FailingNoMask,
            Sources.Task(Ssl052To054VimeTests.Vime.Replace("[VimeMask(Probability = 0.3)]\n", "").Replace("[TabularInput(Features = 12)]", "[TabularInput(Features = 12)]\n[VimeMask]"), members: ""),
            "Add [VimeMask]"),
        new("SSL054",
            Ssl052To054VimeTests.FailingTwoMasks,
            Sources.Task(Ssl052To054VimeTests.Vime, members: ""),
            "Remove this [VimeMask]"),
    };

    /// <summary>The cases whose task can be copied within a compilation, as theory data.</summary>
    public static TheoryData<RepairCase> CopyableData => new(Cases.Where(c => c.Copyable));

    /// <summary>The cases whose task cannot be copied, as theory data.</summary>
    public static TheoryData<RepairCase> SingleData => new(Cases.Where(c => !c.Copyable));
}
