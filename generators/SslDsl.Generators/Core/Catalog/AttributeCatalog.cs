using System.Collections.Immutable;
using System.Linq;
using System.Reflection;

namespace SslDsl.Generators;

/// <summary>
/// Every attribute of the DSL with its parameters, defaults (identical to the runtime attribute
/// classes; a test checks this by reflection), ranges and the diagnostic each range violation raises.
/// The parser, the validator, the emitters and Describe() all read it, so a parameter is declared once.
/// Code names an attribute and its parameters through the typed members (<c>PatchMask.Ratio</c> with
/// <c>using static SslDsl.Generators.AttributeCatalog;</c>); the entries are split by role over the
/// AttributeCatalog.*.cs files.
/// </summary>
internal static partial class AttributeCatalog
{
    private const Modality JointModalities = Modality.Image | Modality.Tabular | Modality.Series;

    // A static constructor runs after the field initializers of every part of the class, so every entry
    // exists here; each public static AttributeSpec field is an entry (declaring the field is enough).
    static AttributeCatalog() => All = typeof(AttributeCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => typeof(AttributeSpec).IsAssignableFrom(f.FieldType))
        .Select(f => (AttributeSpec)f.GetValue(null)!)
        .ToImmutableDictionary(s => s.Name);

    /// <summary>All attributes, by short name. A test checks that every runtime attribute class is here.</summary>
    public static ImmutableDictionary<string, AttributeSpec> All { get; }

    /// <summary>The attribute with full metadata name <paramref name="metadataName"/>, or null when it is not ours.</summary>
    public static AttributeSpec? ByMetadataName(string? metadataName)
    {
        if (metadataName is null || !metadataName.StartsWith("SslDsl.", System.StringComparison.Ordinal) || !metadataName.EndsWith("Attribute", System.StringComparison.Ordinal))
        {
            return null;
        }

        string shortName = metadataName.Substring(7, metadataName.Length - 7 - 9);
        return All.TryGetValue(shortName, out var spec) ? spec : null;
    }

    /// <summary>Whether <paramref name="objective"/> compares two or more views: a joint-embedding, self-distillation or clustering objective.</summary>
    public static bool IsJointEmbedding(AttributeSpec objective) =>
        objective is ObjectiveSpec { Family: ObjectiveFamily.JointEmbedding or ObjectiveFamily.SelfDistillation or ObjectiveFamily.Clustering };

    /// <summary>Whether <paramref name="objective"/> can compare multi-crop views of two sizes (it encodes each size apart).</summary>
    public static bool TakesMultiCrop(AttributeSpec objective) =>
        objective is ObjectiveSpec { Family: ObjectiveFamily.SelfDistillation or ObjectiveFamily.Clustering };

    /// <summary>Whether a step's effect is random (so two views differ).</summary>
    public static bool IsRandom(AttributeSpec step) => !ReferenceEquals(step, Normalize);

    /// <summary>Every attribute of <paramref name="category"/>, by name.</summary>
    public static ImmutableArray<AttributeSpec> InCategory(AttributeCategory category) =>
        All.Values.Where(a => a.Category == category).OrderBy(a => a.Name, System.StringComparer.Ordinal).ToImmutableArray();
}
