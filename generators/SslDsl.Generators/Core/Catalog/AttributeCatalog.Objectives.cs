namespace SslDsl.Generators;

/// <summary>
/// The objectives. Each names the family that plans it (Emitting/Families); a joint-embedding loss also
/// names the views it compares, and its runtime method <c>Losses.{Name without Loss}</c> takes the
/// embeddings, then its own parameters in catalog order.
/// </summary>
internal static partial class AttributeCatalog
{
    /// <summary>[NtXentLoss]: SimCLR.</summary>
    public static readonly TemperatureLossSpec NtXentLoss = new(nameof(NtXentLoss), ViewPairing.Pairs, temperature: 0.5);

    /// <summary>[InfoNceLoss]: MoCo with a momentum encoder, else symmetric InfoNCE between views.</summary>
    public static readonly TemperatureLossSpec InfoNceLoss = new(nameof(InfoNceLoss), ViewPairing.OrderedPairs, temperature: 0.2);

    /// <summary>[ByolLoss].</summary>
    public static readonly ObjectiveSpec ByolLoss = new(nameof(ByolLoss), JointModalities, ObjectiveFamily.JointEmbedding, ViewPairing.PredictionToTarget);

    /// <summary>[BarlowTwinsLoss].</summary>
    public static readonly BarlowTwinsLossSpec BarlowTwinsLoss = new();

    /// <summary>[VicRegLoss].</summary>
    public static readonly VicRegLossSpec VicRegLoss = new();

    /// <summary>[ContrastiveMarginLoss]: the Siamese margin loss.</summary>
    public static readonly ContrastiveMarginLossSpec ContrastiveMarginLoss = new();

    /// <summary>[SimSiamLoss]: negative cosine of each view's prediction with the other view's embedding, gradient stopped.</summary>
    public static readonly ObjectiveSpec SimSiamLoss = new(nameof(SimSiamLoss), JointModalities, ObjectiveFamily.JointEmbedding, ViewPairing.PredictionToOnline);

    /// <summary>[MocoV3Loss]: the predictor's queries against the momentum keys of the other view, no queue.</summary>
    public static readonly TemperatureLossSpec MocoV3Loss = new(nameof(MocoV3Loss), ViewPairing.PredictionToTarget, temperature: 0.2);

    /// <summary>[NnclrLoss]: nearest neighbours from a support set against the other view's predictions.</summary>
    public static readonly NnclrLossSpec NnclrLoss = new();

    /// <summary>[DclLoss]: decoupled contrastive learning.</summary>
    public static readonly TemperatureLossSpec DclLoss = new(nameof(DclLoss), ViewPairing.Pairs, temperature: 0.1);

    /// <summary>[DclwLoss]: decoupled contrastive learning with weighted positives.</summary>
    public static readonly DclwLossSpec DclwLoss = new();

    /// <summary>[DinoLoss]: self-distillation with no labels.</summary>
    public static readonly DinoLossSpec DinoLoss = new();

    /// <summary>[SwavLoss]: swapped prediction of online cluster assignments.</summary>
    public static readonly SwavLossSpec SwavLoss = new();

    /// <summary>[ClipLoss]: the symmetric InfoNCE between the two inputs of a multimodal task, with a learned temperature.</summary>
    public static readonly ClipLossSpec ClipLoss = new();

    /// <summary>[ReconstructionLoss]: denoising, MAE, inpainting, tabular and series reconstruction.</summary>
    public static readonly ReconstructionLossSpec ReconstructionLoss = new();

    /// <summary>[VimeLoss]: VIME's mask estimation plus feature reconstruction on tabular rows.</summary>
    public static readonly VimeLossSpec VimeLoss = new();

    /// <summary>[AdversarialLoss]: a discriminator's term added to an image reconstruction (context encoders).</summary>
    public static readonly ObjectiveSpec AdversarialLoss = new(nameof(AdversarialLoss), Modality.Image, ObjectiveFamily.Reconstruction, weight: 0.001);

