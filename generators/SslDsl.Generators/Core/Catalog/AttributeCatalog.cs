using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// Every attribute of the DSL with its parameters, defaults (identical to the runtime attribute
/// classes; a test checks this by reflection), ranges and the diagnostic each range violation raises.
/// The parser, the validator, the emitters and Describe() all read it, so a parameter is declared once.
/// </summary>
internal static class AttributeCatalog
{
    private const string Probability = "SSL007";
    private const string Temperature = "SSL008";
    private const string MomentumId = "SSL009";
    private const string Shapes = "SSL015";
    private const string Dimensions = "SSL016";
    private const string WeightId = "SSL020";
    private const string TrainingId = "SSL025";
    private const string Strength = "SSL026";

    private static ParamSpec P(string defaultValue = "1.0") => new("P", ParamType.Double, defaultValue, Constraint.Probability, Probability);

    private static readonly ParamSpec View = new("View", ParamType.Int, "-1");

    private static readonly ParamSpec Weight = new("Weight", ParamType.Double, "1.0", Constraint.Positive, WeightId);

    private static ParamSpec D(string name, string def, Constraint c = Constraint.None, string? id = null) => new(name, ParamType.Double, def, c, id);

    private static ParamSpec I(string name, string? def, Constraint c = Constraint.None, string? id = null) => new(name, ParamType.Int, def, c, id);

    private static ParamSpec B(string name, string def) => new(name, ParamType.Bool, def);

    private static AttributeSpec Aug(string name, Modality modality, string runtime, string p, params ParamSpec[] ps) =>
        new(name, AttributeCategory.Augmentation, modality, ps.Concat(new[] { P(p), View }).ToImmutableArray(), runtime);

    private static AttributeSpec Mask(string name, Modality modality, string runtime, params ParamSpec[] ps) =>
        new(name, AttributeCategory.Masking, modality, ps.Concat(new[] { P(), View }).ToImmutableArray(), runtime);

    private static AttributeSpec Obj(string name, Modality modality, params ParamSpec[] ps) =>
        new(name, AttributeCategory.Objective, modality, ps.Concat(new[] { Weight }).ToImmutableArray());

    private static AttributeSpec Head(string name, params ParamSpec[] ps) =>
        new(name, AttributeCategory.Head, Modality.Any, ps.ToImmutableArray());

