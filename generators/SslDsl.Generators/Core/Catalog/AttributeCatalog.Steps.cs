namespace SslDsl.Generators;

/// <summary>
/// The pipeline's steps: augmentations and maskings, each implemented by the runtime method
/// <c>{RuntimeClass}.{Name}(input, own parameters in catalog order, p, generator)</c>.
/// </summary>
internal static partial class AttributeCatalog
{
    private const AttributeCategory Augmentation = AttributeCategory.Augmentation;
    private const AttributeCategory Masking = AttributeCategory.Masking;

    /// <summary>[RandomResizedCrop].</summary>
    public static readonly RandomResizedCropSpec RandomResizedCrop = new();

    /// <summary>[HorizontalFlip].</summary>
    public static readonly StepSpec HorizontalFlip = new(nameof(HorizontalFlip), Augmentation, Modality.Image, "ImageAugment", p: 0.5);

    /// <summary>[VerticalFlip].</summary>
    public static readonly StepSpec VerticalFlip = new(nameof(VerticalFlip), Augmentation, Modality.Image, "ImageAugment", p: 0.5);

    /// <summary>[RandomRotation].</summary>
    public static readonly RandomRotationSpec RandomRotation = new();

    /// <summary>[ColorJitter].</summary>
    public static readonly ColorJitterSpec ColorJitter = new();

    /// <summary>[Grayscale].</summary>
    public static readonly StepSpec Grayscale = new(nameof(Grayscale), Augmentation, Modality.Image, "ImageAugment", p: 0.2);

    /// <summary>[GaussianBlur].</summary>
    public static readonly GaussianBlurSpec GaussianBlur = new();

    /// <summary>[Solarize].</summary>
    public static readonly SolarizeSpec Solarize = new();

    /// <summary>[GaussianNoise].</summary>
    public static readonly StdSpec GaussianNoise = new(nameof(GaussianNoise), Modality.Image, "ImageAugment", std: 0.1, corrupts: true);

    /// <summary>[RandomErasing].</summary>
    public static readonly RandomErasingSpec RandomErasing = new();

    /// <summary>[Normalize]: deterministic, so Pipeline.Prepare applies it too.</summary>
    public static readonly NormalizeSpec Normalize = new();

    /// <summary>[PatchMask].</summary>
    public static readonly PatchMaskSpec PatchMask = new();

    /// <summary>[BlockMask].</summary>
    public static readonly BlockMaskSpec BlockMask = new();

    /// <summary>[MaskTokens]: BERT's 80/10/10 masking.</summary>
    public static readonly BertMaskSpec MaskTokens = new(nameof(MaskTokens));

    /// <summary>[WholeWordMask]: BERT's 80/10/10 masking of whole words.</summary>
    public static readonly BertMaskSpec WholeWordMask = new(nameof(WholeWordMask));

    /// <summary>[SpanCorruption]: T5's sentinel span corruption.</summary>
    public static readonly SpanCorruptionSpec SpanCorruption = new();

    /// <summary>[SpanMask].</summary>
    public static readonly SpanMaskSpec SpanMask = new();

    /// <summary>[FeatureCorruption]: SCARF's corruption of tabular rows.</summary>
    public static readonly FeatureCorruptionSpec FeatureCorruption = new();

    /// <summary>[VimeMask]: VIME's mask generator and pretext corruption of tabular rows.</summary>
    public static readonly VimeMaskSpec VimeMask = new();

    /// <summary>[Jitter]: additive noise on a series.</summary>
    public static readonly StdSpec Jitter = new(nameof(Jitter), Modality.Series, "SeriesAugment", std: 0.03, corrupts: true);

    /// <summary>[Scaling]: a random scale per series and channel.</summary>
    public static readonly StdSpec Scaling = new(nameof(Scaling), Modality.Series, "SeriesAugment", std: 0.1);

    /// <summary>[TimeMask].</summary>
    public static readonly TimeMaskSpec TimeMask = new();

    /// <summary>[SegmentPermutation]: TS-TCC's permutation of random segments (a corruption: a forecast's future keeps its order).</summary>
    public static readonly SegmentPermutationSpec SegmentPermutation = new();

