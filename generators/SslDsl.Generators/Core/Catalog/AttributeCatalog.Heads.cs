namespace SslDsl.Generators;

/// <summary>Heads the objectives put on the encoder, and the momentum target with its queue.</summary>
internal static partial class AttributeCatalog
{
    /// <summary>[ProjectionHead]: the MLP g(h) joint-embedding losses compare.</summary>
    public static readonly ProjectionHeadSpec ProjectionHead = new();

    /// <summary>[PredictorHead]: BYOL's predictor q(z).</summary>
    public static readonly PredictorHeadSpec PredictorHead = new();

    /// <summary>[Decoder]: reconstructs the input (or the forecast) from the representation.</summary>
    public static readonly DecoderSpec Decoder = new();

    /// <summary>[MomentumEncoder]: an EMA copy of the encoder (and projection) as target network.</summary>
    public static readonly MomentumEncoderSpec MomentumEncoder = new();

    /// <summary>[NegativeQueue]: MoCo's memory of keys.</summary>
    public static readonly NegativeQueueSpec NegativeQueue = new();

    /// <summary>[DinoHead]: DINO's projection head on the encoder (and its momentum copy).</summary>
    public static readonly DinoHeadSpec DinoHead = new();

    /// <summary>[Projection]: the linear map of one input's representation into a multimodal task's shared embedding.</summary>
    public static readonly ProjectionSpec Projection = new();

    /// <summary>[Projection].</summary>
    internal sealed class ProjectionSpec : AttributeSpec
    {
        public ProjectionSpec()
            : base(nameof(Projection), AttributeCategory.Projection, Modality.Any)
        {
            Output = Int(nameof(Output), 64, Constraint.Positive, DiagnosticIds.Dimension);
        }

        /// <summary>Width of the shared embedding.</summary>
        public IntParam Output { get; }
    }

    /// <summary>[DinoHead].</summary>
    internal sealed class DinoHeadSpec : AttributeSpec
    {
        public DinoHeadSpec()
            : base(nameof(DinoHead), AttributeCategory.Head, Modality.Any)
        {
            Hidden = Int(nameof(Hidden), 2048, Constraint.Positive, DiagnosticIds.Dimension);
            Bottleneck = Int(nameof(Bottleneck), 256, Constraint.Positive, DiagnosticIds.Dimension);
            Output = Int(nameof(Output), 65536, Constraint.Positive, DiagnosticIds.Dimension);
            NormalizeLastLayer = Bool(nameof(NormalizeLastLayer), true);
            FreezeLastLayerEpochs = Int(nameof(FreezeLastLayerEpochs), 0, Constraint.NonNegative, DiagnosticIds.Training);
        }

        /// <summary>Width of the hidden layers.</summary>
        public IntParam Hidden { get; }

        /// <summary>Width of the normalized bottleneck.</summary>
        public IntParam Bottleneck { get; }

        /// <summary>Output dimensions.</summary>
        public IntParam Output { get; }

        /// <summary>Whether the last layer's rows keep unit norm.</summary>
        public BoolParam NormalizeLastLayer { get; }

        /// <summary>Epochs during which the last layer is not trained.</summary>
        public IntParam FreezeLastLayerEpochs { get; }
    }

    /// <summary>[ProjectionHead].</summary>
    internal sealed class ProjectionHeadSpec : AttributeSpec
    {
        public ProjectionHeadSpec()
            : base(nameof(ProjectionHead), AttributeCategory.Head, Modality.Any)
        {
            Hidden = Int(nameof(Hidden), 512, Constraint.Positive, DiagnosticIds.Dimension);
            Output = Int(nameof(Output), 128, Constraint.Positive, DiagnosticIds.Dimension);
            Layers = Int(nameof(Layers), 2, Constraint.Positive, DiagnosticIds.Dimension);
            BatchNorm = Bool(nameof(BatchNorm), true);
        }

        /// <summary>Hidden width.</summary>
        public IntParam Hidden { get; }

        /// <summary>Embedding width.</summary>
        public IntParam Output { get; }

        /// <summary>Linear layers.</summary>
        public IntParam Layers { get; }

        /// <summary>Batch normalization after hidden layers.</summary>
        public BoolParam BatchNorm { get; }
    }

    /// <summary>[PredictorHead].</summary>
    internal sealed class PredictorHeadSpec : AttributeSpec
    {
        public PredictorHeadSpec()
            : base(nameof(PredictorHead), AttributeCategory.Head, Modality.Any)
        {
            Hidden = Int(nameof(Hidden), 512, Constraint.Positive, DiagnosticIds.Dimension);
            Output = Int(nameof(Output), 128, Constraint.Positive, DiagnosticIds.Dimension);
        }

        /// <summary>Hidden width.</summary>
        public IntParam Hidden { get; }

        /// <summary>Output width: the target embedding's (SSL016).</summary>
        public IntParam Output { get; }
    }

    /// <summary>[Decoder].</summary>
    internal sealed class DecoderSpec : AttributeSpec
    {
        public DecoderSpec()
            : base(nameof(Decoder), AttributeCategory.Head, Modality.Any)
        {
            Hidden = Int(nameof(Hidden), 256, Constraint.Positive, DiagnosticIds.Dimension);
            Layers = Int(nameof(Layers), 2, Constraint.Positive, DiagnosticIds.Dimension);
        }

        /// <summary>Hidden width.</summary>
        public IntParam Hidden { get; }

        /// <summary>Layers.</summary>
        public IntParam Layers { get; }
    }

    /// <summary>[MomentumEncoder].</summary>
    internal sealed class MomentumEncoderSpec : AttributeSpec
    {
        public MomentumEncoderSpec()
            : base(nameof(MomentumEncoder), AttributeCategory.Head, Modality.Any)
        {
            Momentum = Double(nameof(Momentum), 0.99, Constraint.Momentum, DiagnosticIds.Momentum);
            FinalMomentum = Double(nameof(FinalMomentum), double.NaN);
        }

        /// <summary>The EMA momentum (at the start, with a schedule).</summary>
        public DoubleParam Momentum { get; }

        /// <summary>The momentum at the end of a cosine schedule; NaN: constant (BYOL: 1).</summary>
        public DoubleParam FinalMomentum { get; }
    }

    /// <summary>[NegativeQueue].</summary>
    internal sealed class NegativeQueueSpec : AttributeSpec
    {
        public NegativeQueueSpec()
            : base(nameof(NegativeQueue), AttributeCategory.Head, Modality.Any)
        {
            Size = Int(nameof(Size), 4096);
        }

        /// <summary>Keys held: a multiple of the batch size (SSL018).</summary>
        public IntParam Size { get; }
    }
}
