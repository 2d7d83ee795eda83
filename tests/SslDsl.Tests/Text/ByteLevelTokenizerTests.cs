using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SslDsl.Tests.DataTests;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.TextTests;

/// <summary>The byte-level BPE tokenizer: ids, hand-computed merges, round trips, files and datasets.</summary>
public class ByteLevelTokenizerTests
{
    private static readonly string[] Corpus =
    {
        "The quick brown fox jumps over the lazy dog.",
        "Über den Wolken muss die Freiheit wohl grenzenlos sein; café, naïve, résumé.",
        "東京は日本の首都です。北京是中国的首都。",
        "the the the then there these those theme thesis",
        "Emoji 😀 and tabs\tand\r\nnew lines\n\n  indented",
    };

    [Fact]
    public void SpecialIdsMatchTheTextInputDefaults()
    {
        var defaults = new TextInputAttribute();
        Assert.Equal(ByteLevelTokenizer.PadId, defaults.PadId);
        Assert.Equal(ByteLevelTokenizer.ClsId, defaults.ClsId);
        Assert.Equal(ByteLevelTokenizer.SepId, defaults.SepId);
        Assert.Equal(ByteLevelTokenizer.MaskId, defaults.MaskId);
        Assert.Equal(new long[] { 0, 1, 2, 3 }, ByteLevelTokenizer.SpecialIds);
        Assert.Equal(260, ByteLevelTokenizer.BytesOnly().VocabSize);
    }

    [Fact]
    public void BytesMapToIdsFourTo259()
    {
        var tokenizer = ByteLevelTokenizer.BytesOnly();
        // 'A' = 0x41 = 65 -> 69; 'é' = UTF-8 C3 A9 = 195, 169 -> 199, 173; byte 0 -> 4, byte 255 never occurs in UTF-8.
        Assert.Equal(new[] { 69 }, tokenizer.Encode("A"));
        Assert.Equal(new[] { 199, 173 }, tokenizer.Encode("é"));
        Assert.Equal(new[] { 4 }, tokenizer.Encode("\0"));
        Assert.Equal("Aé", tokenizer.Decode(new[] { 69, 199, 173 }));
    }

    [Fact]
    public void TrainingLearnsTheHandComputedMerges()
    {
        // Pieces: "ab", " ab", " ab", "abc". Pair counts: (a,b) 4, (' ',a) 2, (b,c) 1 -> merge (a,b) = 260.
        // Then: [260], [' ',260] x2, [260,c]: (' ',260) 2, (260,c) 1 -> merge (' ',260) = 261; (260,c) = 1 < minFrequency 2: stop.
        var tokenizer = ByteLevelTokenizer.Train(new[] { "ab ab ab", "abc" }, vocabSize: 300, minFrequency: 2);
        int a = 4 + 'a', b = 4 + 'b', c = 4 + 'c', space = 4 + ' ';
        Assert.Equal(new[] { (a, b), (space, 260) }, tokenizer.Merges.ToArray());
        Assert.Equal(262, tokenizer.VocabSize);
        // "ab abc" -> pieces "ab", " abc" -> [260], [' ',a,b,c] -> [' ',260,c] -> [261,c].
        Assert.Equal(new[] { 260, 261, c }, tokenizer.Encode("ab abc"));
        Assert.Equal("ab", Encoding.UTF8.GetString(tokenizer.TokenBytes(260)));
        Assert.Equal(" ab", Encoding.UTF8.GetString(tokenizer.TokenBytes(261)));
    }

    [Fact]
    public void TrainingBreaksTiesByTheSmallestPair()
    {
        // "xy" and "ab" both occur twice: (a,b) has the smaller ids, so it is merged first.
        var tokenizer = ByteLevelTokenizer.Train(new[] { "xy", "ab", "xy", "ab" }, vocabSize: 262);
        Assert.Equal(new[] { (4 + 'a', 4 + 'b'), (4 + 'x', 4 + 'y') }, tokenizer.Merges.ToArray());
    }

