using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using SslDsl.Tests.DataTests;
using Xunit;

namespace SslDsl.Tests.TextTests;

/// <summary>The hand-written pre-tokenizer splits exactly like GPT-2's regular expression.</summary>
public class PreTokenizerTests
{
    private static readonly Regex Gpt2 = new(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+", RegexOptions.CultureInvariant);

    private static string[] Reference(string text) => Gpt2.Matches(text).Select(m => m.Value).ToArray();

    [Theory]
    [InlineData("Hello world", new[] { "Hello", " world" })]
    [InlineData("it's we're they'll I'd", new[] { "it", "'s", " we", "'re", " they", "'ll", " I", "'d" })]
    // "\n\nc": a whitespace run followed by a word keeps its last character back ("\n"), which is not a space, so it stands alone.
    [InlineData("a  b\n\nc ", new[] { "a", " ", " b", "\n", "\n", "c", " " })]
    [InlineData("x 123!? 'y", new[] { "x", " 123", "!?", " '", "y" })]
    public void SplitsLikeTheHandReadRule(string text, string[] expected)
    {
        Assert.Equal(expected, PreTokenizer.Split(text).ToArray());
        Assert.Equal(expected, Reference(text));
    }

    [Fact]
    public void AgreesWithTheRegularExpressionOnRandomText()
    {
        const string alphabet = "ab Zé中1٣'sldtrmv\t\n\r !?.,-😀\u0301\u00a0\u2028xyz";
        var rng = new Random(11);
        for (int trial = 0; trial < 2000; trial++)
        {
            var sb = new StringBuilder();
            int length = rng.Next(0, 30);
            for (int k = 0; k < length; k++)
            {
                sb.Append(alphabet[rng.Next(alphabet.Length)]);
            }

            string text = sb.ToString();
            Assert.Equal(Reference(text), PreTokenizer.Split(text).ToArray());
        }
    }

    [Fact]
    [Trait("Data", "Real")]
    public void RealData_AgreesWithTheRegularExpressionOnTheFortunes()
    {
        var fortunes = TextCorpus.LoadFortunes(RealData.FortunesDirectory(), limit: 3000);
        foreach (var text in fortunes)
        {
            Assert.Equal(Reference(text), PreTokenizer.Split(text).ToArray());
        }
    }
}
