namespace SslDsl.Generators;

/// <summary>The inputs: one per task, each fixing the modality and the batch type.</summary>
internal static partial class AttributeCatalog
{
    /// <summary>[ImageInput]: images [B,C,H,W].</summary>
    public static readonly ImageInputSpec ImageInput = new();

    /// <summary>[TextInput]: token ids [B,L].</summary>
    public static readonly TextInputSpec TextInput = new();

    /// <summary>[TabularInput]: feature rows [B,F].</summary>
    public static readonly TabularInputSpec TabularInput = new();

    /// <summary>[TimeSeriesInput]: series [B,C,T].</summary>
    public static readonly TimeSeriesInputSpec TimeSeriesInput = new();

    /// <summary>[CategoricalFeature]: a categorical column of a tabular task's table, read at run time by TableOptions.ForTask (nothing is generated for it).</summary>
    public static readonly CategoricalFeatureSpec CategoricalFeature = new();

    /// <summary>[ImageInput].</summary>
    internal sealed class ImageInputSpec : AttributeSpec
    {
        public ImageInputSpec()
            : base(nameof(ImageInput), AttributeCategory.Input, Modality.Image)
        {
            Channels = Int(nameof(Channels), 1, Constraint.Positive, DiagnosticIds.Shape);
            Height = Int(nameof(Height), 28, Constraint.Positive, DiagnosticIds.Shape);
            Width = Int(nameof(Width), 28, Constraint.Positive, DiagnosticIds.Shape);
        }

        /// <summary>Colour channels.</summary>
        public IntParam Channels { get; }

        /// <summary>Height in pixels.</summary>
        public IntParam Height { get; }

        /// <summary>Width in pixels.</summary>
        public IntParam Width { get; }
    }

    /// <summary>[TextInput].</summary>
    internal sealed class TextInputSpec : AttributeSpec
    {
        public TextInputSpec()
            : base(nameof(TextInput), AttributeCategory.Input, Modality.Text)
        {
            MaxLength = Int(nameof(MaxLength), 128, Constraint.Positive, DiagnosticIds.Shape);
            VocabSize = Int(nameof(VocabSize), 0);
            PadId = Int(nameof(PadId), 0);
            MaskId = Int(nameof(MaskId), 3);
            ClsId = Int(nameof(ClsId), 1);
            SepId = Int(nameof(SepId), 2);
        }

        /// <summary>Tokens per sequence.</summary>
        public IntParam MaxLength { get; }

        /// <summary>The tokenizer's vocabulary size (checked by SSL023).</summary>
        public IntParam VocabSize { get; }

        /// <summary>The padding id.</summary>
        public IntParam PadId { get; }

        /// <summary>The [MASK] id.</summary>
        public IntParam MaskId { get; }

        /// <summary>The [CLS] id.</summary>
        public IntParam ClsId { get; }

        /// <summary>The [SEP] id.</summary>
        public IntParam SepId { get; }
    }

    /// <summary>[TabularInput].</summary>
    internal sealed class TabularInputSpec : AttributeSpec
    {
        public TabularInputSpec()
            : base(nameof(TabularInput), AttributeCategory.Input, Modality.Tabular)
        {
            Features = Int(nameof(Features), 0, Constraint.Positive, DiagnosticIds.Shape);
        }

        /// <summary>Features per row.</summary>
        public IntParam Features { get; }
    }

    /// <summary>[TimeSeriesInput].</summary>
    internal sealed class TimeSeriesInputSpec : AttributeSpec
    {
        public TimeSeriesInputSpec()
            : base(nameof(TimeSeriesInput), AttributeCategory.Input, Modality.Series)
        {
            Channels = Int(nameof(Channels), 1, Constraint.Positive, DiagnosticIds.Shape);
            Length = Int(nameof(Length), 64, Constraint.Positive, DiagnosticIds.Shape);
        }

        /// <summary>Channels per time step.</summary>
        public IntParam Channels { get; }

        /// <summary>Time steps per series.</summary>
        public IntParam Length { get; }
    }

    /// <summary>[CategoricalFeature].</summary>
    internal sealed class CategoricalFeatureSpec : AttributeSpec
    {
        public CategoricalFeatureSpec()
            : base(nameof(CategoricalFeature), AttributeCategory.InputColumn, Modality.Tabular)
        {
            Column = TextArg(nameof(Column), 0);
            Encoding = Enum(nameof(Encoding), "CategoricalEncoding", "OneHot");
            Cardinality = Int(nameof(Cardinality), 0, Constraint.NonNegative, DiagnosticIds.Shape);
            EmbeddingDim = Int(nameof(EmbeddingDim), 8, Constraint.Positive, DiagnosticIds.Dimension);
        }

        /// <summary>The column's name in the table.</summary>
        public StringParam Column { get; }

        /// <summary>One-hot features or an embedding index.</summary>
        public EnumParam Encoding { get; }

        /// <summary>Categories the model is built for (0: as many as the data has, one-hot only).</summary>
        public IntParam Cardinality { get; }

        /// <summary>The embedding's width.</summary>
        public IntParam EmbeddingDim { get; }
    }
}
