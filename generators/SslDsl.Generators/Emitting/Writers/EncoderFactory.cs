using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>The expression that builds a task's declared encoder: its [Encoder] member, or the [Backbone] on its input.</summary>
internal static class EncoderFactory
{
    /// <summary>The encoder of a [PretextTask] (a backbone reads its sizes from the task's input).</summary>
    public static string Of(PretextTaskModel task) => Of(task.Type, task.Encoder, task.Input, task.Objective(NextTokenLoss) is not null);

    /// <summary>The shared encoder of a [MultiTaskPretraining].</summary>
    public static string Of(MultiTaskModel task) => Of(task.Type, task.Encoder, task.Members[0].Input, causal: false);

    private static string Of(TypeModel type, EncoderModel encoder, AttributeModel input, bool causal)
    {
        if (encoder.MemberName is { } member)
        {
            return encoder.IsProperty ? $"{type.Name}.{member}" : $"{type.Name}.{member}()";
        }

        var b = encoder.Backbone!;
        string common = $"width: {b.Literal(Backbone.Width)}, outputDim: {b.Literal(Backbone.OutputDim)}, depth: {b.Literal(Backbone.Depth)}";
        return b.Get(Backbone.Kind) switch
        {
            "ResNet" => $"Backbones.ResNet(inChannels: {input.Literal(ImageInput.Channels)}, {common})",
            "Mlp" => $"Backbones.Mlp(inputFeatures: {input.Literal(TabularInput.Features)}, {common})",
            "Conv1d" => $"Backbones.Conv1d(inChannels: {input.Literal(TimeSeriesInput.Channels)}, {common})",
            "TransformerEncoder" => $"Backbones.TransformerEncoder(vocabSize: {input.Literal(TextInput.VocabSize)}, maxLength: {input.Literal(TextInput.MaxLength)}, {common}, heads: {b.Literal(Backbone.Heads)}, padId: {input.Literal(TextInput.PadId)}{(causal ? ", causal: true" : "")})",
            _ => $"Backbones.SmallCnn(inChannels: {input.Literal(ImageInput.Channels)}, {common})",
        };
    }
}
