namespace SslDsl.Generators;

/// <summary>Where the task class is declared, enough to reopen it as a partial class.</summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="Name">The class name.</param>
/// <param name="Keyword">"class" or "record".</param>
/// <param name="ContainingTypes">Declarations of enclosing types, outermost first (e.g. "partial class Outer").</param>
/// <param name="FullyQualifiedName">global::-qualified name.</param>
internal sealed record TypeModel(string? Namespace, string Name, string Keyword, EquatableArray<string> ContainingTypes, string FullyQualifiedName);

/// <summary>The encoder: a user member or a built-in backbone.</summary>
/// <param name="MemberName">The [Encoder] member's name, or null for a backbone.</param>
/// <param name="IsProperty">Whether the member is a property.</param>
/// <param name="OutputDim">Width of the representation.</param>
/// <param name="Backbone">The [Backbone] attribute, or null.</param>
internal sealed record EncoderModel(string? MemberName, bool IsProperty, int OutputDim, AttributeModel? Backbone);

/// <summary>One member task of a multi-task pretraining.</summary>
/// <param name="TypeName">global::-qualified name of the member task class.</param>
/// <param name="TaskName">Its [PretextTask] name.</param>
/// <param name="WeightLiteral">Its weight as a C# literal.</param>
/// <param name="Weight">Its weight.</param>
/// <param name="Input">The member's input attribute name (ImageInput ...).</param>
/// <param name="HasMomentum">Whether the member's model needs a second encoder instance as momentum target.</param>
internal sealed record MemberTaskModel(string TypeName, string TaskName, string WeightLiteral, double Weight, string Input, bool HasMomentum);

/// <summary>
/// Everything the generator needs to emit one task, as plain equatable data (no symbols, no
/// syntax, no locations), so the incremental pipeline caches it between edits.
/// </summary>
internal sealed record TaskModel(
    TypeModel Type,
    string TaskName,
    bool IsMultiTask,
    AttributeModel? Input,
    EncoderModel? Encoder,
    int Views,
    EquatableArray<AttributeModel> Steps,
    EquatableArray<AttributeModel> Heads,
    EquatableArray<AttributeModel> Objectives,
    AttributeModel Optimizer,
    AttributeModel Schedule,
    AttributeModel Training,
    AttributeModel? FineTune,
    EquatableArray<MemberTaskModel> Members)
{
    /// <summary>The head named <paramref name="name"/>, or null.</summary>
    public AttributeModel? Head(string name)
    {
        foreach (var h in Heads)
        {
            if (h.Name == name)
            {
                return h;
            }
        }

        return null;
    }

    /// <summary>The objective named <paramref name="name"/>, or null.</summary>
    public AttributeModel? Objective(string name)
    {
        foreach (var o in Objectives)
        {
            if (o.Name == name)
            {
                return o;
            }
        }

        return null;
    }

    /// <summary>Whether a step named <paramref name="name"/> is declared.</summary>
    public bool HasStep(string name)
    {
        foreach (var s in Steps)
        {
            if (s.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}
