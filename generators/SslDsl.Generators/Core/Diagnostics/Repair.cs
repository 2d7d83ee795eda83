using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SslDsl.Generators;

/// <summary>What one edit of a <see cref="Repair"/> does to the declaration.</summary>
internal enum RepairKind
{
    /// <summary>Sets argument <see cref="RepairEdit.Name"/> of the attribute at the target to <see cref="RepairEdit.Text"/> (a C# literal), adding it when it is not written.</summary>
    SetArgument,
    /// <summary>Removes argument <see cref="RepairEdit.Name"/> of the attribute at the target.</summary>
    RemoveArgument,
    /// <summary>Removes the attribute at the target (its list too when it holds nothing else).</summary>
    RemoveAttribute,
    /// <summary>Adds <c>[Name(Text)]</c> in its own list right after the list holding the attribute at the target.</summary>
    AddAttributeAfter,
    /// <summary>Adds <c>[Name(Text)]</c> in its own list right before the list holding the attribute at the target.</summary>
    AddAttributeBefore,
    /// <summary>Adds the member <see cref="RepairEdit.Text"/> (C# with global::-qualified names) first in the type whose name is at the target.</summary>
    AddMember,
    /// <summary>Makes the member whose name is at the target static.</summary>
    MakeStatic,
}

/// <summary>
/// One edit of a repair. <paramref name="Target"/> is the attribute, argument or name the edit works on; it
/// lies in the file of the diagnostic.
/// </summary>
/// <param name="Kind">What the edit does.</param>
/// <param name="Target">Where: an attribute (or one of its arguments), a type's or member's name.</param>
/// <param name="Name">The argument's property name (SetArgument, RemoveArgument) or the attribute's short name (AddAttribute*).</param>
/// <param name="Position">The argument's constructor position, or -1 for a named property (SetArgument).</param>
/// <param name="Text">The literal (SetArgument), the argument list without parentheses (AddAttribute*) or the member (AddMember).</param>
internal sealed record RepairEdit(RepairKind Kind, Location Target, string Name = "", int Position = -1, string Text = "");

/// <summary>
/// A repair of a diagnostic that the code fix offers as one action: a title that says what it does, and its
/// edits. The validator builds repairs where it finds the problem (it knows the nearest valid value, the
/// divisor, the missing attribute); the code fix applies them. A diagnostic's first repair is its primary one
/// (<see cref="Alternative"/> null): Fix All of a primary repair repairs every diagnostic of the ID, each
/// with its own primary repair. Alternatives are named, and Fix All applies an alternative where it is offered.
/// </summary>
internal sealed class Repair
{
    public Repair(string title, string? alternative, IEnumerable<RepairEdit> edits)
    {
        Title = title;
        Alternative = alternative;
        Edits = edits.ToImmutableArray();
    }

    /// <summary>The action's title, e.g. "Clamp P to 1.0".</summary>
    public string Title { get; }

    /// <summary>Null for the primary repair; else the name of this alternative (e.g. "DeclareColor").</summary>
    public string? Alternative { get; }

    /// <summary>The edits, applied together.</summary>
    public ImmutableArray<RepairEdit> Edits { get; }

    /// <summary>The code action's equivalence key for diagnostic <paramref name="id"/>: the ID, or "ID.Alternative".</summary>
    public string EquivalenceKey(string id) => Alternative is null ? id : id + "." + Alternative;

    /// <summary>This repair as an alternative named <paramref name="name"/>.</summary>
    public Repair As(string name) => new(Title, name, Edits);

    /// <summary>Sets <paramref name="p"/> of the attribute at <paramref name="attribute"/> to <paramref name="literal"/>.</summary>
    public static Repair Set(string title, Location attribute, ParamSpec p, string literal) =>
        new(title, null, new[] { SetEdit(attribute, p, literal) });

    /// <summary>The edit that sets <paramref name="p"/> of the attribute at <paramref name="attribute"/> to <paramref name="literal"/>.</summary>
    public static RepairEdit SetEdit(Location attribute, ParamSpec p, string literal) =>
        new(RepairKind.SetArgument, attribute, p.Name, p.Positional, literal);

    /// <summary>Removes argument <paramref name="p"/> of the attribute at <paramref name="attribute"/>.</summary>
    public static Repair RemoveArgument(string title, Location attribute, ParamSpec p) =>
        new(title, null, new[] { new RepairEdit(RepairKind.RemoveArgument, attribute, p.Name) });

    /// <summary>Removes the attribute at <paramref name="attribute"/>.</summary>
    public static Repair RemoveAttribute(string title, Location attribute) =>
        new(title, null, new[] { new RepairEdit(RepairKind.RemoveAttribute, attribute) });

    /// <summary>Adds <c>[Name(arguments)]</c> after the attribute at <paramref name="anchor"/>.</summary>
    public static Repair AddAfter(Location anchor, AttributeSpec spec, string arguments = "") =>
        new($"Add {Written(spec, arguments)}", null, new[] { AddEdit(anchor, after: true, spec, arguments) });

    /// <summary>The edit that adds <c>[Name(arguments)]</c> next to the attribute at <paramref name="anchor"/>.</summary>
    public static RepairEdit AddEdit(Location anchor, bool after, AttributeSpec spec, string arguments) =>
        new(after ? RepairKind.AddAttributeAfter : RepairKind.AddAttributeBefore, anchor, spec.Name, -1, arguments);

    /// <summary>The attribute as the user would write it: <c>[Views(2)]</c>, <c>[ByolLoss]</c>.</summary>
    public static string Written(AttributeSpec spec, string arguments = "") =>
        arguments.Length == 0 ? $"[{spec.Name}]" : $"[{spec.Name}({arguments})]";
}
