using System;
using System.Collections.Generic;
using System.Linq;

namespace SslDsl;

/// <summary>Caption templates with a <c>{name}</c> slot, as CLIP's zero-shot prompts ("a photo of a {name}").</summary>
public static class PromptTemplates
{
    /// <summary>The slot a template names the class with.</summary>
    public const string Slot = "{name}";

    /// <summary>CLIP's basic prompt.</summary>
    public const string Photo = "a photo of a {name}";

    /// <summary>The template with its slot filled by <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The template has no <c>{name}</c> slot.</exception>
    public static string Fill(string template, string name)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(name);
        if (!template.Contains(Slot, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Prompt template \"{template}\" has no {Slot} slot for the class name; write it as \"a photo of a {Slot}\".", nameof(template));
        }

        return template.Replace(Slot, name, StringComparison.Ordinal);
    }

    /// <summary>Every prompt of every class: class c's prompts are rows c * T .. c * T + T - 1 (T templates).</summary>
    public static IReadOnlyList<string> Prompts(IReadOnlyList<string> classNames, IReadOnlyList<string> templates) =>
        classNames.SelectMany(name => templates.Select(t => Fill(t, name))).ToArray();
}
