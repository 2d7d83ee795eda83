using System;
using System.IO;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.DataTests.Images;

/// <summary>Bad files stop the run with their path and reason, or are skipped and counted up to a maximum; bad folders get a clear message.</summary>
public class ImageFolderBadFileTests
{
    /// <summary>A folder of 12 good 8x8 PNGs (classes 0 and 1) with the first bytes of one kept as 1/0003.png (truncated).</summary>
    private static string Truncated(TempFiles files)
    {
        ImageFiles.TinyFolder(files.Directory, 12, seed: 1).Dispose();
        string path = Path.Combine(files.Directory, "1", "0003.png");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        return path;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void ATruncatedFileStopsTheRunWithItsPathAndTheDecodersReason(int workers)
    {
        using var files = new TempFiles();
        string path = Truncated(files);
        using var folder = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny(workers));
        var e = Assert.Throws<DatasetFormatException>(() => folder.Batches(new BatchRequest(4)).Count());
        Assert.Equal(path, e.FilePath);
        Assert.Contains("cannot be decoded as an image", e.Message);
        Assert.Contains("truncated", e.Message);
        Assert.Contains("MaxSkippedFiles", e.Message);
    }

    [Fact]
    public void EmptyAndTextFilesAreNamedForWhatTheyAre()
    {
        using var files = new TempFiles();
        string empty = files.WriteBytes("a/empty.png", Array.Empty<byte>());
        string text = files.Write("b/notes.jpg", "these are notes, not a photograph");
        string tiff = files.WriteBytes("c/scan.png", new byte[] { (byte)'I', (byte)'I', 0x2A, 0x00, 8, 0, 0, 0 });
        foreach (var (folder, path, reason) in new[] { ("a", empty, "the file is empty (0 bytes)"), ("b", text, "it is a text file"), ("c", tiff, "it is a TIFF file") })
        {
            using var source = ImageFolder.Unlabelled(Path.Combine(files.Directory, folder), ImageFiles.Tiny(workers: 0));
            var e = Assert.Throws<DatasetFormatException>(() => source.Batches(new BatchRequest(1)).Count());
            Assert.Equal(path, e.FilePath);
            Assert.Contains(reason, e.Message);
        }
    }

    [Fact]
    public void SkippedFilesAreCountedWarnedAboutAndLeaveTheirBatchShorterNeverBlank()
    {
        using var files = new TempFiles();
        string path = Truncated(files);
        string other = files.Write("0/0100.png", "plain text");
        var log = new StringWriter();
        using var folder = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny(workers: 2, maxSkipped: 2, log: log));
        using var scope = torch.NewDisposeScope();
        var batches = folder.Batches(new BatchRequest(13)).ToArray();
        Assert.Equal(13, folder.Count);
        Assert.Equal(11, batches.Single().Count);
        Assert.Equal(new[] { path, other }.OrderBy(p => p), folder.SkippedFiles.Keys.OrderBy(p => p));

        // No image of the batch is blank: every one has a bright half (values >= 178/255).
        var perImageMax = batches[0].Images.amax(new long[] { 1, 2, 3 }).data<float>().ToArray();
        Assert.All(perImageMax, v => Assert.True(v >= 178 / 255f));
        Assert.Contains($"skipped {path}", log.ToString());
        Assert.Contains("of at most 2 skipped files", log.ToString());

        // Reading again finds the same two files: they are counted once each.
        Assert.Equal(11, folder.Batches(new BatchRequest(13)).Single().Count);
        Assert.Equal(2, folder.SkippedFiles.Count);
    }

    [Fact]
    public void OneBadFileMoreThanTheMaximumStopsTheRun()
    {
        using var files = new TempFiles();
        Truncated(files);
        files.Write("0/0100.png", "plain text");
        using var folder = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny(workers: 0, maxSkipped: 1));
        var e = Assert.Throws<DatasetFormatException>(() => folder.Batches(new BatchRequest(4)).Count());
        Assert.Contains("more than ImageFolderOptions.MaxSkippedFiles = 1, so the run stops", e.Message);
        Assert.Contains("Skipped before:", e.Message);
    }

    [Fact]
    public void FolderProblemsGetMessagesThatSayWhatIsWrong()
    {
        using var files = new TempFiles();
        var options = ImageFiles.Tiny();
        var missing = Assert.Throws<DirectoryNotFoundException>(() => ImageFolder.Labelled(Path.Combine(files.Directory, "nope"), options));
        Assert.Contains("does not exist", missing.Message);

        string file = files.Write("file.txt", "x");
        Assert.Contains("is a file; an image folder was expected", Assert.Throws<DatasetFormatException>(() => ImageFolder.Unlabelled(file, options)).Message);

        Directory.CreateDirectory(Path.Combine(files.Directory, "empty"));
        var empty = Assert.Throws<DatasetFormatException>(() => ImageFolder.Unlabelled(Path.Combine(files.Directory, "empty"), options));
        Assert.Contains("holds no image (.png, .jpg, .jpeg, .bmp, .gif, .webp)", empty.Message);
        Assert.Contains("holds no class sub-folders and no images", Assert.Throws<DatasetFormatException>(() => ImageFolder.Labelled(Path.Combine(files.Directory, "empty"), options)).Message);

        string classes = Path.Combine(files.Directory, "classes");
        ImageFiles.Gray(Path.Combine(classes, "cat", "1.png"), 8, 8, new byte[64]);
        Directory.CreateDirectory(Path.Combine(classes, "dog"));
        files.Write("classes/dog/readme.txt", "to do");
        var noImages = Assert.Throws<DatasetFormatException>(() => ImageFolder.Labelled(classes, options));
        Assert.Equal(Path.Combine(classes, "dog"), noImages.FilePath);
        Assert.Contains("the class folder 'dog' holds no image", noImages.Message);

        var nested = Assert.Throws<DatasetFormatException>(() => ImageFolder.Unlabelled(classes, options));
        Assert.Contains("open it with recursive: true", nested.Message);
        using var recursive = ImageFolder.Unlabelled(classes, options, recursive: true);
        Assert.Equal(1, recursive.Count);

        string flat = Path.Combine(files.Directory, "flat");
        ImageFiles.Gray(Path.Combine(flat, "1.png"), 8, 8, new byte[64]);
        Assert.Contains("Open it with ImageFolder.Unlabelled", Assert.Throws<DatasetFormatException>(() => ImageFolder.Labelled(flat, options)).Message);
    }
}
