using System.Linq;

namespace SslDsl.Generators;

/// <summary>Where the task class is declared, enough to reopen it as a partial class.</summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="Name">The class name.</param>
/// <param name="Keyword">"class" or "record".</param>
/// <param name="ContainingTypes">Declarations of enclosing types, outermost first (e.g. "partial class Outer").</param>
/// <param name="FullyQualifiedName">global::-qualified name.</param>
/// <param name="TypeParameters">The class's own type parameter list as written in its name ("&lt;T&gt;"), or "".</param>
internal sealed record TypeModel(string? Namespace, string Name, string Keyword, EquatableArray<string> ContainingTypes, string FullyQualifiedName, string TypeParameters = "")
{
    /// <summary>How the class names itself in its own body: "G" or, generic, "G&lt;T&gt;".</summary>
    public string SelfReference => Name + TypeParameters;
}

/// <summary>What the generator emits for one task class: its code (<see cref="TaskModel"/>) or, for a declaration with errors, a shell (<see cref="ShellModel"/>).</summary>
/// <param name="Type">Where the class is declared.</param>
internal abstract record GeneratedTask(TypeModel Type);

/// <summary>The encoder: a user member or a built-in backbone.</summary>
/// <param name="MemberName">The [Encoder] member's name, or null for a backbone.</param>
/// <param name="IsProperty">Whether the member is a property.</param>
/// <param name="OutputDim">Width of the representation.</param>
/// <param name="Backbone">The [Backbone] attribute, or null.</param>
internal sealed record EncoderModel(string? MemberName, bool IsProperty, int OutputDim, AttributeModel? Backbone);

/// <summary>One member task of a multi-task pretraining.</summary>
/// <param name="TypeName">global::-qualified name of the member task class.</param>
/// <param name="TaskName">Its [PretextTask] name.</param>
/// <param name="Weight">Its [Objective] attribute (for the weight).</param>
/// <param name="Input">The member's input attribute (with its values: a shared backbone is built for it).</param>
/// <param name="HasMomentum">Whether the member's model needs a second encoder instance as momentum target.</param>
/// <param name="KeepsState">Whether an objective of the member keeps state its AfterStep updates (a support set, prototypes).</param>
internal sealed record MemberTaskModel(string TypeName, string TaskName, AttributeModel Weight, AttributeModel Input, bool HasMomentum, bool KeepsState = false);

/// <summary>
/// Everything the generator needs to emit one task, as plain equatable data (no symbols, no syntax, no
/// locations), so the incremental pipeline caches it between edits. Attributes that are absent hold
/// their catalog defaults.
/// </summary>
internal abstract record TaskModel(
    TypeModel Type,
    string TaskName,
    EncoderModel Encoder,
    AttributeModel Optimizer,
    AttributeModel Schedule,
    AttributeModel Training,
    AttributeModel? FineTune)
    : GeneratedTask(Type);

/// <summary>A [PretextTask]: one input, its pipeline steps, heads and objectives.</summary>
internal sealed record PretextTaskModel(
    TypeModel Type,
    string TaskName,
    EncoderModel Encoder,
    AttributeModel Optimizer,
    AttributeModel Schedule,
    AttributeModel Training,
    AttributeModel? FineTune,
    AttributeModel Input,
    int Views,
    EquatableArray<AttributeModel> Steps,
    EquatableArray<AttributeModel> Heads,
    EquatableArray<AttributeModel> Objectives)
    : TaskModel(Type, TaskName, Encoder, Optimizer, Schedule, Training, FineTune)
{
    /// <summary>
    /// The [MultiCrop] declaration, or null: then <see cref="Views"/> counts its two global crops first, then its
    /// local ones, and every view starts with a resized crop of its own size and scale range.
    /// </summary>
    public AttributeModel? MultiCrop { get; init; }

    /// <summary>
    /// The columns of a tabular task's rows as its [CategoricalFeature] declarations fix them, or null (another input, or
    /// a one-hot column whose width the data sets). Only VIME reads it.
    /// </summary>
    public TabularLayout? Columns { get; init; }

    /// <summary>The views that are global crops: the two of [MultiCrop], else every view (they all have the input's size).</summary>
    public int GlobalViews => MultiCrop is null ? Views : AttributeCatalog.MultiCropSpec.GlobalViews;

    /// <summary>The head <paramref name="spec"/>, or null when the task does not declare it.</summary>
    public AttributeModel? Head(AttributeSpec spec) => Heads.FirstOrDefault(h => h.Is(spec));

    /// <summary>The objective <paramref name="spec"/>, or null when the task does not declare it.</summary>
    public AttributeModel? Objective(AttributeSpec spec) => Objectives.FirstOrDefault(o => o.Is(spec));

    /// <summary>The first step <paramref name="spec"/>, or null when the task does not declare it.</summary>
    public AttributeModel? Step(AttributeSpec spec) => Steps.FirstOrDefault(s => s.Is(spec));
}

/// <summary>A [MultiTaskPretraining]: weighted member tasks on one shared encoder.</summary>
internal sealed record MultiTaskModel(
    TypeModel Type,
    string TaskName,
    EncoderModel Encoder,
    AttributeModel Optimizer,
    AttributeModel Schedule,
    AttributeModel Training,
    AttributeModel? FineTune,
    EquatableArray<MemberTaskModel> Members)
    : TaskModel(Type, TaskName, Encoder, Optimizer, Schedule, Training, FineTune);
