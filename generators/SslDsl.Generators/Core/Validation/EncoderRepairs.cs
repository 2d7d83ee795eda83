using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// The repairs of a task with no encoder (SSL002): an [Encoder] member that builds the built-in backbone made
/// for the task's input, or [Backbone] of that kind on the class. Both return the width the heads expect.
/// </summary>
internal static class EncoderRepairs
{
    /// <summary>The repairs of SSL002, the member first; none when the input is unknown.</summary>
    public static IEnumerable<Repair> Missing(ValidationContext c)
    {
        var input = c.Input?.Model ?? c.Task.Members.Select(m => m.Input).FirstOrDefault(i => i is not null);
        if (input is null || StructureChecks.BackboneFor(input.Spec.Modalities) is not { } kind)
        {
            yield break;
        }

        int dim = OutputDim(c);
        string name = FreeName(c);
        string call = Call(kind, input, dim);
        string member = $"[global::SslDsl.{Encoder.Name}({Encoder.OutputDim.Name} = {dim})]\n" +
            $"static global::TorchSharp.torch.nn.Module<global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor> {name}() => global::SslDsl.{call};";
        yield return new Repair($"Add an [{Encoder.Name}] member '{name}' returning {call}", null, new[] { new RepairEdit(RepairKind.AddMember, c.Task.IdentifierLocation, name, -1, member) });

        if ((c.Input ?? c.Task.TaskAttribute) is { } anchor)
        {
            yield return Repair.AddAfter(anchor.Location, Backbone, $"{Backbone.Kind.EnumType}.{kind}, {Backbone.OutputDim.Name} = {dim}").As("Backbone");
        }
    }

    /// <summary>
    /// The width the encoder must return: a predictor's Output when it regresses the encoder directly, a
    /// multi-task member's own encoder width, else the backbone default.
    /// </summary>
    private static int OutputDim(ValidationContext c)
    {
        var predictor = c.Find(PredictorHead);
        if (predictor is not null && c.Find(ProjectionHead) is null && predictor.IsKnown(PredictorHead.Output) && predictor.Get(PredictorHead.Output) > 0)
        {
            return predictor.Get(PredictorHead.Output);
        }

        return c.Task.Members.Select(m => m.EncoderOutputDim).FirstOrDefault(d => d > 0) ?? Backbone.OutputDim.Default;
    }

    /// <summary>The backbone call for <paramref name="kind"/> on <paramref name="input"/>, e.g. <c>Backbones.SmallCnn(inChannels: 1, outputDim: 128)</c>.</summary>
    private static string Call(string kind, AttributeModel input, int dim)
    {
        string output = "outputDim: " + dim.ToString(CultureInfo.InvariantCulture);
        return kind switch
        {
            "TransformerEncoder" => $"Backbones.TransformerEncoder(vocabSize: {input.Literal(TextInput.VocabSize)}, maxLength: {input.Literal(TextInput.MaxLength)}, {output}{(input.Get(TextInput.PadId) == 0 ? "" : ", padId: " + input.Literal(TextInput.PadId))})",
            "Mlp" => $"Backbones.Mlp(inputFeatures: {input.Literal(TabularInput.Features)}, {output})",
            "Conv1d" => $"Backbones.Conv1d(inChannels: {input.Literal(TimeSeriesInput.Channels)}, {output})",
            _ => $"Backbones.SmallCnn(inChannels: {input.Literal(ImageInput.Channels)}, {output})",
        };
    }

    /// <summary>"Encoder", or the first of "CreateEncoder", "Encoder1", ... that no member of the task (nor the task) is named.</summary>
    private static string FreeName(ValidationContext c)
    {
        var taken = new HashSet<string>(c.Task.Type.MemberNames) { c.Task.Type.Name };
        return new[] { "Encoder", "CreateEncoder" }.Concat(Enumerable.Range(1, 100).Select(i => "Encoder" + i.ToString(CultureInfo.InvariantCulture)))
            .First(n => !taken.Contains(n));
    }
}