    /// <summary>[RotationPrediction].</summary>
    public static readonly RotationPredictionSpec RotationPrediction = new();

    /// <summary>[JigsawPrediction].</summary>
    public static readonly JigsawPredictionSpec JigsawPrediction = new();

    /// <summary>[RelativePatchPosition].</summary>
    public static readonly RelativePatchPositionSpec RelativePatchPosition = new();

    /// <summary>[ForecastLoss].</summary>
    public static readonly ForecastLossSpec ForecastLoss = new();

    /// <summary>[Ts2VecLoss]: TS2Vec's hierarchical contrast of two overlapping crops.</summary>
    public static readonly Ts2VecLossSpec Ts2VecLoss = new();

    /// <summary>[MaskedTokenLoss]: masked language modelling.</summary>
    public static readonly ObjectiveSpec MaskedTokenLoss = new(nameof(MaskedTokenLoss), Modality.Text, ObjectiveFamily.Text);

    /// <summary>[SpanCorruptionLoss]: T5's decoder of the sentinel target.</summary>
    public static readonly SpanCorruptionLossSpec SpanCorruptionLoss = new();

    /// <summary>[NextTokenLoss]: causal language modelling.</summary>
    public static readonly ObjectiveSpec NextTokenLoss = new(nameof(NextTokenLoss), Modality.Text, ObjectiveFamily.Text);

    /// <summary>[NextSentenceLoss].</summary>
    public static readonly ObjectiveSpec NextSentenceLoss = new(nameof(NextSentenceLoss), Modality.Text, ObjectiveFamily.Text);

    /// <summary>A contrastive loss whose one parameter is its temperature (NtXentLoss, InfoNceLoss).</summary>
    internal sealed class TemperatureLossSpec : ObjectiveSpec
    {
        public TemperatureLossSpec(string name, ViewPairing pairing, double temperature)
            : base(name, JointModalities, ObjectiveFamily.JointEmbedding, pairing)
        {
            Temperature = Double(nameof(Temperature), temperature, Constraint.Positive, DiagnosticIds.Temperature);
        }

        /// <summary>The softmax temperature.</summary>
        public DoubleParam Temperature { get; }
    }

    /// <summary>[ClipLoss].</summary>
    internal sealed class ClipLossSpec : ObjectiveSpec
    {
        public ClipLossSpec()
            : base(nameof(ClipLoss), Modality.Any, ObjectiveFamily.Multimodal)
        {
            Temperature = Double(nameof(Temperature), 0.07, Constraint.ClipTemperature, DiagnosticIds.ClipTemperature);
        }

        /// <summary>The initial temperature of the learned logit scale.</summary>
        public DoubleParam Temperature { get; }
    }

    /// <summary>[NnclrLoss].</summary>
    internal sealed class NnclrLossSpec : ObjectiveSpec
    {
        public NnclrLossSpec()
            : base(nameof(NnclrLoss), JointModalities, ObjectiveFamily.JointEmbedding, ViewPairing.NeighbourToPrediction)
        {
            Temperature = Double(nameof(Temperature), 0.1, Constraint.Positive, DiagnosticIds.Temperature);
            SupportSetSize = Int(nameof(SupportSetSize), 16384);
            KeepsState = true;
        }

        /// <summary>The softmax temperature.</summary>
        public DoubleParam Temperature { get; }

        /// <summary>Embeddings the support set keeps: a positive multiple of the batch size (SSL030).</summary>
        public IntParam SupportSetSize { get; }
    }

    /// <summary>[DclwLoss].</summary>
    internal sealed class DclwLossSpec : ObjectiveSpec
    {
        public DclwLossSpec()
            : base(nameof(DclwLoss), JointModalities, ObjectiveFamily.JointEmbedding, ViewPairing.Pairs)
        {
            Temperature = Double(nameof(Temperature), 0.1, Constraint.Positive, DiagnosticIds.Temperature);
            Sigma = Double(nameof(Sigma), 0.5, Constraint.Positive, DiagnosticIds.Strength);
        }

