using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SslDsl;

/// <summary>
/// Splits text into the pieces BPE merges stay inside (GPT-2's rule): English contractions, runs of letters,
/// of digits, of other symbols (each optionally led by one space), and runs of whitespace.
/// The pieces cover the text exactly, in order, so joining them gives the text back.
/// </summary>
internal static partial class PreTokenizer
{
    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The pieces of <paramref name="text"/>, in order.</summary>
    public static IEnumerable<string> Split(string text)
    {
        foreach (Match m in Pattern().Matches(text))
        {
            yield return m.Value;
        }
    }
}
