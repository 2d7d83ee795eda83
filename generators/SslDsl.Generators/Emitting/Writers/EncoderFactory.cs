using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>The expression that builds a task's declared encoder: its [Encoder] member, or the [Backbone] on its input.</summary>
internal static class EncoderFactory
{
    /// <summary>The encoder of a [PretextTask] (a backbone reads its sizes from the task's input).</summary>
    public static string Of(PretextTaskModel task) => Of(task.Type, task.Encoder, task.Input, task.Objective(NextTokenLoss) is not null);

    /// <summary>
    /// Whether <paramref name="task"/> trains as true MAE: a [Backbone(BackboneKind.VisionTransformer)], a [PatchMask] and a
    /// [ReconstructionLoss] without [AdversarialLoss]; its encoder then sees only the visible patches.
    /// </summary>
    public static bool TrainsAsMae(PretextTaskModel task) =>
        task.Encoder.Backbone?.Get(Backbone.Kind) == VisionTransformerChecks.Kind
        && task.Steps.Any(s => s.Is(PatchMask))
        && task.Objective(ReconstructionLoss) is not null
        && task.Objective(AdversarialLoss) is null;

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
            SeriesChecks.DilatedConv => $"Backbones.DilatedConv(inChannels: {input.Literal(TimeSeriesInput.Channels)}, {common})",
            VisionTransformerChecks.Kind => $"Backbones.VisionTransformer(inChannels: {input.Literal(ImageInput.Channels)}, imageHeight: {input.Literal(ImageInput.Height)}, imageWidth: {input.Literal(ImageInput.Width)}, patchSize: {b.Literal(Backbone.PatchSize)}, {common}, heads: {b.Literal(Backbone.Heads)}{(b.Get(Backbone.LearnedPositions) ? ", learnedPositions: true" : "")})",
            "TransformerEncoder" => $"Backbones.TransformerEncoder(vocabSize: {input.Literal(TextInput.VocabSize)}, maxLength: {input.Literal(TextInput.MaxLength)}, {common}, heads: {b.Literal(Backbone.Heads)}, padId: {input.Literal(TextInput.PadId)}{(causal ? ", causal: true" : "")})",
            _ => $"Backbones.SmallCnn(inChannels: {input.Literal(ImageInput.Channels)}, {common})",
        };
    }
}
