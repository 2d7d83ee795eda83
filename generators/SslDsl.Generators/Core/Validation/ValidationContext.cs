using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// What every check of one task reads (the parsed task, its input, views, steps, heads and
/// objectives) and where the checks put their diagnostics.
/// </summary>
internal sealed class ValidationContext
{
    public ValidationContext(ParsedTask task)
    {
        Task = task;
        Inputs = task.OfCategory(AttributeCategory.Input).ToList();
        Input = Inputs.Count == 1 ? Inputs[0] : null;
        Modality = Input?.Spec.Modalities ?? Modality.None;
        ViewsAttribute = task.Find(AttributeCatalog.Views);
        MultiCrop = task.Find(AttributeCatalog.MultiCrop);
        Steps = task.Attributes.Where(a => a.Spec is StepSpec).ToList();
        Objectives = task.OfCategory(AttributeCategory.Objective).ToList();
        Heads = task.OfCategory(AttributeCategory.Head).ToList();
    }

    /// <summary>The task as parsed.</summary>
    public ParsedTask Task { get; }

    /// <summary>The diagnostics found so far.</summary>
    public List<Diagnostic> Diagnostics { get; } = new();

    /// <summary>The task class's name, as messages show it.</summary>
    public string Name => Task.Type.Name;

    /// <summary>Every input attribute (one when the task is valid).</summary>
    public List<ParsedAttribute> Inputs { get; }

    /// <summary>The input when there is exactly one.</summary>
    public ParsedAttribute? Input { get; }

    /// <summary>The modality of <see cref="Input"/>, or None.</summary>
    public Modality Modality { get; }

    /// <summary>The [Views] attribute, or null.</summary>
    public ParsedAttribute? ViewsAttribute { get; }

    /// <summary>The [MultiCrop] attribute, or null (it declares the views instead of [Views]).</summary>
    public ParsedAttribute? MultiCrop { get; }

    /// <summary>Augmentations and maskings, in source (pipeline) order.</summary>
    public List<ParsedAttribute> Steps { get; }

    /// <summary>The objectives.</summary>
    public List<ParsedAttribute> Objectives { get; }

    /// <summary>The heads.</summary>
    public List<ParsedAttribute> Heads { get; }

    /// <summary>
    /// The attribute after which a new pipeline step goes: the last step, else [Views], else the input, else
    /// the task attribute; null when the class has none of them.
    /// </summary>
    public ParsedAttribute? PipelineEnd => Steps.LastOrDefault() ?? ViewsAttribute ?? Input ?? Task.TaskAttribute;

    /// <summary>
    /// Whether "X is missing" checks may run: not when an attribute failed to resolve, since the
    /// missing piece may be that attribute (the compiler already reports it).
    /// </summary>
    public bool TrustAbsence => !Task.HasUnresolvedAttributes;

    /// <summary>The first attribute <paramref name="spec"/> on the class (a head, an objective, [Training] ...), or null.</summary>
    public ParsedAttribute? Find(AttributeSpec spec) => Task.Find(spec);

    /// <summary>
    /// The value of <paramref name="p"/> in force: as declared, or the catalog default when its attribute is
    /// absent; null when the attribute is declared but the value could not be read.
    /// </summary>
    public int? Resolved(IntParam p) => Find(p.Owner) is { } a ? (a.IsKnown(p) ? a.Get(p) : null) : p.Default;

    /// <inheritdoc cref="Resolved(IntParam)"/>
    public double? Resolved(DoubleParam p) => Find(p.Owner) is { } a ? (a.IsKnown(p) ? a.Get(p) : null) : p.Default;

    /// <summary>
    /// The encoder's output width when there is exactly one encoder and its OutputDim is known and
    /// valid; null otherwise.
    /// </summary>
    public int? EncoderOutputDim
    {
        get
        {
            var backbones = Task.OfCategory(AttributeCategory.Backbone).ToList();
            if (Task.EncoderMembers.Count + backbones.Count != 1)
            {
                return null;
            }

            var (attribute, outputDim) = Task.EncoderMembers.Count == 1 ? (Task.EncoderMembers[0].Attribute, Encoder.OutputDim) : (backbones[0], Backbone.OutputDim);
            int dim = attribute.Get(outputDim);
            return attribute.IsKnown(outputDim) && dim > 0 ? dim : null;
        }
    }

    /// <summary>Adds a diagnostic.</summary>
    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] args) =>
        Diagnostics.Add(Diagnostic.Create(descriptor, location, args));

    /// <summary>Adds a diagnostic that carries <paramref name="repairs"/> for its code fix (the primary repair first).</summary>
    public void ReportRepairable(DiagnosticDescriptor descriptor, Location location, IEnumerable<Repair> repairs, params object?[] args)
    {
        var (additionalLocations, properties) = RepairCodec.Encode(location, repairs);
        Diagnostics.Add(Diagnostic.Create(descriptor, location, additionalLocations, properties, args));
    }

    /// <summary>A number as messages show it (invariant culture, shortest form).</summary>
    public static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    /// <summary>Modalities as words: "image", "text or tabular".</summary>
    public static string Describe(Modality m)
    {
        var names = new List<string>();
        if ((m & Modality.Image) != 0) names.Add("image");
        if ((m & Modality.Text) != 0) names.Add("text");
        if ((m & Modality.Tabular) != 0) names.Add("tabular");
        if ((m & Modality.Series) != 0) names.Add("time-series");
        return string.Join(" or ", names);
    }

    /// <summary>"[A]", "[A] and [B]", "[A], [B] and [C]".</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : string.Join(", ", all.Take(all.Count - 1)) + " and " + all[all.Count - 1];
    }
}
