namespace SslDsl.Generators;

/// <summary>How a task trains and fine-tunes: optimizer, schedule, training loop, fine-tune head.</summary>
internal static partial class AttributeCatalog
{
    /// <summary>[Optimizer].</summary>
    public static readonly OptimizerSpec Optimizer = new();

    /// <summary>[LearningRateSchedule].</summary>
    public static readonly LearningRateScheduleSpec LearningRateSchedule = new();

    /// <summary>[Training].</summary>
    public static readonly TrainingSpec Training = new();

    /// <summary>[FineTune].</summary>
    public static readonly FineTuneSpec FineTune = new();

    /// <summary>[Optimizer].</summary>
    internal sealed class OptimizerSpec : AttributeSpec
    {
        public OptimizerSpec()
            : base(nameof(Optimizer), AttributeCategory.Optimizer, Modality.Any)
        {
            Kind = Enum(nameof(Kind), "OptimizerKind", "AdamW", positional: 0);
            LearningRate = Double(nameof(LearningRate), 0.001, Constraint.Positive, DiagnosticIds.Training);
            WeightDecay = Double(nameof(WeightDecay), 0.0, Constraint.NonNegative, DiagnosticIds.Training);
            Momentum = Double(nameof(Momentum), 0.9, Constraint.Momentum, DiagnosticIds.Momentum);
        }

        /// <summary>Which optimizer.</summary>
        public EnumParam Kind { get; }

        /// <summary>The base learning rate.</summary>
        public DoubleParam LearningRate { get; }

        /// <summary>Weight decay.</summary>
        public DoubleParam WeightDecay { get; }

        /// <summary>SGD and LARS momentum.</summary>
        public DoubleParam Momentum { get; }
    }

    /// <summary>[LearningRateSchedule].</summary>
    internal sealed class LearningRateScheduleSpec : AttributeSpec
    {
        public LearningRateScheduleSpec()
            : base(nameof(LearningRateSchedule), AttributeCategory.Schedule, Modality.Any)
        {
            Kind = Enum(nameof(Kind), "ScheduleKind", "Constant", positional: 0);
            WarmupEpochs = Double(nameof(WarmupEpochs), 0.0, Constraint.NonNegative, DiagnosticIds.Training);
            MinLearningRate = Double(nameof(MinLearningRate), 0.0, Constraint.NonNegative, DiagnosticIds.Training);
            StepEpochs = Int(nameof(StepEpochs), 30, Constraint.Positive, DiagnosticIds.Training);
            Gamma = Double(nameof(Gamma), 0.1, Constraint.Positive, DiagnosticIds.Training);
        }

        /// <summary>Which schedule.</summary>
        public EnumParam Kind { get; }

        /// <summary>Linear warm-up (WarmupCosine).</summary>
        public DoubleParam WarmupEpochs { get; }

        /// <summary>The rate a cosine decays to.</summary>
        public DoubleParam MinLearningRate { get; }

        /// <summary>Epochs between steps (Step).</summary>
        public IntParam StepEpochs { get; }

        /// <summary>The factor of each step (Step).</summary>
        public DoubleParam Gamma { get; }
    }

    /// <summary>[Training].</summary>
    internal sealed class TrainingSpec : AttributeSpec
    {
        public TrainingSpec()
            : base(nameof(Training), AttributeCategory.Training, Modality.Any)
        {
            BatchSize = Int(nameof(BatchSize), 256, Constraint.Positive, DiagnosticIds.Training);
            Epochs = Int(nameof(Epochs), 10, Constraint.Positive, DiagnosticIds.Training);
            Seed = Long(nameof(Seed), 42);
            GradientClip = Double(nameof(GradientClip), 0.0, Constraint.NonNegative, DiagnosticIds.Training);
            AccumulateSteps = Int(nameof(AccumulateSteps), 1, Constraint.Positive, DiagnosticIds.Training);
            Precision = Enum(nameof(Precision), "TrainingPrecision", "Float32");
        }

        /// <summary>Samples per step.</summary>
        public IntParam BatchSize { get; }

        /// <summary>Epochs.</summary>
        public IntParam Epochs { get; }

        /// <summary>The seed of torch, the shuffling and the pipeline.</summary>
        public LongParam Seed { get; }

        /// <summary>The gradient norm clip (0: off).</summary>
        public DoubleParam GradientClip { get; }

        /// <summary>Batches whose gradients are summed into one update.</summary>
        public IntParam AccumulateSteps { get; }

        /// <summary>Float32, MixedBFloat16 or Auto.</summary>
        public EnumParam Precision { get; }
    }

    /// <summary>[FineTune].</summary>
    internal sealed class FineTuneSpec : AttributeSpec
    {
        public FineTuneSpec()
            : base(nameof(FineTune), AttributeCategory.FineTune, Modality.Any)
        {
            Classes = Int(nameof(Classes), 0);
            Mode = Enum(nameof(Mode), "FineTuneMode", "LinearProbe");
            UnfreezeLastLayers = Int(nameof(UnfreezeLastLayers), 0);
            Epochs = Int(nameof(Epochs), 10, Constraint.Positive, DiagnosticIds.Training);
            LearningRate = Double(nameof(LearningRate), 0.001, Constraint.Positive, DiagnosticIds.Training);
            EncoderLearningRateScale = Double(nameof(EncoderLearningRateScale), 0.1, Constraint.Positive, DiagnosticIds.Training);
            BatchSize = Int(nameof(BatchSize), 256, Constraint.Positive, DiagnosticIds.Training);
        }

        /// <summary>Labels of the downstream task (SSL021).</summary>
        public IntParam Classes { get; }

        /// <summary>LinearProbe, Full or PartialUnfreeze.</summary>
        public EnumParam Mode { get; }

        /// <summary>Top encoder blocks trained (PartialUnfreeze).</summary>
        public IntParam UnfreezeLastLayers { get; }

        /// <summary>Epochs.</summary>
        public IntParam Epochs { get; }

        /// <summary>The head's learning rate.</summary>
        public DoubleParam LearningRate { get; }

        /// <summary>The encoder's rate relative to the head's.</summary>
        public DoubleParam EncoderLearningRateScale { get; }

        /// <summary>Samples per step.</summary>
        public IntParam BatchSize { get; }
    }
}
