using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using SslDsl.Generators;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// Where the XML doc of an attribute argument lives: a property's summary (shared by every attribute that
/// inherits it, as P of the steps and Weight of the objectives), or a constructor parameter's param element.
/// </summary>
/// <param name="Type">The runtime class that declares the member.</param>
/// <param name="Property">The property, or null for a constructor parameter.</param>
/// <param name="Constructor">The constructor, or null for a property.</param>
/// <param name="Parameter">The constructor parameter's name, or null.</param>
/// <param name="Params">The catalog parameters documented there (several for an inherited property).</param>
internal sealed record AttributeDocTarget(Type Type, PropertyInfo? Property, ConstructorInfo? Constructor, string? Parameter, IReadOnlyList<ParamSpec> Params)
{
    /// <summary>The member's ID in the XML documentation file, e.g. P:SslDsl.AugmentationAttribute.P.</summary>
    public string MemberId => Property is not null
        ? $"P:{Type.FullName}.{Property.Name}"
        : $"M:{Type.FullName}.#ctor({string.Join(",", Constructor!.GetParameters().Select(p => p.ParameterType.FullName))})";

    /// <summary>The sentences the doc must end with.</summary>
    public string Sentences => ParamDocs.Sentences(Params);

    /// <inheritdoc />
    public override string ToString() => Parameter is null ? MemberId : $"{MemberId} {Parameter}";

    /// <summary>
    /// Every target: each catalog parameter's property (where it is declared) and, for a constructor argument,
    /// the constructor parameter too, since a hover on a positional argument shows the parameter's doc.
    /// </summary>
    public static IReadOnlyList<AttributeDocTarget> All()
    {
        var runtime = typeof(PretextTaskAttribute).Assembly;
        var properties = new List<(Type Type, PropertyInfo Property, ParamSpec Param)>();
        var targets = new List<AttributeDocTarget>();
        foreach (var spec in AttributeCatalog.All.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var type = runtime.GetType(spec.MetadataName) ?? throw new InvalidOperationException($"No runtime class {spec.MetadataName}.");
            var positional = spec.Params.Where(p => p.Positional >= 0).OrderBy(p => p.Positional).ToArray();
            var constructor = type.GetConstructors().Single(c => c.GetParameters().Length == positional.Length);
            foreach (var p in spec.Params)
            {
                var property = type.GetProperty(p.Name, BindingFlags.Public | BindingFlags.Instance) ?? throw new InvalidOperationException($"No property {type.Name}.{p.Name}.");
                properties.Add((property.DeclaringType!, property, p));
                if (p.Positional >= 0)
                {
                    targets.Add(new AttributeDocTarget(type, null, constructor, constructor.GetParameters()[p.Positional].Name, new[] { p }));
                }
            }
        }

        targets.AddRange(properties
            .GroupBy(p => (p.Type, p.Property.Name))
            .Select(g => new AttributeDocTarget(g.Key.Type, g.First().Property, null, null, g.Select(x => x.Param).ToList())));
        return targets.OrderBy(t => t.ToString(), StringComparer.Ordinal).ToList();
    }
}
