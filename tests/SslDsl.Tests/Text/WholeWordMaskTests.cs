using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.TextTests;

/// <summary>Whole-word masking: words hidden whole or not at all, the per-word rate, BERT's split, and the tokenizer's word starts.</summary>
public class WholeWordMaskTests
{
    private static readonly long[] Specials = { 0, 1, 2, 3 };

    /// <summary>Rows of [CLS], words of 1 to 4 tokens, [SEP], padding; starts mark the first token of each word and the specials.</summary>
    private static (long[] Ids, long[] Mask, long[] Starts, int[] Word) Words(int rows, int length, int seed)
    {
        var rng = new Random(seed);
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        var starts = new long[rows * length];
        var word = Enumerable.Repeat(-1, rows * length).ToArray();
        int next = 0;
        for (int r = 0; r < rows; r++)
        {
            int o = r * length;
            int real = length - (r % 7);
            ids[o] = 1;
            starts[o] = 1;
            int t = 1;
            while (t < real - 1)
            {
                int size = Math.Min(rng.Next(1, 5), real - 1 - t);
                for (int k = 0; k < size; k++)
                {
                    ids[o + t + k] = rng.Next(4, TokenBatches.Vocab);
                    starts[o + t + k] = k == 0 ? 1 : 0;
                    word[o + t + k] = next;
                }

                next++;
                t += size;
            }

            ids[o + real - 1] = 2;
            starts[o + real - 1] = 1;
            for (int j = 0; j < real; j++)
            {
                mask[o + j] = 1;
            }
        }

        return (ids, mask, starts, word);
    }

    private static (long[] Out, long[] Labels) Run(long[] ids, long[] mask, long[] starts, int rows, int length, double probability, double toMask, double toRandom, double p, ulong seed)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(seed);
        var result = TokenMasking.WholeWordMask(TokenBatches.Tensor(ids, rows, length), TokenBatches.Tensor(mask, rows, length), TokenBatches.Tensor(starts, rows, length),
            probability, toMask, toRandom, p, generator, maskId: 3, vocabSize: TokenBatches.Vocab, specialIds: Specials);
        return (result.Ids.data<long>().ToArray(), result.Labels.data<long>().ToArray());
    }

    [Fact]
    public void HidesEveryTokenOfASelectedWordAndNoneOfTheOthers()
    {
        const int rows = 64, length = 48;
        var (ids, mask, starts, word) = Words(rows, length, seed: 3);
        var (_, labels) = Run(ids, mask, starts, rows, length, 0.3, 0.8, 0.1, 1.0, seed: 5);
        var byWord = Enumerable.Range(0, ids.Length).Where(i => word[i] >= 0).GroupBy(i => word[i]).ToList();
        foreach (var w in byWord)
        {
            int hidden = w.Count(i => labels[i] != -100);
            Assert.True(hidden == 0 || hidden == w.Count(), $"word {w.Key}: {hidden} of its {w.Count()} tokens carry a label");
            Assert.All(w.Where(i => labels[i] != -100), i => Assert.Equal(ids[i], labels[i]));
        }

        Assert.All(Enumerable.Range(0, ids.Length).Where(i => word[i] < 0), i => Assert.Equal(-100, labels[i]));

        // Each of the ~700 words is selected with probability 0.3: the fraction is within 4 standard deviations.
        double selected = byWord.Count(w => labels[w.First()] != -100) / (double)byWord.Count;
        double sd = Math.Sqrt(0.3 * 0.7 / byWord.Count);
        Assert.InRange(selected, 0.3 - (4 * sd), 0.3 + (4 * sd));
    }

    [Fact]
    public void ReplacesTheSelectedTokensByBertsSplit()
    {
        const int rows = 128, length = 64;
        var (ids, mask, starts, _) = Words(rows, length, seed: 4);
        var (output, labels) = Run(ids, mask, starts, rows, length, 0.5, 0.8, 0.1, 1.0, seed: 6);
        var selected = Enumerable.Range(0, ids.Length).Where(i => labels[i] != -100).ToArray();
        double masked = selected.Count(i => output[i] == 3) / (double)selected.Length;
        double kept = selected.Count(i => output[i] == ids[i]) / (double)selected.Length;
        double sd = Math.Sqrt(0.8 * 0.2 / selected.Length);

        // A random replacement may draw the original id (1 in 46): kept = 0.1 + 0.1 / 46.
        Assert.InRange(masked, 0.8 - (4 * sd), 0.8 + (4 * sd));
        Assert.InRange(kept, 0.1 + (0.1 / 46) - (4 * sd), 0.1 + (0.1 / 46) + (4 * sd));
        Assert.All(selected, i => Assert.InRange(output[i], 3, TokenBatches.Vocab - 1));
        Assert.All(Enumerable.Range(0, ids.Length).Where(i => labels[i] == -100), i => Assert.Equal(ids[i], output[i]));
    }

    [Fact]
    public void SequencesNotTakenAndAZeroRateMaskNothing()
    {
        const int rows = 8, length = 32;
        var (ids, mask, starts, _) = Words(rows, length, seed: 7);
        Assert.All(Run(ids, mask, starts, rows, length, 0.5, 0.8, 0.1, 0.0, seed: 1).Labels, l => Assert.Equal(-100, l));
        Assert.All(Run(ids, mask, starts, rows, length, 0.0, 0.8, 0.1, 1.0, seed: 1).Labels, l => Assert.Equal(-100, l));
    }

    [Fact]
    public void ABatchWithoutWordStartsIsRejectedWithTheWayToGetThem()
    {
        using var ids = torch.arange(4, 16).view(2, 6).to(int64);
        using var mask = torch.ones(2, 6, int64);
        using var generator = new Generator(1);
        var e = Assert.Throws<ArgumentException>(() => TokenMasking.WholeWordMask(ids, mask, null, 0.15, 0.8, 0.1, 1, generator, 3, 30, Specials));
        Assert.Equal("wordStarts", e.ParamName);
        Assert.Contains("ByteLevelTokenizer.ToDataset", e.Message);
        Assert.Equal("replaceWithRandom", Assert.Throws<ArgumentOutOfRangeException>(() => TokenMasking.WholeWordMask(ids, mask, mask, 0.15, 0.8, 0.3, 1, generator, 3, 30, Specials)).ParamName);
    }

    [Fact]
    public void TheTokenizerMarksThePreTokenizersPiecesAsWords()
    {
        // The pieces of "Hi, you 42" by GPT-2's rule: "Hi", ",", " you", " 42"; with no merges every byte is a token.
        var tokenizer = ByteLevelTokenizer.BytesOnly();
        var (tokens, starts) = tokenizer.EncodeWords("Hi, you 42");
        Assert.Equal("Hi, you 42".Select(ch => 4 + ch).ToArray(), tokens);
        Assert.Equal(new[] { true, false, true, true, false, false, false, true, false, false }, starts);

        using var dataset = tokenizer.ToDataset(new[] { "Hi, you 42", "ab" }, maxLength: 8);
        var batch = dataset.Batches(2).Single();
        // Row 0 is cut to 6 tokens: [CLS] H i , ␠ y o [SEP]; row 1: [CLS] a b [SEP] [PAD] ...
        Assert.Equal(new long[] { 1, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0 }, batch.WordStarts!.data<long>().ToArray());
    }
}
