using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using SslDsl.Generators;

namespace SslDsl.Analyzers.CodeFixes;

/// <summary>
/// Applies repairs to a document in one pass: every target is found in the original tree first, then the
/// edits are made through one <see cref="DocumentEditor"/>, so repairs of several diagnostics (Fix All) never
/// undo each other. The same edit asked twice (two diagnostics that both declare Channels = 3) is made once;
/// attributes added next to the same attribute keep the order they were asked in. Names are written
/// global::-qualified and simplified, so they read as the user would write them where the usings allow.
/// </summary>
internal static class RepairEditor
{
    /// <summary><paramref name="document"/> with <paramref name="repairs"/> applied.</summary>
    public static async Task<Document> ApplyAsync(Document document, IEnumerable<Repair> repairs, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var edits = repairs.SelectMany(r => r.Edits).Distinct().ToList();
        var removed = new HashSet<AttributeSyntax>(edits.Where(e => e.Kind == RepairKind.RemoveAttribute).Select(e => AttributeAt(root, e.Target)).OfType<AttributeSyntax>());
        foreach (var attribute in removed)
        {
            RemoveAttribute(editor, attribute);
        }

        foreach (var group in edits.Where(e => e.Kind is RepairKind.SetArgument or RepairKind.RemoveArgument).GroupBy(e => AttributeAt(root, e.Target)))
        {
            if (group.Key is { } attribute && !removed.Contains(attribute))
            {
                var argumentEdits = group.ToList();
                editor.ReplaceNode(attribute, (current, _) => argumentEdits.Aggregate((AttributeSyntax)current, AttributeArguments.Apply));
            }
        }

        foreach (var group in edits.Where(e => e.Kind is RepairKind.AddAttributeAfter or RepairKind.AddAttributeBefore).GroupBy(e => (List: AttributeAt(root, e.Target)?.Parent as AttributeListSyntax, e.Kind)))
        {
            if (group.Key.List is { } anchor)
            {
                var lists = group.Select(e => AttributeLists.Create(e.Name, e.Text, anchor)).ToList();
                if (group.Key.Kind == RepairKind.AddAttributeAfter)
                {
                    editor.InsertAfter(anchor, lists);
                }
                else
                {
                    editor.InsertBefore(anchor, lists);
                }
            }
        }

        foreach (var edit in edits.Where(e => e.Kind == RepairKind.AddMember))
        {
            if (NodeAt(root, edit.Target)?.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type && SyntaxFactory.ParseMemberDeclaration(edit.Text) is { } member)
            {
                editor.InsertMembers(type, 0, new[] { member.WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation) });
            }
        }

        foreach (var edit in edits.Where(e => e.Kind == RepairKind.MakeStatic))
        {
            if (NodeAt(root, edit.Target)?.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member)
            {
                editor.SetModifiers(member, editor.Generator.GetModifiers(member).WithIsStatic(true));
            }
        }

        var changed = editor.GetChangedDocument();
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The attribute at <paramref name="location"/> (the attribute itself or one of its arguments), or null.</summary>
    private static AttributeSyntax? AttributeAt(SyntaxNode root, Location location) =>
        root.FindNode(location.SourceSpan).FirstAncestorOrSelf<AttributeSyntax>();

    /// <summary>The node whose first token is at <paramref name="location"/> (a type's or member's name).</summary>
    private static SyntaxNode? NodeAt(SyntaxNode root, Location location) =>
        root.FindToken(location.SourceSpan.Start).Parent;

    /// <summary>
    /// Removes <paramref name="attribute"/>; its list too when it holds nothing else, with the line it stands on
    /// unless comments lead it (they stay).
    /// </summary>
    private static void RemoveAttribute(DocumentEditor editor, AttributeSyntax attribute)
    {
        if (attribute.Parent is not AttributeListSyntax list || list.Attributes.Count > 1)
        {
            editor.RemoveNode(attribute);
            return;
        }

        bool onlyWhitespace = list.GetLeadingTrivia().All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia));
        editor.RemoveNode(list, onlyWhitespace ? SyntaxRemoveOptions.KeepNoTrivia : SyntaxRemoveOptions.KeepLeadingTrivia);
    }
}
