using System.IO;
using System.Linq;
using System.Text;
using SslDsl;
using SslDsl.Tests.Training;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.DataTests.Streaming;

/// <summary>Line files and JSONL tokenised as they are read give the batches of the same texts tokenised in memory.</summary>
public class TextLineSourceTests
{
    private static readonly string[] Texts =
    {
        "A journey of a thousand miles begins with a single step.",
        "Ünïcödé lines are read as UTF-8.",
        "short",
        "The quick brown fox jumps over the lazy dog, again and again and again.",
        "Every line is one sample",
    };

    private static readonly ByteLevelTokenizer Tokenizer = ByteLevelTokenizer.Train(Texts, vocabSize: 300, minFrequency: 1);

    private static void AssertSame(Dataset<TokenBatch> expected, IDataSource<TokenBatch> actual, BatchRequest request)
    {
        using var scope = torch.NewDisposeScope();
        var a = expected.Batches(request).ToArray();
        var b = actual.Batches(request).ToArray();
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
        {
            Assert.True(TinyData.Same(a[i].Ids, b[i].Ids), $"ids of batch {i}");
            Assert.True(TinyData.Same(a[i].AttentionMask, b[i].AttentionMask), $"mask of batch {i}");
            Assert.True(TinyData.Same(a[i].WordStarts!, b[i].WordStarts!), $"word starts of batch {i}");
            Assert.Equal(a[i].Labels is null, b[i].Labels is null);
            if (a[i].Labels is { } labels)
            {
                Assert.True(TinyData.Same(labels, b[i].Labels!), $"labels of batch {i}");
            }
        }
    }

    [Fact]
    public void ALineFileGivesTheBatchesOfItsNonBlankLinesTokenisedInMemory()
    {
        using var files = new TempFiles();
        string path = files.Write("lines.txt", "\uFEFF" + string.Join("\r\n", Texts.Take(2)) + "\n\n   \n" + string.Join("\n", Texts.Skip(2)));
        using var memory = Tokenizer.ToDataset(Texts, maxLength: 12);
        using var source = TextLineSource.Lines(path, Tokenizer, 12, new TextSourceOptions { Loader = new DataLoaderOptions { Workers = 2 } });
        Assert.Equal(5, source.Count);
        Assert.False(source.IsLabelled);
        AssertSame(memory, source, new BatchRequest(2) { Shuffle = true, Seed = 8 });
    }

    [Fact]
    public void JsonlTextsAndLabelsAreReadFromTheirFields()
    {
        using var files = new TempFiles();
        var labels = new[] { "pos", "neg", "neg", "pos", "mixed" };
        var lines = Texts.Select((t, i) => System.Text.Json.JsonSerializer.Serialize(new { id = i, body = t, tag = labels[i] }));
        string path = files.Write("records.jsonl", string.Join("\n", lines) + "\n");
        using var source = TextLineSource.Jsonl(path, Tokenizer, 16, new TextSourceOptions { TextField = "body", LabelField = "tag" });
        Assert.Equal(new[] { "mixed", "neg", "pos" }, source.ClassNames);
        using var memory = Tokenizer.ToDataset(Texts, 16, labels.Select(l => (long)System.Array.IndexOf(new[] { "mixed", "neg", "pos" }, l)));
        AssertSame(memory, source, new BatchRequest(3));
    }

    [Fact]
    public void BadRecordsAreNamedByLine()
    {
        using var files = new TempFiles();
        var notJson = Assert.Throws<DatasetFormatException>(() => TextLineSource.Jsonl(files.Write("a.jsonl", "{\"text\": \"ok\"}\n{text: oops}\n"), Tokenizer, 8));
        Assert.Contains("line 2: not valid JSON", notJson.Message);

        var noField = Assert.Throws<DatasetFormatException>(() => TextLineSource.Jsonl(files.Write("b.jsonl", "{\"body\": \"ok\"}\n"), Tokenizer, 8));
        Assert.Contains("line 1: no string field \"text\"; its fields are \"body\" (set TextSourceOptions.TextField)", noField.Message);

        string binary = files.WriteBytes("c.txt", Encoding.UTF8.GetBytes("fine\n").Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray());
        using var source = TextLineSource.Lines(binary, Tokenizer, 8, new TextSourceOptions { Loader = new DataLoaderOptions { Workers = 0 } });
        var e = Assert.Throws<DatasetFormatException>(() => source.Batches(new BatchRequest(2)).Count());
        Assert.Contains("line 2: bytes that are not UTF-8", e.Message);

        Assert.Contains("holds no text", Assert.Throws<DatasetFormatException>(() => TextLineSource.Lines(files.Write("d.txt", "\n  \n"), Tokenizer, 8)).Message);
    }
}