    [Fact]
    public void TrainingStopsAtTheVocabularySize()
    {
        var tokenizer = ByteLevelTokenizer.Train(Corpus, vocabSize: 265, minFrequency: 1);
        Assert.Equal(265, tokenizer.VocabSize);
    }

    [Theory]
    [InlineData("Hello, world! It's 2024 and we're testing: 3.14159 -- ok?")]
    [InlineData("Crème brûlée, façade, naïve, Ångström, ÆØÅ, Ελληνικά, кириллица")]
    [InlineData("Combining: e\u0301 a\u0308 n\u0303")]
    [InlineData("中文分词测试：东京都、大阪府。日本語のテキスト。한국어 문장")]
    [InlineData("Emoji and astral: 😀👍🏽 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎")]
    [InlineData("  leading, trailing  \t tabs\r\nand\n\nblank lines   ")]
    [InlineData("")]
    public void TrainedTokenizerRoundTripsText(string text)
    {
        var tokenizer = ByteLevelTokenizer.Train(Corpus, vocabSize: 400, minFrequency: 1);
        var ids = tokenizer.Encode(text);
        Assert.All(ids, id => Assert.InRange(id, ByteLevelTokenizer.ByteOffset, tokenizer.VocabSize - 1));
        Assert.Equal(text, tokenizer.Decode(ids));
        Assert.True(ids.Length <= Encoding.UTF8.GetByteCount(text), "merges never make the encoding longer than the bytes");
    }

    [Fact]
    public void MergesShortenTextLikeTheCorpus()
    {
        var tokenizer = ByteLevelTokenizer.Train(Corpus, vocabSize: 400, minFrequency: 1);
        string text = "the theme of these";
        Assert.True(tokenizer.Encode(text).Length < Encoding.UTF8.GetByteCount(text) / 2);
    }

