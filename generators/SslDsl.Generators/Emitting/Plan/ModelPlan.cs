using System;
using System.Collections.Generic;
using System.Linq;

namespace SslDsl.Generators;

/// <summary>A module the generated Model holds.</summary>
/// <param name="Field">The registered field name (names the parameters in checkpoints).</param>
/// <param name="Property">The public property exposing it.</param>
/// <param name="Type">Its C# type.</param>
/// <param name="Initializer">The expression that creates it inside the Model constructor.</param>
/// <param name="Summary">XML doc summary.</param>
internal sealed record ModelMember(string Field, string Property, string Type, string Initializer, string Summary)
{
    /// <summary>The momentum target of the encoder: a second instance of it, passed to the Model's constructor.</summary>
    public static readonly ModelMember TargetEncoder = new(
        "targetEncoder",
        "TargetEncoder",
        "nn.Module<Tensor, Tensor>",
        "targetEncoder ?? throw new ArgumentNullException(nameof(targetEncoder))",
        "The momentum (EMA) copy of the encoder; never trained by gradients.")
    {
        CopiesWeightsOf = "encoder",
    };

    /// <summary>For a momentum target: the field of the online module whose weights it starts from.</summary>
    public string? CopiesWeightsOf { get; init; }
}

/// <summary>The modules the families add to the Model, in order; a field or property is never declared twice.</summary>
internal sealed class ModelPlan
{
    private readonly List<ModelMember> _members = new();

    /// <summary>The modules, in the order they were added.</summary>
    public IReadOnlyList<ModelMember> Members => _members;

    /// <summary>Whether the Model takes a second encoder instance as its momentum target.</summary>
    public bool TakesTargetEncoder => _members.Contains(ModelMember.TargetEncoder);

    /// <summary>Whether a module with the field name <paramref name="field"/> was added.</summary>
    public bool Has(string field) => _members.Any(m => m.Field == field);

    /// <summary>Adds <paramref name="member"/>.</summary>
    /// <exception cref="InvalidOperationException">Another module has its field or property name (two families collide).</exception>
    public void Add(ModelMember member)
    {
        if (member.Field == "encoder" || _members.Any(m => m.Field == member.Field || m.Property == member.Property))
        {
            throw new InvalidOperationException($"Two modules of the Model are named '{member.Property}'.");
        }

        _members.Add(member);
    }
}
