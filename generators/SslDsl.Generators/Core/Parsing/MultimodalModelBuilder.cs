using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>Builds the <see cref="MultimodalTaskModel"/> of a task with [ClipLoss]: its two inputs, each with the encoder that names it.</summary>
internal static class MultimodalModelBuilder
{
    /// <summary>The model, or null when the task does not have exactly two inputs, each read by one encoder.</summary>
    public static MultimodalTaskModel? Build(ParsedTask parsed, AttributeModel optimizer, AttributeModel schedule, AttributeModel training, AttributeModel? fineTune)
    {
        var inputs = parsed.OfCategory(AttributeCategory.Input).OrderBy(i => SideOrder(i.Spec)).ToArray();
        var loss = parsed.Find(ClipLoss);
        if (inputs.Length != 2 || loss is null)
        {
            return null;
        }

        var first = Side(parsed, inputs[0]);
        var second = Side(parsed, inputs[1]);
        return first is null || second is null
            ? null
            : new MultimodalTaskModel(parsed.TypeModel, parsed.TaskName, optimizer, schedule, training, fineTune, first, second, loss.Model);
    }

    /// <summary>The Modality member that names <paramref name="input"/> in [Encoder(Input = ...)].</summary>
    public static string ModalityMember(AttributeSpec input) => input switch
    {
        TextInputSpec => "Text",
        TabularInputSpec => "Tabular",
        TimeSeriesInputSpec => "TimeSeries",
        _ => "Image",
    };

    /// <summary>The order of the sides: images first (the side monitors, probes and fine-tuning read), then text, tables, series.</summary>
    public static int SideOrder(AttributeSpec input) => input switch
    {
        ImageInputSpec => 0,
        TextInputSpec => 1,
        TabularInputSpec => 2,
        _ => 3,
    };

    private static ModalitySide? Side(ParsedTask parsed, ParsedAttribute input)
    {
        string member = ModalityMember(input.Spec);
        var encoders = parsed.EncoderMembers.Where(m => m.Input == member).ToArray();
        if (encoders.Length != 1)
        {
            return null;
        }

        var e = encoders[0];
        var encoder = new EncoderModel(e.Name, e.IsProperty, e.Attribute.Model.Get(Encoder.OutputDim), null);
        return new ModalitySide(input.Model, encoder, e.Projection?.Model ?? Projection.Defaults, e.Steps.Select(s => s.Model).ToEquatableArray());
    }
}
