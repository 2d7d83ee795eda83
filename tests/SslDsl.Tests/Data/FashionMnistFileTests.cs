using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using SslDsl;
using Xunit;

namespace SslDsl.Tests.DataTests;

/// <summary>Missing, corrupt or inconsistent Fashion-MNIST files fail with messages that name the file and the expectation.</summary>
public class FashionMnistFileTests
{
    private static string TempFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ssldsl-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The bytes of an unsigned-byte IDX file: 00 00 08 rank, big-endian sizes, then the data.</summary>
    private static byte[] Idx(int[] dims, byte fill = 1, byte type = 0x08)
    {
        long count = dims.Aggregate(1L, (a, d) => a * d);
        var bytes = new byte[4 + (4 * dims.Length) + count];
        bytes[2] = type;
        bytes[3] = (byte)dims.Length;
        for (int i = 0; i < dims.Length; i++)
        {
            bytes[4 + (4 * i)] = (byte)(dims[i] >> 24);
            bytes[5 + (4 * i)] = (byte)(dims[i] >> 16);
            bytes[6 + (4 * i)] = (byte)(dims[i] >> 8);
            bytes[7 + (4 * i)] = (byte)dims[i];
        }

        Array.Fill(bytes, fill, 4 + (4 * dims.Length), (int)count);
        return bytes;
    }

    private static byte[] Gzip(byte[] raw)
    {
        using var memory = new MemoryStream();
        using (var zip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            zip.Write(raw);
        }

        return memory.ToArray();
    }

    /// <summary>Writes a train split of <paramref name="images"/> images and <paramref name="labels"/> labels.</summary>
    private static string Split(int images, int labels, byte label = 3)
    {
        string dir = TempFolder();
        File.WriteAllBytes(Path.Combine(dir, "train-images-idx3-ubyte.gz"), Gzip(Idx(new[] { images, 28, 28 }, fill: 128)));
        File.WriteAllBytes(Path.Combine(dir, "train-labels-idx1-ubyte.gz"), Gzip(Idx(new[] { labels }, fill: label)));
        return dir;
    }

    [Fact]
    public void AValidSplitLoadsImagesScaledToOneAndLabels()
    {
        string dir = Split(images: 3, labels: 3);
        using var data = FashionMnist.Load(FashionMnistSplit.Train, dir);
        Assert.Equal(3, data.Count);
        Assert.Equal(new long[] { 3, 1, 28, 28 }, data.Tensors[0].shape);
        Assert.Equal(128f / 255f, data.Tensors[0][2, 0, 27, 27].item<float>(), 6);
        Assert.Equal(new long[] { 3, 3, 3 }, data.Labels!.data<long>().ToArray());
    }

    [Fact]
    public void TheInstalledTestSplitPassesTheIntegrityChecks()
    {
        // Fashion-MNIST from Debian's dataset-fashion-mnist package (see CONTEXT: installed on every machine).
        using var data = FashionMnist.Load(FashionMnistSplit.Test, limit: 100);
        Assert.Equal(100, data.Count);
        Assert.InRange(data.Labels!.max().item<long>(), 1, 9);
        Assert.InRange(data.Tensors[0].max().item<float>(), 0.5f, 1f);
    }