        /// <summary>The softmax temperature.</summary>
        public DoubleParam Temperature { get; }

        /// <summary>The temperature of the positive pairs' weighting.</summary>
        public DoubleParam Sigma { get; }
    }

    /// <summary>[DinoLoss].</summary>
    internal sealed class DinoLossSpec : ObjectiveSpec
    {
        public DinoLossSpec()
            : base(nameof(DinoLoss), JointModalities, ObjectiveFamily.SelfDistillation)
        {
            StudentTemperature = Double(nameof(StudentTemperature), 0.1, Constraint.Positive, DiagnosticIds.Temperature);
            TeacherTemperature = Double(nameof(TeacherTemperature), 0.04, Constraint.Positive, DiagnosticIds.Temperature);
            WarmupTeacherTemperature = Double(nameof(WarmupTeacherTemperature), 0.04, Constraint.Positive, DiagnosticIds.Temperature);
            WarmupTeacherTemperatureEpochs = Int(nameof(WarmupTeacherTemperatureEpochs), 30, Constraint.NonNegative, DiagnosticIds.Training);
            CenterMomentum = Double(nameof(CenterMomentum), 0.9, Constraint.OpenUnit, DiagnosticIds.Momentum);
            KeepsState = true;
        }

        /// <summary>The student's softmax temperature.</summary>
        public DoubleParam StudentTemperature { get; }

        /// <summary>The teacher's temperature after the warm-up: below the student's (SSL028).</summary>
        public DoubleParam TeacherTemperature { get; }

        /// <summary>The teacher's temperature at the first epoch: below the student's (SSL028).</summary>
        public DoubleParam WarmupTeacherTemperature { get; }

        /// <summary>Epochs of the teacher temperature's linear warm-up.</summary>
        public IntParam WarmupTeacherTemperatureEpochs { get; }

        /// <summary>The centre's EMA momentum, in (0, 1).</summary>
        public DoubleParam CenterMomentum { get; }
    }

    /// <summary>[SwavLoss].</summary>
    internal sealed class SwavLossSpec : ObjectiveSpec
    {
        public SwavLossSpec()
            : base(nameof(SwavLoss), JointModalities, ObjectiveFamily.Clustering)
        {
            Prototypes = Int(nameof(Prototypes), 3000, Constraint.Positive, DiagnosticIds.Dimension);
            Temperature = Double(nameof(Temperature), 0.1, Constraint.Positive, DiagnosticIds.Temperature);
            SinkhornIterations = Int(nameof(SinkhornIterations), 3, Constraint.Positive, DiagnosticIds.Strength);
            Epsilon = Double(nameof(Epsilon), 0.05, Constraint.Positive, DiagnosticIds.Strength);
            FreezePrototypesEpochs = Int(nameof(FreezePrototypesEpochs), 1, Constraint.NonNegative, DiagnosticIds.Training);
            QueueSize = Int(nameof(QueueSize), 0);
            QueueStartEpoch = Int(nameof(QueueStartEpoch), 15, Constraint.NonNegative, DiagnosticIds.Training);
            KeepsState = true;
        }

        /// <summary>Number of prototypes.</summary>
        public IntParam Prototypes { get; }

        /// <summary>The predictions' softmax temperature.</summary>
        public DoubleParam Temperature { get; }

        /// <summary>Sinkhorn-Knopp rounds.</summary>
        public IntParam SinkhornIterations { get; }

        /// <summary>Sinkhorn-Knopp's entropy regularization.</summary>
        public DoubleParam Epsilon { get; }

        /// <summary>Epochs during which the prototypes are not trained.</summary>
        public IntParam FreezePrototypesEpochs { get; }

        /// <summary>Features kept per global crop (0: no queue): a multiple of the batch size (SSL030).</summary>
        public IntParam QueueSize { get; }