    /// <summary>[RandomResizedCrop].</summary>
    internal sealed class RandomResizedCropSpec : StepSpec
    {
        public RandomResizedCropSpec()
            : base(nameof(RandomResizedCrop), Augmentation, Modality.Image, "ImageAugment", p: 1.0)
        {
            MinScale = Double(nameof(MinScale), 0.08, Constraint.UnitPositive, DiagnosticIds.Probability);
            MaxScale = Double(nameof(MaxScale), 1.0, Constraint.UnitPositive, DiagnosticIds.Probability);
            MinRatio = Double(nameof(MinRatio), 0.75, Constraint.Positive, DiagnosticIds.Strength);
            MaxRatio = Double(nameof(MaxRatio), 4.0 / 3.0, Constraint.Positive, DiagnosticIds.Strength);
        }

        /// <summary>Smallest crop area, as a fraction of the image.</summary>
        public DoubleParam MinScale { get; }

        /// <summary>Largest crop area, as a fraction of the image.</summary>
        public DoubleParam MaxScale { get; }

        /// <summary>Smallest aspect ratio.</summary>
        public DoubleParam MinRatio { get; }

        /// <summary>Largest aspect ratio.</summary>
        public DoubleParam MaxRatio { get; }
    }

    /// <summary>[RandomRotation].</summary>
    internal sealed class RandomRotationSpec : StepSpec
    {
        public RandomRotationSpec()
            : base(nameof(RandomRotation), Augmentation, Modality.Image, "ImageAugment", p: 1.0)
        {
            Degrees = Double(nameof(Degrees), 15.0, Constraint.NonNegative, DiagnosticIds.Strength);
        }

        /// <summary>The largest angle either way.</summary>
        public DoubleParam Degrees { get; }
    }

    /// <summary>[ColorJitter].</summary>
    internal sealed class ColorJitterSpec : StepSpec
    {
        public ColorJitterSpec()
            : base(nameof(ColorJitter), Augmentation, Modality.Image, "ImageAugment", p: 0.8)
        {
            Brightness = Double(nameof(Brightness), 0.4, Constraint.NonNegative, DiagnosticIds.Strength);
            Contrast = Double(nameof(Contrast), 0.4, Constraint.NonNegative, DiagnosticIds.Strength);
            Saturation = Double(nameof(Saturation), 0.0, Constraint.NonNegative, DiagnosticIds.Strength);
            Hue = Double(nameof(Hue), 0.0, Constraint.HalfUnit, DiagnosticIds.Strength);
        }

        /// <summary>Brightness strength.</summary>
        public DoubleParam Brightness { get; }

        /// <summary>Contrast strength.</summary>
        public DoubleParam Contrast { get; }

        /// <summary>Saturation strength (colour images only, SSL014).</summary>
        public DoubleParam Saturation { get; }

        /// <summary>Hue shift (colour images only, SSL014).</summary>
        public DoubleParam Hue { get; }
    }

    /// <summary>[GaussianBlur].</summary>
    internal sealed class GaussianBlurSpec : StepSpec
    {
        public GaussianBlurSpec()
            : base(nameof(GaussianBlur), Augmentation, Modality.Image, "ImageAugment", p: 0.5)
        {
            KernelSize = Int(nameof(KernelSize), 3, Constraint.Positive, DiagnosticIds.Shape);
            SigmaMin = Double(nameof(SigmaMin), 0.1, Constraint.Positive, DiagnosticIds.Strength);
            SigmaMax = Double(nameof(SigmaMax), 2.0, Constraint.Positive, DiagnosticIds.Strength);
        }

        /// <summary>The odd kernel side.</summary>
        public IntParam KernelSize { get; }

        /// <summary>Smallest standard deviation.</summary>
        public DoubleParam SigmaMin { get; }

        /// <summary>Largest standard deviation.</summary>
        public DoubleParam SigmaMax { get; }
    }

    /// <summary>[Solarize].</summary>
    internal sealed class SolarizeSpec : StepSpec
    {
        public SolarizeSpec()
            : base(nameof(Solarize), Augmentation, Modality.Image, "ImageAugment", p: 0.2)
        {
            Threshold = Double(nameof(Threshold), 0.5, Constraint.Probability, DiagnosticIds.Probability);
        }

