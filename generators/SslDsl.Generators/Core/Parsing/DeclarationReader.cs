using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SslDsl.Generators;

/// <summary>Reads the task class's declaration: where it stands, whether it is partial, how to reopen it, and syntax errors in it.</summary>
internal static class DeclarationReader
{
    /// <summary>Namespace-qualified metadata name of a type (e.g. SslDsl.ViewsAttribute), or null for error types.</summary>
    public static string? MetadataName(INamedTypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return null;
        }

        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? type.MetadataName : ns.ToDisplayString() + "." + type.MetadataName;
    }

    /// <summary>Whether the attribute's class resolves (not a typo, a missing using or half-typed code).</summary>
    public static bool Resolves(AttributeData attribute) => attribute.AttributeClass is { TypeKind: not TypeKind.Error };

    /// <summary>
    /// Whether an attribute that allows one use (its [AttributeUsage], inherited from its base class) is applied
    /// more than once: the compiler rejects the declaration (CS0579), so the generator must not read it.
    /// </summary>
    public static bool RepeatsASingleUseAttribute(ImmutableArray<AttributeData> attributes) =>
        attributes
            .Where(a => a.AttributeClass is { TypeKind: not TypeKind.Error })
            .GroupBy(a => a.AttributeClass!, SymbolEqualityComparer.Default)
            .Any(g => g.Count() > 1 && !AllowsMultiple((INamedTypeSymbol)g.Key!));

    /// <summary>The AllowMultiple of the [AttributeUsage] on <paramref name="attributeClass"/> or its nearest base that has one (false without).</summary>
    private static bool AllowsMultiple(INamedTypeSymbol attributeClass)
    {
        for (var t = attributeClass; t is not null; t = t.BaseType)
        {
            var usage = t.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.AttributeUsageAttribute");
            if (usage is not null)
            {
                return usage.NamedArguments.Any(n => n.Key == "AllowMultiple" && n.Value.Value is true);
            }
        }

        return false;
    }

    /// <summary>Whether a declaration of the class misses its name or has a syntax error in its attribute lists.</summary>
    public static bool HasSyntaxErrors(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration &&
                (declaration.Identifier.IsMissing || declaration.AttributeLists.Any(l => l.ContainsDiagnostics)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The class identifier of the declaration that carries the task attribute (a partial class may have
    /// several declarations, some generated); the first declaration's when none does.
    /// </summary>
    public static Location IdentifierLocation(INamedTypeSymbol type, ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        foreach (var attribute in attributes)
        {
            if (MetadataName(attribute.AttributeClass) is TaskParser.PretextTaskAttribute or TaskParser.MultiTaskAttribute &&
                attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is { } owner)
            {
                return owner.Identifier.GetLocation();
            }
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is BaseTypeDeclarationSyntax declaration)
            {
                return declaration.Identifier.GetLocation();
            }
        }

        return type.Locations.FirstOrDefault() ?? Location.None;
    }

    /// <summary>The task class and its enclosing types that are not declared partial, outermost first.</summary>
    public static IEnumerable<string> NonPartialTypes(INamedTypeSymbol type)
    {
        var names = new List<string>();
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            bool partial = t.DeclaringSyntaxReferences.Length > 0 && t.DeclaringSyntaxReferences.All(r =>
                r.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)));
            if (!partial)
            {
                names.Insert(0, t.Name);
            }
        }

        return names;
    }

    /// <summary>What the generator needs to reopen the class as a partial declaration.</summary>
    public static TypeModel TypeModel(INamedTypeSymbol type)
    {
        var containing = new List<string>();
        for (var t = type.ContainingType; t is not null; t = t.ContainingType)
        {
            containing.Insert(0, $"partial {Keyword(t)} {t.Name}{TypeParameters(t)}");
        }

        string? ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        return new TypeModel(ns, type.Name, Keyword(type), containing.ToEquatableArray(), type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), TypeParameters(type));
    }

    private static string Keyword(INamedTypeSymbol t) =>
        t.IsRecord ? (t.IsValueType ? "record struct" : "record") : t.TypeKind == TypeKind.Struct ? "struct" : t.TypeKind == TypeKind.Interface ? "interface" : "class";

    private static string TypeParameters(INamedTypeSymbol t) =>
        t.TypeParameters.Length == 0 ? "" : "<" + string.Join(", ", t.TypeParameters.Select(p => p.Name)) + ">";
}