        /// <summary>The first epoch whose codes use the queue.</summary>
        public IntParam QueueStartEpoch { get; }
    }

    /// <summary>[BarlowTwinsLoss].</summary>
    internal sealed class BarlowTwinsLossSpec : ObjectiveSpec
    {
        public BarlowTwinsLossSpec()
            : base(nameof(BarlowTwinsLoss), JointModalities, ObjectiveFamily.JointEmbedding, ViewPairing.Pairs)
        {
            Lambda = Double(nameof(Lambda), 0.0051, Constraint.NonNegative, DiagnosticIds.Strength);
        }

        /// <summary>The weight of the off-diagonal (redundancy) term.</summary>
        public DoubleParam Lambda { get; }
    }

    /// <summary>[VicRegLoss].</summary>
    internal sealed class VicRegLossSpec : ObjectiveSpec
    {
        public VicRegLossSpec()
            : base(nameof(VicRegLoss), JointModalities, ObjectiveFamily.JointEmbedding, ViewPairing.Pairs)
        {
            Invariance = Double(nameof(Invariance), 25.0, Constraint.NonNegative, DiagnosticIds.Strength);
            Variance = Double(nameof(Variance), 25.0, Constraint.NonNegative, DiagnosticIds.Strength);
            Covariance = Double(nameof(Covariance), 1.0, Constraint.NonNegative, DiagnosticIds.Strength);
            Epsilon = Double(nameof(Epsilon), 0.0001, Constraint.Positive, DiagnosticIds.Strength);
        }

        /// <summary>The weight of the invariance term.</summary>
        public DoubleParam Invariance { get; }

        /// <summary>The weight of the variance term.</summary>
        public DoubleParam Variance { get; }

        /// <summary>The weight of the covariance term.</summary>
        public DoubleParam Covariance { get; }

        /// <summary>Added to the variance under the square root.</summary>
        public DoubleParam Epsilon { get; }
    }

    /// <summary>[ContrastiveMarginLoss].</summary>
    internal sealed class ContrastiveMarginLossSpec : ObjectiveSpec
    {
        public ContrastiveMarginLossSpec()
            : base(nameof(ContrastiveMarginLoss), JointModalities, ObjectiveFamily.JointEmbedding, ViewPairing.Pairs)
        {
            Margin = Double(nameof(Margin), 1.0, Constraint.Positive, DiagnosticIds.Strength);
        }

        /// <summary>The distance below which negative pairs are pushed apart.</summary>
        public DoubleParam Margin { get; }
    }

    /// <summary>[ReconstructionLoss].</summary>
    internal sealed class ReconstructionLossSpec : ObjectiveSpec
    {
        public ReconstructionLossSpec()
            : base(nameof(ReconstructionLoss), JointModalities, ObjectiveFamily.Reconstruction)
        {
            MaskedOnly = Bool(nameof(MaskedOnly), true);
            NormalizeTargets = Bool(nameof(NormalizeTargets), false);
        }

        /// <summary>Whether only hidden pixels count.</summary>
        public BoolParam MaskedOnly { get; }

        /// <summary>Whether each patch's target is standardized (MAE); unset, true when the task has a PatchMask (TaskModelBuilder).</summary>
        public BoolParam NormalizeTargets { get; }
    }

    /// <summary>[VimeLoss].</summary>
    internal sealed class VimeLossSpec : ObjectiveSpec
    {
        public VimeLossSpec()
            : base(nameof(VimeLoss), Modality.Tabular, ObjectiveFamily.Reconstruction)
        {
            Alpha = Double(nameof(Alpha), 2.0, Constraint.NonNegative, DiagnosticIds.Strength);
        }

        /// <summary>The weight of the reconstruction term against the mask term.</summary>
        public DoubleParam Alpha { get; }
    }

