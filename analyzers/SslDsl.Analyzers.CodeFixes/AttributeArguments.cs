using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SslDsl.Generators;

namespace SslDsl.Analyzers.CodeFixes;

/// <summary>Sets and removes one argument of an attribute, keeping the others and their layout.</summary>
internal static class AttributeArguments
{
    /// <summary><paramref name="attribute"/> after a SetArgument or RemoveArgument <paramref name="edit"/>.</summary>
    public static AttributeSyntax Apply(AttributeSyntax attribute, RepairEdit edit) => edit.Kind switch
    {
        RepairKind.SetArgument => Set(attribute, edit.Name, edit.Position, edit.Text),
        RepairKind.RemoveArgument => Remove(attribute, edit.Name),
        _ => attribute,
    };

    /// <summary>
    /// Argument <paramref name="name"/> (constructor argument number <paramref name="position"/>, or a named
    /// property when it is -1) set to <paramref name="literal"/>; a property not written yet is added last.
    /// </summary>
    public static AttributeSyntax Set(AttributeSyntax attribute, string name, int position, string literal)
    {
        var value = SyntaxFactory.ParseExpression(literal);
        if (Find(attribute, name, position) is { } argument)
        {
            return attribute.ReplaceNode(argument, argument.WithExpression(value.WithTriviaFrom(argument.Expression)));
        }

        if (position >= 0)
        {
            // A constructor argument is always written when the attribute binds; there is nothing to set.
            return attribute;
        }

        var added = SyntaxFactory.ParseAttributeArgumentList($"({name} = {literal})")!.Arguments[0];
        if (attribute.ArgumentList is not { Arguments.Count: > 0 } list)
        {
            return attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(added)));
        }

        var separators = list.Arguments.GetSeparators().Append(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        return attribute.WithArgumentList(list.WithArguments(SyntaxFactory.SeparatedList(list.Arguments.Append(added), separators)));
    }

    /// <summary>Argument <paramref name="name"/> removed, and the parentheses with it when it was the only one.</summary>
    public static AttributeSyntax Remove(AttributeSyntax attribute, string name)
    {
        if (attribute.ArgumentList is not { } list || Find(attribute, name, -1) is not { } argument)
        {
            return attribute;
        }

        var arguments = list.Arguments.Remove(argument);
        return arguments.Count == 0
            ? attribute.WithArgumentList(null).WithTrailingTrivia(attribute.GetTrailingTrivia())
            : attribute.WithArgumentList(list.WithArguments(arguments));
    }

    /// <summary>The argument written for <paramref name="name"/>: named (Name = v), by constructor name (name: v) or by position.</summary>
    private static AttributeArgumentSyntax? Find(AttributeSyntax attribute, string name, int position)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var named = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name ||
            string.Equals(a.NameColon?.Name.Identifier.ValueText, name, StringComparison.OrdinalIgnoreCase));
        if (named is not null || position < 0)
        {
            return named;
        }

        var positional = arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        return position < positional.Count ? positional[position] : null;
    }
}
