namespace SslDsl.Generators;

/// <summary>The task itself: its name, multi-task members, views and encoder.</summary>
internal static partial class AttributeCatalog
{
    /// <summary>[PretextTask("name")].</summary>
    public static readonly TaskSpec PretextTask = new(nameof(PretextTask), AttributeCategory.Task);

    /// <summary>[MultiTaskPretraining("name")].</summary>
    public static readonly TaskSpec MultiTaskPretraining = new(nameof(MultiTaskPretraining), AttributeCategory.MultiTask);

    /// <summary>[Objective(typeof(Task), Weight = w)]: a member of a multi-task pretraining.</summary>
    public static readonly ObjectiveMemberSpec Objective = new();

    /// <summary>[Views(n)].</summary>
    public static readonly ViewsSpec Views = new();

    /// <summary>[MultiCrop]: two global and several local crops as the views.</summary>
    public static readonly MultiCropSpec MultiCrop = new();

    /// <summary>[Encoder(OutputDim = n)] on a static member.</summary>
    public static readonly EncoderSpec Encoder = new();

    /// <summary>[Backbone(BackboneKind.X)]: a built-in encoder.</summary>
    public static readonly BackboneSpec Backbone = new();

    /// <summary>[PretextTask] and [MultiTaskPretraining].</summary>
    internal sealed class TaskSpec : AttributeSpec
    {
        public TaskSpec(string name, AttributeCategory category)
            : base(name, category, Modality.Any)
        {
            TaskName = TextArg("Name", positional: 0);
        }

        /// <summary>The argument Name: the task's name (labels checkpoints and output folders).</summary>
        public StringParam TaskName { get; }
    }

    /// <summary>[Objective].</summary>
    internal sealed class ObjectiveMemberSpec : AttributeSpec
    {
        public ObjectiveMemberSpec()
            : base(nameof(Objective), AttributeCategory.MultiTaskMember, Modality.Any)
        {
            Task = TypeArg(nameof(Task), positional: 0);
            Weight = Double(nameof(Weight), 1.0, Constraint.Positive, DiagnosticIds.Weight);
        }

        /// <summary>The member task class.</summary>
        public TypeParam Task { get; }

        /// <summary>Its weight in the total loss.</summary>
        public DoubleParam Weight { get; }
    }

    /// <summary>[Views].</summary>
    internal sealed class ViewsSpec : AttributeSpec
    {
        public ViewsSpec()
            : base(nameof(Views), AttributeCategory.Views, Modality.Any)
        {
            Count = Int(nameof(Count), null, positional: 0);
        }

        /// <summary>How many augmented views of each sample the pipeline draws.</summary>
        public IntParam Count { get; }
    }

    /// <summary>[MultiCrop]: it declares the views (as [Views] does), so it shares their category.</summary>
    internal sealed class MultiCropSpec : AttributeSpec
    {
        /// <summary>Global crops: the teacher's (DINO) and the code-assigned (SwAV) views.</summary>
        public const int GlobalViews = 2;

        public MultiCropSpec()
            : base(nameof(MultiCrop), AttributeCategory.Views, Modality.Image)
        {
            GlobalSize = Int(nameof(GlobalSize), 224, Constraint.Positive, DiagnosticIds.Shape);
            LocalSize = Int(nameof(LocalSize), 96, Constraint.Positive, DiagnosticIds.Shape);
            LocalViews = Int(nameof(LocalViews), 6, Constraint.NonNegative, DiagnosticIds.Strength);
            GlobalMinScale = Double(nameof(GlobalMinScale), 0.4, Constraint.UnitPositive, DiagnosticIds.Probability);
            GlobalMaxScale = Double(nameof(GlobalMaxScale), 1.0, Constraint.UnitPositive, DiagnosticIds.Probability);
            LocalMinScale = Double(nameof(LocalMinScale), 0.05, Constraint.UnitPositive, DiagnosticIds.Probability);
            LocalMaxScale = Double(nameof(LocalMaxScale), 0.4, Constraint.UnitPositive, DiagnosticIds.Probability);
        }

        /// <summary>Side of the global crops: larger than LocalSize (SSL027).</summary>
        public IntParam GlobalSize { get; }

        /// <summary>Side of the local crops: smaller than GlobalSize (SSL027).</summary>
        public IntParam LocalSize { get; }

        /// <summary>Number of local crops.</summary>
        public IntParam LocalViews { get; }

        /// <summary>Smallest global crop area.</summary>
        public DoubleParam GlobalMinScale { get; }

        /// <summary>Largest global crop area.</summary>
        public DoubleParam GlobalMaxScale { get; }

        /// <summary>Smallest local crop area.</summary>
        public DoubleParam LocalMinScale { get; }

        /// <summary>Largest local crop area.</summary>
        public DoubleParam LocalMaxScale { get; }
    }

    /// <summary>[Encoder].</summary>
    internal sealed class EncoderSpec : AttributeSpec
    {
        public EncoderSpec()
            : base(nameof(Encoder), AttributeCategory.Encoder, Modality.Any)
        {
            OutputDim = Int(nameof(OutputDim), 0, Constraint.Positive, DiagnosticIds.Dimension);
            Input = Enum(nameof(Input), "Modality", "Image");
        }

        /// <summary>Width of the representation.</summary>
        public IntParam OutputDim { get; }

        /// <summary>The input it reads in a multimodal task.</summary>
        public EnumParam Input { get; }
    }

    /// <summary>[Backbone].</summary>
    internal sealed class BackboneSpec : AttributeSpec
    {
        public BackboneSpec()
            : base(nameof(Backbone), AttributeCategory.Backbone, Modality.Any)
        {
            Kind = Enum(nameof(Kind), "BackboneKind", "SmallCnn", positional: 0);
            Width = Int(nameof(Width), 32, Constraint.Positive, DiagnosticIds.Dimension);
            OutputDim = Int(nameof(OutputDim), 128, Constraint.Positive, DiagnosticIds.Dimension);
            Depth = Int(nameof(Depth), 2, Constraint.Positive, DiagnosticIds.Dimension);
            Heads = Int(nameof(Heads), 4, Constraint.Positive, DiagnosticIds.Dimension);
            PatchSize = Int(nameof(PatchSize), 4, Constraint.Positive, DiagnosticIds.Dimension);
            LearnedPositions = Bool(nameof(LearnedPositions), false);
        }

        /// <summary>Which built-in encoder.</summary>
        public EnumParam Kind { get; }

        /// <summary>Width of the first block.</summary>
        public IntParam Width { get; }

        /// <summary>Width of the representation.</summary>
        public IntParam OutputDim { get; }

        /// <summary>Number of blocks.</summary>
        public IntParam Depth { get; }

        /// <summary>Attention heads (transformers only).</summary>
        public IntParam Heads { get; }

        /// <summary>Patch side in pixels (VisionTransformer).</summary>
        public IntParam PatchSize { get; }

        /// <summary>A learned position embedding instead of the sine-cosine table (VisionTransformer).</summary>
        public BoolParam LearnedPositions { get; }
    }
}