    [Fact]
    public void DecodeShowsOrSkipsSpecialTokens()
    {
        var tokenizer = ByteLevelTokenizer.BytesOnly();
        var ids = new[] { 1, 4 + 'h', 4 + 'i', 3, 2, 0, 0 };
        Assert.Equal("hi", tokenizer.Decode(ids));
        Assert.Equal("[CLS]hi[MASK][SEP][PAD][PAD]", tokenizer.Decode(ids, skipSpecialTokens: false));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer.Decode(new[] { 260 }));
        Assert.Contains("outside the vocabulary [0, 260)", e.Message);
    }

    [Fact]
    public void TrainingIsDeterministic()
    {
        var first = ByteLevelTokenizer.Train(Corpus, vocabSize: 420, minFrequency: 1);
        var second = ByteLevelTokenizer.Train(Corpus.ToList(), vocabSize: 420, minFrequency: 1);
        Assert.Equal(first.Merges.ToArray(), second.Merges.ToArray());
    }

    [Fact]
    public void SaveAndLoadKeepTheMerges()
    {
        using var temp = new TempFiles();
        var tokenizer = ByteLevelTokenizer.Train(Corpus, vocabSize: 350, minFrequency: 1);
        string path = Path.Combine(temp.Directory, "sub", "tokenizer.json");
        tokenizer.Save(path);
        var loaded = ByteLevelTokenizer.Load(path);
        Assert.Equal(tokenizer.VocabSize, loaded.VocabSize);
        Assert.Equal(tokenizer.Merges.ToArray(), loaded.Merges.ToArray());
        foreach (var text in Corpus)
        {
            Assert.Equal(tokenizer.Encode(text), loaded.Encode(text));
        }
    }

    [Fact]
    public void LoadReportsMissingAndCorruptFiles()
    {
        using var temp = new TempFiles();
        string missing = Path.Combine(temp.Directory, "none.json");
        var notFound = Assert.Throws<FileNotFoundException>(() => ByteLevelTokenizer.Load(missing));
        Assert.Contains(missing, notFound.Message);

        string truncated = temp.Write("truncated.json", "{\"format\": \"ssldsl-byte-bpe\", \"version\": 1, \"merges\": [[101, 102], [10");
        var e1 = Assert.Throws<DatasetFormatException>(() => ByteLevelTokenizer.Load(truncated));
        Assert.Contains(truncated, e1.Message);
        Assert.Contains("not valid JSON", e1.Message);

        string other = temp.Write("other.json", "{\"vocab\": {}}");
        var e2 = Assert.Throws<DatasetFormatException>(() => ByteLevelTokenizer.Load(other));
        Assert.Contains("\"format\": \"ssldsl-byte-bpe\"", e2.Message);

        string badPair = temp.Write("bad-pair.json", "{\"format\": \"ssldsl-byte-bpe\", \"version\": 1, \"merges\": [[101, 102], [\"a\", 7]]}");
        var e3 = Assert.Throws<DatasetFormatException>(() => ByteLevelTokenizer.Load(badPair));
        Assert.Contains("merge 1", e3.Message);
        Assert.Contains("expected [left, right]", e3.Message);

        string forward = temp.Write("forward.json", "{\"format\": \"ssldsl-byte-bpe\", \"version\": 1, \"merges\": [[101, 261]]}");
        var e4 = Assert.Throws<DatasetFormatException>(() => ByteLevelTokenizer.Load(forward));
        Assert.Contains(forward, e4.Message);
        Assert.Contains("earlier non-special tokens", e4.Message);
    }

    [Fact]
    public void ToDatasetPacksClsTokensSepAndPadding()
    {
        var tokenizer = ByteLevelTokenizer.BytesOnly();
        using var dataset = tokenizer.ToDataset(new[] { "hi", "abcdefgh" }, maxLength: 6, labels: new long[] { 1, 0 });
        var ids = dataset.Tensors[0].data<long>().ToArray();
        var mask = dataset.Tensors[1].data<long>().ToArray();
        // Row 0: [CLS] h i [SEP] [PAD] [PAD]; row 1 is cut to 4 tokens: [CLS] a b c d [SEP].
        Assert.Equal(new long[] { 1, 4 + 'h', 4 + 'i', 2, 0, 0, 1, 4 + 'a', 4 + 'b', 4 + 'c', 4 + 'd', 2 }, ids);
        Assert.Equal(new long[] { 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1 }, mask);
        Assert.Equal(new long[] { 1, 0 }, dataset.Labels!.data<long>().ToArray());
        var batch = dataset.Batches(2).Single();
        Assert.Equal(new long[] { 2, 6 }, batch.Ids.shape);
        Assert.Equal(new long[] { 2, 6 }, batch.AttentionMask.shape);
        Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer.ToDataset(new[] { "x" }, maxLength: 1));
    }

    [Fact]
    public void RejectsVocabularySmallerThanTheBytes()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ByteLevelTokenizer.Train(Corpus, vocabSize: 100));
        Assert.Equal("vocabSize", e.ParamName);
        Assert.Contains("260", e.Message);
    }

    [Fact]
    [Trait("Data", "Real")]
    public void RealData_TrainsOnAllFortunesAndRoundTrips()
    {
        var fortunes = TextCorpus.LoadFortunes(RealData.FortunesDirectory());
        long bytes = fortunes.Sum(f => (long)Encoding.UTF8.GetByteCount(f));
        Assert.True(bytes > 1_000_000, $"the fortune corpus holds {bytes} bytes; expected over 1 MB");
        // Its speed is a benchmark matter (docs/benchmarks.md), not a unit-test assertion.
        var tokenizer = ByteLevelTokenizer.Train(fortunes, vocabSize: 2000);
        Assert.Equal(2000, tokenizer.VocabSize);
        int tokens = 0;
        foreach (var text in fortunes.Take(500))
        {
            var ids = tokenizer.Encode(text);
            tokens += ids.Length;
            Assert.Equal(text, tokenizer.Decode(ids));
        }

        int sampleBytes = fortunes.Take(500).Sum(f => Encoding.UTF8.GetByteCount(f));
        Assert.True(tokens < sampleBytes / 2, $"{tokens} tokens for {sampleBytes} bytes: 1,740 merges should more than halve English text");
    }
}
