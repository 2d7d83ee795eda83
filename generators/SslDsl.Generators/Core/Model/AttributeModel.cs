using System;
using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// An attribute of a task with every parameter resolved (defaults filled in from the catalog), in
/// catalog order. Values are read through the catalog's typed parameters, e.g.
/// <c>mask.Get(AttributeCatalog.PatchMask.Ratio)</c>: a misspelt parameter does not compile.
/// </summary>
/// <param name="Spec">Its catalog entry (a singleton, compared by reference).</param>
/// <param name="Args">One value per parameter of <paramref name="Spec"/>, in the same order.</param>
internal sealed record AttributeModel(AttributeSpec Spec, EquatableArray<ArgValue> Args)
{
    /// <summary>Short attribute name, e.g. RandomResizedCrop.</summary>
    public string Name => Spec.Name;

    /// <summary>Whether this is the attribute <paramref name="spec"/>.</summary>
    public bool Is(AttributeSpec spec) => ReferenceEquals(Spec, spec);

    /// <summary>The value of <paramref name="p"/>.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="p"/> belongs to another attribute (a bug in the generator).</exception>
    public ArgValue Value(ParamSpec p) => Args[Index(p)];

    /// <summary>This attribute with <paramref name="p"/> set to <paramref name="value"/>.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="p"/> belongs to another attribute (a bug in the generator).</exception>
    public AttributeModel With(ParamSpec p, ArgValue value)
    {
        int index = Index(p);
        return this with { Args = Args.Select((a, i) => i == index ? value : a).ToEquatableArray() };
    }

    /// <summary>The C# literal of a parameter.</summary>
    public string Literal(ParamSpec p) => Value(p).Literal;

    /// <summary>Whether the user wrote <paramref name="p"/>.</summary>
    public bool IsExplicit(ParamSpec p) => Value(p).IsExplicit;

    /// <summary>An int parameter (0 for a required one that was not written, or a value out of range).</summary>
    public int Get(IntParam p)
    {
        double v = Value(p).Number;
        return double.IsNaN(v) || v > int.MaxValue || v < int.MinValue ? 0 : (int)v;
    }

    /// <summary>A long parameter.</summary>
    public long Get(LongParam p) => (long)Value(p).Number;

    /// <summary>A double parameter.</summary>
    public double Get(DoubleParam p) => Value(p).Number;

    /// <summary>A bool parameter.</summary>
    public bool Get(BoolParam p) => Value(p).Number != 0;

    /// <summary>The member name of an enum parameter, e.g. AdamW.</summary>
    public string Get(EnumParam p) => Value(p).Text ?? p.Default;

    /// <summary>The elements of an array parameter.</summary>
    public EquatableArray<double> Get(DoubleArrayParam p) => Value(p).Numbers;

    /// <summary>A string parameter ("" when unreadable).</summary>
    public string Get(StringParam p) => Value(p).Text ?? "";

    /// <summary>The display name of a type parameter, or null.</summary>
    public string? Get(TypeParam p) => Value(p).Text;

    private int Index(ParamSpec p)
    {
        int index = Spec.Params.IndexOf(p);
        if (index < 0 || index >= Args.Count)
        {
            throw new InvalidOperationException($"{Name} has no parameter {p}.");
        }

        return index;
    }
}
