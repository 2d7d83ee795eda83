using System.IO;
using System.Linq;
using SslDsl;
using SslDsl.Tests.Training;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.DataTests.Images;

/// <summary>An image folder yields the batches of the same images held in memory: same order, resume, shards.</summary>
public class ImageFolderReadingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void ShuffledBatchesEqualThoseOfTheSameImagesInMemory(int workers)
    {
        using var files = new TempFiles();
        using var memory = ImageFiles.TinyFolder(files.Directory, 50, seed: 1);
        using var folder = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny(workers));
        var request = new BatchRequest(8) { Shuffle = true, Seed = 7 };
        Assert.Equal(50, folder.Count);
        Assert.Equal(new[] { "0", "1" }, folder.ClassNames);
        ImageFiles.AssertSameBatches(memory.Batches(request), folder.Batches(request));
        ImageFiles.AssertSameBatches(memory.Batches(request with { DropLast = true }), folder.Batches(request with { DropLast = true }));
    }

    [Fact]
    public void FirstBatchStartsThereWithoutDecodingTheBatchesBefore()
    {
        using var files = new TempFiles();
        using var memory = ImageFiles.TinyFolder(files.Directory, 24, seed: 2);
        using var folder = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny());
        var request = new BatchRequest(5) { Shuffle = true, Seed = 3 };
        ImageFiles.AssertSameBatches(memory.Batches(request).Skip(2), folder.Batches(request with { FirstBatch = 2 }));

        // In file order, batch 0 holds 0/0000.png: a corrupt copy of it is never read when the pass starts at batch 1.
        File.WriteAllText(Path.Combine(files.Directory, "0", "0000.png"), "not an image");
        using var damaged = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny());
        Assert.Equal(4, damaged.Batches(new BatchRequest(5) { FirstBatch = 1 }).Count());
        Assert.Throws<DatasetFormatException>(() => damaged.Batches(new BatchRequest(5)).Count());
    }

    [Fact]
    public void ShardsSplitTheCutOrderIntoEqualDisjointParts()
    {
        using var files = new TempFiles();
        using var memory = ImageFiles.TinyFolder(files.Directory, 23, seed: 4);
        using var folder = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny());
        var whole = new BatchRequest(1) { Shuffle = true, Seed = 9 };
        using var scope = torch.NewDisposeScope();
        var order = memory.Batches(whole).Select(b => b.Images.sum().item<float>()).ToArray();
        var parts = Enumerable.Range(0, 3)
            .Select(rank => folder.Batches(whole with { Shard = new DataShard(rank, 3) }).Select(b => b.Images.sum().item<float>()).ToArray())
            .ToArray();

        // 23 samples cut to 21: rank r reads positions r, r + 3, ... of the shuffled order.
        Assert.All(parts, p => Assert.Equal(7, p.Length));
        for (int rank = 0; rank < 3; rank++)
        {
            Assert.Equal(Enumerable.Range(0, 7).Select(i => order[(3 * i) + rank]), parts[rank]);
        }

        Assert.Equal(7, new BatchRequest(1) { Shard = new DataShard(2, 3) }.BatchCount(23));
    }

    [Fact]
    public void SliceReadsItsRangeOnly()
    {
        using var files = new TempFiles();
        using var memory = ImageFiles.TinyFolder(files.Directory, 20, seed: 5);
        using var folder = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny());
        using var expected = memory.Slice(6, 9);
        using var slice = folder.Slice(6, 9, "middle");
        Assert.Equal(9, slice.Count);
        Assert.Equal("middle", slice.Name);
        Assert.True(slice.IsLabelled);
        ImageFiles.AssertSameBatches(expected.Batches(new BatchRequest(4)), slice.Batches(new BatchRequest(4)));
        Assert.NotEqual(folder.Fingerprint(), slice.Fingerprint());
        Assert.Throws<System.ArgumentOutOfRangeException>(() => folder.Slice(15, 6));
    }

    [Fact]
    public void FingerprintChangesWithTheFilesAndTheDecodingSettings()
    {
        using var files = new TempFiles();
        using var memory = ImageFiles.TinyFolder(files.Directory, 10, seed: 6);
        using var folder = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny());
        using var again = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny(workers: 0));
        using var stretched = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny() with { Resize = ImageResize.Stretch });
        Assert.Equal(folder.Fingerprint(), again.Fingerprint());
        Assert.NotEqual(folder.Fingerprint(), stretched.Fingerprint());
        File.Delete(Path.Combine(files.Directory, "1", "0009.png"));
        using var fewer = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny());
        Assert.NotEqual(folder.Fingerprint(), fewer.Fingerprint());
    }
}