        /// <summary>Pixels above it are inverted.</summary>
        public DoubleParam Threshold { get; }
    }

    /// <summary>A step whose one parameter is a noise or scale standard deviation (GaussianNoise, Jitter, Scaling).</summary>
    internal sealed class StdSpec : StepSpec
    {
        public StdSpec(string name, Modality modality, string runtimeClass, double std, bool corrupts = false)
            : base(name, Augmentation, modality, runtimeClass, p: 1.0, corrupts)
        {
            Std = Double(nameof(Std), std, Constraint.NonNegative, DiagnosticIds.Strength);
        }

        /// <summary>The standard deviation.</summary>
        public DoubleParam Std { get; }
    }

    /// <summary>[RandomErasing].</summary>
    internal sealed class RandomErasingSpec : StepSpec
    {
        public RandomErasingSpec()
            : base(nameof(RandomErasing), Augmentation, Modality.Image, "ImageAugment", p: 0.5, corrupts: true)
        {
            MinArea = Double(nameof(MinArea), 0.02, Constraint.UnitPositive, DiagnosticIds.Probability);
            MaxArea = Double(nameof(MaxArea), 0.33, Constraint.UnitPositive, DiagnosticIds.Probability);
        }

        /// <summary>Smallest erased area, as a fraction of the image.</summary>
        public DoubleParam MinArea { get; }

        /// <summary>Largest erased area, as a fraction of the image.</summary>
        public DoubleParam MaxArea { get; }
    }

    /// <summary>[Normalize].</summary>
    internal sealed class NormalizeSpec : StepSpec
    {
        public NormalizeSpec()
            : base(nameof(Normalize), Augmentation, Modality.Image, "ImageAugment", p: 1.0)
        {
            Mean = Doubles(nameof(Mean), 0.5);
            Std = Doubles(nameof(Std), 0.5);
        }

        /// <summary>Per-channel means (or one for all).</summary>
        public DoubleArrayParam Mean { get; }

        /// <summary>Per-channel standard deviations (or one for all).</summary>
        public DoubleArrayParam Std { get; }
    }

    /// <summary>[PatchMask].</summary>
    internal sealed class PatchMaskSpec : StepSpec
    {
        public PatchMaskSpec()
            : base(nameof(PatchMask), Masking, Modality.Image, "ImageMasking", p: 1.0)
        {
            PatchSize = Int(nameof(PatchSize), 4, Constraint.Positive, DiagnosticIds.Shape);
            Ratio = Double(nameof(Ratio), 0.75, Constraint.OpenUnit, DiagnosticIds.Probability);
        }

        /// <summary>The side of a square patch; divides the image.</summary>
        public IntParam PatchSize { get; }

        /// <summary>The fraction of patches hidden.</summary>
        public DoubleParam Ratio { get; }
    }

    /// <summary>[BlockMask].</summary>
    internal sealed class BlockMaskSpec : StepSpec
    {
        public BlockMaskSpec()
            : base(nameof(BlockMask), Masking, Modality.Image, "ImageMasking", p: 1.0)
        {
            Size = Int(nameof(Size), 8, Constraint.Positive, DiagnosticIds.Shape);
        }

        /// <summary>The side of the hidden square.</summary>
        public IntParam Size { get; }
    }

    /// <summary>BERT's 80/10/10 masking: of single tokens ([MaskTokens]) or of whole words ([WholeWordMask]).</summary>
    internal sealed class BertMaskSpec : StepSpec
    {
        public BertMaskSpec(string name)
            : base(name, Masking, Modality.Text, "TokenMasking", p: 1.0)
        {
            Probability = Double(nameof(Probability), 0.15, Constraint.Probability, DiagnosticIds.Probability);
            ReplaceWithMask = Double(nameof(ReplaceWithMask), 0.8, Constraint.Probability, DiagnosticIds.Probability);
            ReplaceWithRandom = Double(nameof(ReplaceWithRandom), 0.1, Constraint.Probability, DiagnosticIds.Probability);
        }