    /// <summary>All attributes, by short name.</summary>
    public static readonly ImmutableDictionary<string, AttributeSpec> All = new[]
    {
        new AttributeSpec("PretextTask", AttributeCategory.Task, Modality.Any, ImmutableArray.Create(new ParamSpec("Name", ParamType.String, null, Positional: 0))),
        new AttributeSpec("MultiTaskPretraining", AttributeCategory.MultiTask, Modality.Any, ImmutableArray.Create(new ParamSpec("Name", ParamType.String, null, Positional: 0))),
        new AttributeSpec("Objective", AttributeCategory.MultiTaskMember, Modality.Any, ImmutableArray.Create(new ParamSpec("Task", ParamType.Type, null, Positional: 0), Weight)),
        new AttributeSpec("Views", AttributeCategory.Views, Modality.Any, ImmutableArray.Create(new ParamSpec("Count", ParamType.Int, null, Positional: 0))),

        new AttributeSpec("ImageInput", AttributeCategory.Input, Modality.Image, ImmutableArray.Create(I("Channels", "1", Constraint.Positive, Shapes), I("Height", "28", Constraint.Positive, Shapes), I("Width", "28", Constraint.Positive, Shapes))),
        new AttributeSpec("TextInput", AttributeCategory.Input, Modality.Text, ImmutableArray.Create(I("MaxLength", "128", Constraint.Positive, Shapes), I("VocabSize", "0"), I("PadId", "0"), I("MaskId", "3"), I("ClsId", "1"), I("SepId", "2"))),
        new AttributeSpec("TabularInput", AttributeCategory.Input, Modality.Tabular, ImmutableArray.Create(I("Features", "0", Constraint.Positive, Shapes))),
        new AttributeSpec("TimeSeriesInput", AttributeCategory.Input, Modality.Series, ImmutableArray.Create(I("Channels", "1", Constraint.Positive, Shapes), I("Length", "64", Constraint.Positive, Shapes))),

        Aug("RandomResizedCrop", Modality.Image, "ImageAugment", "1.0", D("MinScale", "0.08", Constraint.UnitPositive, Probability), D("MaxScale", "1.0", Constraint.UnitPositive, Probability), D("MinRatio", "0.75", Constraint.Positive, Strength), D("MaxRatio", "1.3333333333333333", Constraint.Positive, Strength)),
        Aug("HorizontalFlip", Modality.Image, "ImageAugment", "0.5"),
        Aug("VerticalFlip", Modality.Image, "ImageAugment", "0.5"),
        Aug("RandomRotation", Modality.Image, "ImageAugment", "1.0", D("Degrees", "15.0", Constraint.NonNegative, Strength)),
        Aug("ColorJitter", Modality.Image, "ImageAugment", "0.8", D("Brightness", "0.4", Constraint.NonNegative, Strength), D("Contrast", "0.4", Constraint.NonNegative, Strength), D("Saturation", "0.0", Constraint.NonNegative, Strength), D("Hue", "0.0", Constraint.HalfUnit, Strength)),
        Aug("Grayscale", Modality.Image, "ImageAugment", "0.2"),
        Aug("GaussianBlur", Modality.Image, "ImageAugment", "0.5", I("KernelSize", "3", Constraint.Positive, Shapes), D("SigmaMin", "0.1", Constraint.Positive, Strength), D("SigmaMax", "2.0", Constraint.Positive, Strength)),
        Aug("Solarize", Modality.Image, "ImageAugment", "0.2", D("Threshold", "0.5", Constraint.Probability, Probability)),
        Aug("GaussianNoise", Modality.Image, "ImageAugment", "1.0", D("Std", "0.1", Constraint.NonNegative, Strength)),
        Aug("RandomErasing", Modality.Image, "ImageAugment", "0.5", D("MinArea", "0.02", Constraint.UnitPositive, Probability), D("MaxArea", "0.33", Constraint.UnitPositive, Probability)),
        Aug("Normalize", Modality.Image, "ImageAugment", "1.0", new ParamSpec("Mean", ParamType.DoubleArray, "new double[] { 0.5 }"), new ParamSpec("Std", ParamType.DoubleArray, "new double[] { 0.5 }")),

        Mask("PatchMask", Modality.Image, "ImageMasking", I("PatchSize", "4", Constraint.Positive, Shapes), D("Ratio", "0.75", Constraint.OpenUnit, Probability)),
        Mask("BlockMask", Modality.Image, "ImageMasking", I("Size", "8", Constraint.Positive, Shapes)),
        Mask("MaskTokens", Modality.Text, "TokenMasking", D("Probability", "0.15", Constraint.Probability, Probability), D("ReplaceWithMask", "0.8", Constraint.Probability, Probability), D("ReplaceWithRandom", "0.1", Constraint.Probability, Probability)),
        Mask("SpanMask", Modality.Text, "TokenMasking", D("MeanSpan", "3.0", Constraint.Positive, Shapes), D("Ratio", "0.15", Constraint.OpenUnit, Probability)),
        Aug("FeatureCorruption", Modality.Tabular, "TabularAugment", "1.0", D("Rate", "0.6", Constraint.Probability, Probability)),
        Aug("Jitter", Modality.Series, "SeriesAugment", "1.0", D("Std", "0.03", Constraint.NonNegative, Strength)),
        Aug("Scaling", Modality.Series, "SeriesAugment", "1.0", D("Std", "0.1", Constraint.NonNegative, Strength)),
        Aug("TimeMask", Modality.Series, "SeriesAugment", "1.0", D("Ratio", "0.1", Constraint.OpenUnit, Probability)),

        Head("ProjectionHead", I("Hidden", "512", Constraint.Positive, Dimensions), I("Output", "128", Constraint.Positive, Dimensions), I("Layers", "2", Constraint.Positive, Dimensions), B("BatchNorm", "true")),
        Head("PredictorHead", I("Hidden", "512", Constraint.Positive, Dimensions), I("Output", "128", Constraint.Positive, Dimensions)),
        Head("Decoder", I("Hidden", "256", Constraint.Positive, Dimensions), I("Layers", "2", Constraint.Positive, Dimensions)),
        Head("MomentumEncoder", D("Momentum", "0.99", Constraint.Momentum, MomentumId), D("FinalMomentum", "double.NaN")),
        Head("NegativeQueue", I("Size", "4096")),

        Obj("NtXentLoss", Modality.Image | Modality.Tabular | Modality.Series, D("Temperature", "0.5", Constraint.Positive, Temperature)),
        Obj("InfoNceLoss", Modality.Image | Modality.Tabular | Modality.Series, D("Temperature", "0.2", Constraint.Positive, Temperature)),
        Obj("ByolLoss", Modality.Image | Modality.Tabular | Modality.Series),
        Obj("BarlowTwinsLoss", Modality.Image | Modality.Tabular | Modality.Series, D("Lambda", "0.0051", Constraint.NonNegative, Strength)),
        Obj("VicRegLoss", Modality.Image | Modality.Tabular | Modality.Series, D("Invariance", "25.0", Constraint.NonNegative, Strength), D("Variance", "25.0", Constraint.NonNegative, Strength), D("Covariance", "1.0", Constraint.NonNegative, Strength), D("Epsilon", "0.0001", Constraint.Positive, Strength)),
        Obj("ContrastiveMarginLoss", Modality.Image | Modality.Tabular | Modality.Series, D("Margin", "1.0", Constraint.Positive, Strength)),
        Obj("ReconstructionLoss", Modality.Image | Modality.Tabular | Modality.Series, B("MaskedOnly", "true"), B("NormalizeTargets", "false")),
        Obj("MaskedTokenLoss", Modality.Text),
        Obj("NextTokenLoss", Modality.Text),
        Obj("NextSentenceLoss", Modality.Text),
        Obj("RotationPrediction", Modality.Image, I("Angles", "4", Constraint.Positive, Shapes)),
        Obj("JigsawPrediction", Modality.Image, I("Grid", "2", Constraint.Positive, Shapes), I("Permutations", "24", Constraint.Positive, Shapes)),
        Obj("RelativePatchPosition", Modality.Image, I("Grid", "3", Constraint.Positive, Shapes)),
        Obj("ForecastLoss", Modality.Series, I("Horizon", "1", Constraint.Positive, Shapes)),
        new AttributeSpec("AdversarialLoss", AttributeCategory.Objective, Modality.Image, ImmutableArray.Create(new ParamSpec("Weight", ParamType.Double, "0.001", Constraint.Positive, WeightId))),

        new AttributeSpec("Optimizer", AttributeCategory.Optimizer, Modality.Any, ImmutableArray.Create(
            new ParamSpec("Kind", ParamType.Enum, "OptimizerKind.AdamW", Positional: 0, EnumType: "OptimizerKind"),
            D("LearningRate", "0.001", Constraint.Positive, TrainingId),
            D("WeightDecay", "0.0", Constraint.NonNegative, TrainingId),
            D("Momentum", "0.9", Constraint.Momentum, MomentumId))),
        new AttributeSpec("LearningRateSchedule", AttributeCategory.Schedule, Modality.Any, ImmutableArray.Create(
            new ParamSpec("Kind", ParamType.Enum, "ScheduleKind.Constant", Positional: 0, EnumType: "ScheduleKind"),
            D("WarmupEpochs", "0.0", Constraint.NonNegative, TrainingId),
            D("MinLearningRate", "0.0", Constraint.NonNegative, TrainingId),
            I("StepEpochs", "30", Constraint.Positive, TrainingId),
            D("Gamma", "0.1", Constraint.Positive, TrainingId))),
        new AttributeSpec("Training", AttributeCategory.Training, Modality.Any, ImmutableArray.Create(
            I("BatchSize", "256", Constraint.Positive, TrainingId),
            I("Epochs", "10", Constraint.Positive, TrainingId),
            new ParamSpec("Seed", ParamType.Long, "42"),
            D("GradientClip", "0.0", Constraint.NonNegative, TrainingId))),
        new AttributeSpec("FineTune", AttributeCategory.FineTune, Modality.Any, ImmutableArray.Create(
            I("Classes", "0"),
            new ParamSpec("Mode", ParamType.Enum, "FineTuneMode.LinearProbe", EnumType: "FineTuneMode"),
            I("UnfreezeLastLayers", "0"),
            I("Epochs", "10", Constraint.Positive, TrainingId),
            D("LearningRate", "0.001", Constraint.Positive, TrainingId),
            D("EncoderLearningRateScale", "0.1", Constraint.Positive, TrainingId),
            I("BatchSize", "256", Constraint.Positive, TrainingId))),
        new AttributeSpec("Encoder", AttributeCategory.Encoder, Modality.Any, ImmutableArray.Create(I("OutputDim", "0", Constraint.Positive, Dimensions))),
        new AttributeSpec("Backbone", AttributeCategory.Backbone, Modality.Any, ImmutableArray.Create(
            new ParamSpec("Kind", ParamType.Enum, "BackboneKind.SmallCnn", Positional: 0, EnumType: "BackboneKind"),
            I("Width", "32", Constraint.Positive, Dimensions),
            I("OutputDim", "128", Constraint.Positive, Dimensions),
            I("Depth", "2", Constraint.Positive, Dimensions),
            I("Heads", "4", Constraint.Positive, Dimensions))),
    }.ToImmutableDictionary(s => s.Name);

    /// <summary>The attribute with full metadata name <paramref name="metadataName"/>, or null when it is not ours.</summary>
    public static AttributeSpec? ByMetadataName(string? metadataName)
    {
        if (metadataName is null || !metadataName.StartsWith("SslDsl.", System.StringComparison.Ordinal) || !metadataName.EndsWith("Attribute", System.StringComparison.Ordinal))
        {
            return null;
        }

        string shortName = metadataName.Substring(7, metadataName.Length - 7 - 9);
        return All.TryGetValue(shortName, out var spec) ? spec : null;
    }

    /// <summary>Joint-embedding objectives: they compare two or more views.</summary>
    public static readonly ImmutableHashSet<string> JointEmbedding =
        ImmutableHashSet.Create("NtXentLoss", "InfoNceLoss", "ByolLoss", "BarlowTwinsLoss", "VicRegLoss", "ContrastiveMarginLoss");

    /// <summary>Attributes whose effect is random (so two views differ).</summary>
    public static bool IsRandom(string name) => name != "Normalize";

    /// <summary>Every attribute in a category.</summary>
    public static IEnumerable<AttributeSpec> InCategory(AttributeCategory category) => All.Values.Where(a => a.Category == category);
}
