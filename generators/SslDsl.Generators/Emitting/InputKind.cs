using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>What an input declaration means for generated code: batch type and the tensor it carries.</summary>
/// <param name="BatchType">The runtime batch type, e.g. ImageBatch.</param>
/// <param name="Tensor">The batch property holding the encoder's input, e.g. Images.</param>
/// <param name="Parameter">A parameter name for that tensor in generated methods.</param>
/// <param name="Description">How Describe() shows the input.</param>
internal sealed record InputKind(string BatchType, string Tensor, string Parameter, string Description)
{
    /// <summary>Whether the batch holds token sequences (their states are pooled to one vector per sequence).</summary>
    public bool IsText => BatchType == "TokenBatch";

    /// <summary>The kind for a task's input attribute.</summary>
    public static InputKind Of(AttributeModel input) => input.Spec switch
    {
        TextInputSpec => new InputKind("TokenBatch", "Ids", "ids",
            $"text, {input.Get(TextInput.MaxLength)} tokens, vocabulary {input.Get(TextInput.VocabSize)} (pad {input.Get(TextInput.PadId)}, mask {input.Get(TextInput.MaskId)}, cls {input.Get(TextInput.ClsId)}, sep {input.Get(TextInput.SepId)})"),
        TabularInputSpec => new InputKind("TabularBatch", "Features", "features", $"tabular, {input.Get(TabularInput.Features)} features"),
        TimeSeriesInputSpec => new InputKind("SeriesBatch", "Values", "values", $"time series, {input.Get(TimeSeriesInput.Channels)} channel(s) x {input.Get(TimeSeriesInput.Length)} steps"),
        _ => new InputKind("ImageBatch", "Images", "images", $"image {input.Get(ImageInput.Channels)}x{input.Get(ImageInput.Height)}x{input.Get(ImageInput.Width)}"),
    };

    /// <summary>The kind of a multi-task pretraining, whose members all read <paramref name="input"/>.</summary>
    public static InputKind OfMembers(AttributeSpec input) => Of(input.Defaults) with
    {
        Description = input switch
        {
            TextInputSpec => "text (the members' input)",
            TabularInputSpec => "tabular (the members' input)",
            TimeSeriesInputSpec => "time series (the members' input)",
            _ => "image (the members' input)",
        },
    };
}
