namespace SslDsl.Generators;

/// <summary>What an input declaration means for generated code: batch type and the tensor it carries.</summary>
/// <param name="BatchType">The runtime batch type, e.g. ImageBatch.</param>
/// <param name="Tensor">The batch property holding the encoder's input, e.g. Images.</param>
/// <param name="Parameter">A parameter name for that tensor in generated methods.</param>
/// <param name="Description">How Describe() shows the input.</param>
internal sealed record InputKind(string BatchType, string Tensor, string Parameter, string Description)
{
    /// <summary>The kind for an input attribute named <paramref name="inputName"/> (multi-task: the members' input).</summary>
    public static InputKind OfName(string inputName) => Of(string.IsNullOrEmpty(inputName) ? null : TaskModelBuilder.Defaults(inputName)) with
    {
        Description = inputName switch
        {
            "TextInput" => "text (the members' input)",
            "TabularInput" => "tabular (the members' input)",
            "TimeSeriesInput" => "time series (the members' input)",
            _ => "image (the members' input)",
        },
    };

    /// <summary>The kind for a task's input (image when absent, which only happens for multi-task shells).</summary>
    public static InputKind Of(AttributeModel? input) => input?.Name switch
    {
        "TextInput" => new InputKind("TokenBatch", "Ids", "ids",
            $"text, {input.Int("MaxLength")} tokens, vocabulary {input.Int("VocabSize")} (pad {input.Int("PadId")}, mask {input.Int("MaskId")}, cls {input.Int("ClsId")}, sep {input.Int("SepId")})"),
        "TabularInput" => new InputKind("TabularBatch", "Features", "features", $"tabular, {input.Int("Features")} features"),
        "TimeSeriesInput" => new InputKind("SeriesBatch", "Values", "values", $"time series, {input.Int("Channels")} channel(s) x {input.Int("Length")} steps"),
        "ImageInput" => new InputKind("ImageBatch", "Images", "images", $"image {input.Int("Channels")}x{input.Int("Height")}x{input.Int("Width")}"),
        _ => new InputKind("ImageBatch", "Images", "images", "image"),
    };
}