    /// <summary>[RotationPrediction].</summary>
    internal sealed class RotationPredictionSpec : ObjectiveSpec
    {
        public RotationPredictionSpec()
            : base(nameof(RotationPrediction), Modality.Image, ObjectiveFamily.Prediction)
        {
            Angles = Int(nameof(Angles), 4, Constraint.Positive, DiagnosticIds.Shape);
        }

        /// <summary>How many quarter turns are classified (2 or 4).</summary>
        public IntParam Angles { get; }
    }

    /// <summary>[JigsawPrediction].</summary>
    internal sealed class JigsawPredictionSpec : ObjectiveSpec
    {
        public JigsawPredictionSpec()
            : base(nameof(JigsawPrediction), Modality.Image, ObjectiveFamily.Prediction)
        {
            Grid = Int(nameof(Grid), 2, Constraint.Positive, DiagnosticIds.Shape);
            Permutations = Int(nameof(Permutations), 24, Constraint.Positive, DiagnosticIds.Shape);
        }

        /// <summary>Tiles per side.</summary>
        public IntParam Grid { get; }

        /// <summary>The size of the fixed permutation set (the classes).</summary>
        public IntParam Permutations { get; }
    }

    /// <summary>[RelativePatchPosition].</summary>
    internal sealed class RelativePatchPositionSpec : ObjectiveSpec
    {
        public RelativePatchPositionSpec()
            : base(nameof(RelativePatchPosition), Modality.Image, ObjectiveFamily.Prediction)
        {
            Grid = Int(nameof(Grid), 3, Constraint.Positive, DiagnosticIds.Shape);
        }

        /// <summary>Patches per side (3: a centre and its 8 neighbours).</summary>
        public IntParam Grid { get; }
    }

    /// <summary>[SpanCorruptionLoss].</summary>
    internal sealed class SpanCorruptionLossSpec : ObjectiveSpec
    {
        public SpanCorruptionLossSpec()
            : base(nameof(SpanCorruptionLoss), Modality.Text, ObjectiveFamily.Text)
        {
            Layers = Int(nameof(Layers), 1, Constraint.Positive, DiagnosticIds.Dimension);
            Heads = Int(nameof(Heads), 4, Constraint.Positive, DiagnosticIds.Dimension);
        }

        /// <summary>The decoder's layers.</summary>
        public IntParam Layers { get; }

        /// <summary>The decoder's attention heads (a divisor of the encoder's output width).</summary>
        public IntParam Heads { get; }
    }

    /// <summary>[ForecastLoss].</summary>
    internal sealed class ForecastLossSpec : ObjectiveSpec
    {
        public ForecastLossSpec()
            : base(nameof(ForecastLoss), Modality.Series, ObjectiveFamily.Prediction)
        {
            Horizon = Int(nameof(Horizon), 1, Constraint.Positive, DiagnosticIds.Shape);
        }

        /// <summary>Steps predicted after the context window.</summary>
        public IntParam Horizon { get; }
    }

    /// <summary>[Ts2VecLoss].</summary>
    internal sealed class Ts2VecLossSpec : ObjectiveSpec
    {
        public Ts2VecLossSpec()
            : base(nameof(Ts2VecLoss), Modality.Series, ObjectiveFamily.TemporalContrast)
        {
            Alpha = Double(nameof(Alpha), 0.5, Constraint.Probability, DiagnosticIds.Probability);
            TemporalUnit = Int(nameof(TemporalUnit), 0, Constraint.NonNegative, DiagnosticIds.Strength);
            MaskRatio = Double(nameof(MaskRatio), 0.5, Constraint.OpenUnit, DiagnosticIds.Probability);
        }

        /// <summary>The instance term's weight (the temporal term has 1 - Alpha).</summary>
        public DoubleParam Alpha { get; }

        /// <summary>The first scale with a temporal term; the crops share at least 2^(TemporalUnit+1) steps.</summary>
        public IntParam TemporalUnit { get; }

        /// <summary>The probability that a step's latent vector is masked.</summary>
        public DoubleParam MaskRatio { get; }
    }
}
