using System.Collections.Generic;

namespace SslDsl;

/// <summary>
/// Splits text into the pieces BPE merges stay inside, by GPT-2's rule (the regular expression
/// <c>'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+</c>), written out as a scanner
/// because it is several times faster than the regular expression: English contractions, runs of letters, of digits
/// and of other symbols (each optionally led by one space), and runs of whitespace (a run followed by a word leaves
/// its last character to that word). The pieces cover the text exactly, in order.
/// </summary>
internal static class PreTokenizer
{
    private enum Kind
    {
        Letter,
        Number,
        Space,
        Other,
    }

    /// <summary>The pieces of <paramref name="text"/>, in order.</summary>
    public static IEnumerable<string> Split(string text)
    {
        int n = text.Length;
        int i = 0;
        while (i < n)
        {
            int end = NextEnd(text, i);
            yield return text.Substring(i, end - i);
            i = end;
        }
    }

    private static int NextEnd(string text, int i)
    {
        int n = text.Length;
        char c = text[i];
        if (c == '\'' && i + 1 < n)
        {
            char d = text[i + 1];
            if (d is 's' or 't' or 'm' or 'd')
            {
                return i + 2;
            }

            if (i + 2 < n && ((d == 'r' && text[i + 2] == 'e') || (d == 'v' && text[i + 2] == 'e') || (d == 'l' && text[i + 2] == 'l')))
            {
                return i + 3;
            }
        }

        var kind = KindOf(c);
        if (c == ' ' && i + 1 < n && KindOf(text[i + 1]) != Kind.Space)
        {
            return RunEnd(text, i + 1, KindOf(text[i + 1]));
        }

        if (kind != Kind.Space)
        {
            return RunEnd(text, i, kind);
        }

        int j = RunEnd(text, i, Kind.Space);
        if (j == n || j - i == 1)
        {
            return j;
        }

        // A whitespace run followed by a non-space: keep its last character for the next piece.
        return j - 1;
    }

    private static int RunEnd(string text, int i, Kind kind)
    {
        int j = i;
        while (j < text.Length && KindOf(text[j]) == kind)
        {
            j++;
        }

        return j;
    }

    private static Kind KindOf(char c) =>
        char.IsLetter(c) ? Kind.Letter
        : char.IsNumber(c) ? Kind.Number
        : char.IsWhiteSpace(c) ? Kind.Space
        : Kind.Other;
}