    [Fact]
    public void AMissingFolderNamesTheFileAndHowToInstall()
    {
        string dir = Path.Combine(TempFolder(), "absent");
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(FashionMnistSplit.Test, dir));
        Assert.Contains("t10k-images-idx3-ubyte.gz", e.Message);
        Assert.Contains(dir, e.Message);
        Assert.Contains("apt-get install -y dataset-fashion-mnist", e.Message);
        Assert.Contains(FashionMnist.DirectoryVariable, e.Message);
    }

    [Fact]
    public void ATruncatedGzipFileIsReportedAsTruncated()
    {
        string dir = Split(images: 4, labels: 4);
        string path = Path.Combine(dir, "train-images-idx3-ubyte.gz");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());
        var e = Assert.Throws<DatasetFormatException>(() => FashionMnist.Load(FashionMnistSplit.Train, dir));
        Assert.Equal(path, e.FilePath);
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains("the gzip stream ends early", e.Message);
        Assert.Contains("the file is truncated", e.Message);
    }

    [Fact]
    public void ACorruptGzipStreamIsReported()
    {
        string dir = Split(images: 4, labels: 4);
        string path = Path.Combine(dir, "train-images-idx3-ubyte.gz");
        var bytes = File.ReadAllBytes(path);
        for (int i = 10; i < bytes.Length - 8; i++)
        {
            bytes[i] = 0xFF; // keep the gzip magic, destroy the deflate data
        }

        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DatasetFormatException>(() => FashionMnist.Load(FashionMnistSplit.Train, dir));
        Assert.Equal(path, e.FilePath);
        Assert.Contains("not a readable gzip stream", e.Message);
    }

    [Fact]
    public void AWrongMagicNamesTheExpectedHeader()
    {
        string path = Path.Combine(TempFolder(), "images.idx");
        File.WriteAllBytes(path, Idx(new[] { 2, 28, 28 }, type: 0x0D)); // 0x0D = float, not unsigned byte
        var e = Assert.Throws<DatasetFormatException>(() => IdxReader.Read(path, expectedRank: 3));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains("magic 00 00 0D 03", e.Message);
        Assert.Contains("expected 00 00 08 03", e.Message);
    }

    [Fact]
    public void AWrongRankIsReported()
    {
        string path = Path.Combine(TempFolder(), "labels.idx");
        File.WriteAllBytes(path, Idx(new[] { 2, 3 }));
        var e = Assert.Throws<DatasetFormatException>(() => IdxReader.Read(path, expectedRank: 1));
        Assert.Contains("has 2 dimensions; 1 were expected", e.Message);
    }

    [Fact]
    public void APlainFileShorterThanItsHeaderPromisesIsReportedAsTruncated()
    {
        string path = Path.Combine(TempFolder(), "images.idx");
        var bytes = Idx(new[] { 2, 28, 28 });
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length - 10).ToArray());
        var e = Assert.Throws<DatasetFormatException>(() => IdxReader.Read(path, expectedRank: 3));
        Assert.Contains("the header promises 2 x 28 x 28 = 1568 bytes of data but the file holds 1558 (truncated)", e.Message);
    }

    [Fact]
    public void ALabelCountThatDiffersFromTheImageCountNamesBothFiles()
    {
        string dir = Split(images: 5, labels: 4);
        var e = Assert.Throws<DatasetFormatException>(() => FashionMnist.Load(FashionMnistSplit.Train, dir));
        string labels = Path.Combine(dir, "train-labels-idx1-ubyte.gz");
        Assert.Equal(labels, e.FilePath);
        Assert.Contains("4 labels for 5 images", e.Message);
        Assert.Contains("train-images-idx3-ubyte.gz", e.Message);
    }

    [Fact]
    public void ALabelOutsideTheTenClassesIsReported()
    {
        string dir = Split(images: 2, labels: 2, label: 12);
        var e = Assert.Throws<DatasetFormatException>(() => FashionMnist.Load(FashionMnistSplit.Train, dir));
        Assert.Contains("label 12 is outside 0..9", e.Message);
    }

    [Fact]
    public void ImagesOfAnotherSizeAreReported()
    {
        string dir = TempFolder();
        File.WriteAllBytes(Path.Combine(dir, "train-images-idx3-ubyte.gz"), Gzip(Idx(new[] { 2, 32, 32 })));
        File.WriteAllBytes(Path.Combine(dir, "train-labels-idx1-ubyte.gz"), Gzip(Idx(new[] { 2 })));
        var e = Assert.Throws<DatasetFormatException>(() => FashionMnist.Load(FashionMnistSplit.Train, dir));
        Assert.Contains("images are 32x32; Fashion-MNIST images are 28x28", e.Message);
    }
}