        /// <summary>The fraction of tokens (or words) selected.</summary>
        public DoubleParam Probability { get; }

        /// <summary>The fraction of selected tokens replaced by [MASK].</summary>
        public DoubleParam ReplaceWithMask { get; }

        /// <summary>The fraction of selected tokens replaced by a random token.</summary>
        public DoubleParam ReplaceWithRandom { get; }
    }

    /// <summary>[SpanMask].</summary>
    internal sealed class SpanMaskSpec : StepSpec
    {
        public SpanMaskSpec()
            : base(nameof(SpanMask), Masking, Modality.Text, "TokenMasking", p: 1.0)
        {
            MeanSpan = Double(nameof(MeanSpan), 3.0, Constraint.AtLeastOne, DiagnosticIds.Shape);
            Ratio = Double(nameof(Ratio), 0.15, Constraint.OpenUnit, DiagnosticIds.Probability);
        }

        /// <summary>The mean span length, in tokens.</summary>
        public DoubleParam MeanSpan { get; }

        /// <summary>The fraction of maskable tokens hidden.</summary>
        public DoubleParam Ratio { get; }
    }

    /// <summary>[SpanCorruption].</summary>
    internal sealed class SpanCorruptionSpec : StepSpec
    {
        public SpanCorruptionSpec()
            : base(nameof(SpanCorruption), Masking, Modality.Text, "TokenMasking", p: 1.0)
        {
            NoiseDensity = Double(nameof(NoiseDensity), 0.15, Constraint.OpenUnit, DiagnosticIds.Probability);
            MeanSpan = Double(nameof(MeanSpan), 3.0, Constraint.AtLeastOne, DiagnosticIds.Shape);
        }

        /// <summary>The fraction of maskable tokens in noise spans.</summary>
        public DoubleParam NoiseDensity { get; }

        /// <summary>The mean noise span length, in tokens.</summary>
        public DoubleParam MeanSpan { get; }
    }

    /// <summary>[FeatureCorruption].</summary>
    internal sealed class FeatureCorruptionSpec : StepSpec
    {
        public FeatureCorruptionSpec()
            : base(nameof(FeatureCorruption), Augmentation, Modality.Tabular, "TabularAugment", p: 1.0, corrupts: true)
        {
            Rate = Double(nameof(Rate), 0.6, Constraint.Probability, DiagnosticIds.Probability);
        }

        /// <summary>The fraction of features replaced by draws from their batch marginal.</summary>
        public DoubleParam Rate { get; }
    }

    /// <summary>[VimeMask].</summary>
    internal sealed class VimeMaskSpec : StepSpec
    {
        public VimeMaskSpec()
            : base(nameof(VimeMask), Masking, Modality.Tabular, "VimeMasking", p: 1.0)
        {
            Probability = Double(nameof(Probability), 0.3, Constraint.OpenUnit, DiagnosticIds.Probability);
        }

        /// <summary>The probability that a column of a row is masked (p_m).</summary>
        public DoubleParam Probability { get; }
    }

    /// <summary>[TimeMask].</summary>
    internal sealed class TimeMaskSpec : StepSpec
    {
        public TimeMaskSpec()
            : base(nameof(TimeMask), Augmentation, Modality.Series, "SeriesAugment", p: 1.0, corrupts: true)
        {
            Ratio = Double(nameof(Ratio), 0.1, Constraint.OpenUnit, DiagnosticIds.Probability);
        }

        /// <summary>The fraction of the series zeroed, as one window.</summary>
        public DoubleParam Ratio { get; }
    }

    /// <summary>[SegmentPermutation].</summary>
    internal sealed class SegmentPermutationSpec : StepSpec
    {
        public SegmentPermutationSpec()
            : base(nameof(SegmentPermutation), Augmentation, Modality.Series, "SeriesAugment", p: 1.0, corrupts: true)
        {
            // From 2 to the series length: SeriesChecks compares it with the input (SSL051).
            MaxSegments = Int(nameof(MaxSegments), 5, Constraint.None, null);
        }

        /// <summary>The largest number of segments.</summary>
        public IntParam MaxSegments { get; }
    }
}
