using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// Writes the catalog's sentences into the runtime attributes' doc comments (src/SslDsl/Attributes/*.cs), for
/// SSLDSL_ACCEPT_DOCS=1: a property's summary becomes its description, then a line with the sentences; a
/// constructor parameter's param element becomes its description followed by the sentences. Sentences
/// written before are replaced (they start at "Default:").
/// </summary>
internal static class AttributeDocWriter
{
    private static readonly Regex Summary = new(@"<summary>(?<text>.*?)</summary>", RegexOptions.Singleline);

    /// <summary>Rewrites the doc comments of <paramref name="targets"/> in the files of <paramref name="folder"/>.</summary>
    public static void Write(string folder, IReadOnlyList<AttributeDocTarget> targets)
    {
        foreach (string path in Directory.GetFiles(folder, "*.cs"))
        {
            string text = File.ReadAllText(path);
            var root = CSharpSyntaxTree.ParseText(text).GetRoot();
            var edits = new List<(TextSpanLike Span, string Text)>();
            foreach (var type in root.DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                foreach (var target in targets.Where(t => t.Type.Name == type.Identifier.ValueText))
                {
                    var member = target.Property is not null
                        ? (MemberDeclarationSyntax?)type.Members.OfType<PropertyDeclarationSyntax>().FirstOrDefault(p => p.Identifier.ValueText == target.Property.Name)
                        : type.Members.OfType<ConstructorDeclarationSyntax>().FirstOrDefault(c => c.ParameterList.Parameters.Count == target.Constructor!.GetParameters().Length);
                    if (member is not null && Rewrite(text, member, target) is { } edit)
                    {
                        edits.Add(edit);
                    }
                }
            }

            foreach (var (span, replacement) in edits.OrderByDescending(e => e.Span.Start))
            {
                text = text.Substring(0, span.Start) + replacement + text.Substring(span.Start + span.Length);
            }

            File.WriteAllText(path, text);
        }
    }

    private static (TextSpanLike, string)? Rewrite(string text, MemberDeclarationSyntax member, AttributeDocTarget target)
    {
        var doc = member.GetLeadingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia));
        if (doc == default)
        {
            return null;
        }

        // The comment runs from the indentation of its first line to the end of its last line.
        int start = text.LastIndexOf('\n', doc.FullSpan.Start) + 1;
        string indent = text.Substring(start, doc.FullSpan.Start - start);
        string comment = text.Substring(start, doc.FullSpan.End - start);
        string body = string.Join("\n", comment.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => l.StartsWith("///", StringComparison.Ordinal) ? l.Substring(3).Trim() : l));
        string sentences = Escape(target.Sentences);
        string rewritten;
        if (target.Property is not null)
        {
            var match = Summary.Match(body);
            string description = Description(match.Success ? match.Groups["text"].Value : "");
            string rest = match.Success ? body.Substring(match.Index + match.Length).Trim() : body;
            var lines = new List<string> { "<summary>" };
            lines.AddRange(description.Split('\n'));
            lines.Add(sentences);
            lines.Add("</summary>");
            lines.AddRange(rest.Split('\n').Where(l => l.Length > 0));
            rewritten = string.Concat(lines.Select(l => indent + "/// " + l + "\n"));
        }
        else
        {
            var param = new Regex($@"<param name=""{target.Parameter}"">(?<text>.*?)</param>", RegexOptions.Singleline);
            var match = param.Match(body);
            string element = $"<param name=\"{target.Parameter}\">{Description(match.Success ? match.Groups["text"].Value : "").Replace("\n", " ")} {sentences}</param>";
            string updated = match.Success ? body.Substring(0, match.Index) + element + body.Substring(match.Index + match.Length) : body + "\n" + element;
            rewritten = string.Concat(updated.Split('\n').Select(l => indent + "/// " + l + "\n"));
        }

        return (new TextSpanLike(start, doc.FullSpan.End - start), rewritten.TrimEnd('\n') + (text[doc.FullSpan.End - 1] == '\n' ? "\n" : ""));
    }

    /// <summary>The description: the text before any sentences written earlier, lines trimmed.</summary>
    private static string Description(string text)
    {
        int at = text.IndexOf("Default:", StringComparison.Ordinal);
        string description = at < 0 ? text : text.Substring(0, at);
        return string.Join("\n", description.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private readonly record struct TextSpanLike(int Start, int Length);
}
