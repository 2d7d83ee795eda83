using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>How the generated code of a multimodal task names one side: "Image" gives ImageEncoder, EmbedImages, AugmentImages.</summary>
/// <param name="Name">"Image", "Text", "Tabular" or "Series".</param>
/// <param name="Plural">The batch's samples in method names: "Images", "Texts", "Rows", "Series".</param>
/// <param name="Kind">The batch type and its tensor.</param>
/// <param name="Side">The side.</param>
internal sealed record SideNames(string Name, string Plural, InputKind Kind, ModalitySide Side)
{
    /// <summary>The names of <paramref name="side"/>.</summary>
    public static SideNames Of(ModalitySide side) => side.Input.Spec switch
    {
        TextInputSpec => new SideNames("Text", "Texts", InputKind.Of(side.Input), side),
        TabularInputSpec => new SideNames("Tabular", "Rows", InputKind.Of(side.Input), side),
        TimeSeriesInputSpec => new SideNames("Series", "Series", InputKind.Of(side.Input), side),
        _ => new SideNames("Image", "Images", InputKind.Of(side.Input), side),
    };

    /// <summary>"imageEncoder".</summary>
    public string EncoderField => Naming.Camel(Name) + "Encoder";

    /// <summary>"imageProjection".</summary>
    public string ProjectionField => Naming.Camel(Name) + "Projection";

    /// <summary>"images": a parameter or local holding this side's batch.</summary>
    public string Local => Naming.Camel(Plural);

    /// <summary>The width of the shared embedding.</summary>
    public int EmbeddingDim => Side.Projection.Get(Projection.Output);

    /// <summary>"the image input", as docs name it.</summary>
    public string Words => Kind.IsText ? "the text input" : $"the {Naming.Camel(Name)} input";
}
