using System;
using System.IO;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.DataTests.Images;

/// <summary>
/// Real files for decoder variety: scikit-image's data images (grey, RGB, RGBA and palette PNGs, JPEGs, an
/// animated GIF, a truncated JPEG) and scikit-learn's sample photographs, unpacked by scripts/fetch-data.sh.
/// </summary>
[Trait("Data", "Real")]
public class RealPhotoTests
{
    private static ImageFolderOptions Options(int channels, int size, int maxSkipped = 0) =>
        new(channels, size, size) { MaxSkippedFiles = maxSkipped, Log = TextWriter.Null, Loader = new DataLoaderOptions { Workers = 2 } };

    [Fact]
    public void RealData_EveryScikitImagePhotographDecodesExceptTheTruncatedJpegWhichIsSkippedByName()
    {
        string folder = RealData.Require("skimage/data");
        using var source = ImageFolder.Unlabelled(folder, Options(3, 48, maxSkipped: 1) with { ConvertChannels = true });
        Assert.True(source.Count >= 30, $"{source.Count} images");
        using var scope = torch.NewDisposeScope();
        long read = 0;
        foreach (var batch in source.Batches(new BatchRequest(16)))
        {
            Assert.Equal(new long[] { batch.Count, 3, 48, 48 }, batch.Images.shape);
            Assert.InRange(batch.Images.min().item<float>(), 0f, 1f);
            Assert.InRange(batch.Images.max().item<float>(), 0f, 1f);
            read += batch.Count;
        }

        Assert.Equal(Path.Combine(folder, "truncated.jpg"), source.SkippedFiles.Keys.Single());
        Assert.Equal(source.Count - 1, read);
    }

    [Fact]
    public void RealData_TheTruncatedJpegStopsAStrictRunWithItsName()
    {
        string folder = RealData.Require("skimage/data");
        using var files = new TempFiles();
        File.Copy(Path.Combine(folder, "truncated.jpg"), Path.Combine(files.Directory, "truncated.jpg"));
        File.Copy(Path.Combine(folder, "rocket.jpg"), Path.Combine(files.Directory, "rocket.jpg"));
        using var source = ImageFolder.Unlabelled(files.Directory, Options(3, 32));
        var e = Assert.Throws<DatasetFormatException>(() => source.Batches(new BatchRequest(2)).Count());
        Assert.Equal(Path.Combine(files.Directory, "truncated.jpg"), e.FilePath);
        Assert.Contains("cannot be decoded as an image", e.Message);
    }

    [Fact]
    public void RealData_GreyPhotographsForAColourTaskAreNamedUnlessConverted()
    {
        string folder = RealData.Require("skimage/data");
        using var files = new TempFiles();
        File.Copy(Path.Combine(folder, "camera.png"), Path.Combine(files.Directory, "camera.png"));
        using var strict = ImageFolder.Unlabelled(files.Directory, Options(3, 32));
        var e = Assert.Throws<DatasetFormatException>(() => strict.Batches(new BatchRequest(1)).Count());
        Assert.Contains("camera.png: a grayscale (1-channel) PNG of 512x512 pixels", e.Message);

        using var converted = ImageFolder.Unlabelled(files.Directory, Options(3, 32) with { ConvertChannels = true });
        using var scope = torch.NewDisposeScope();
        var image = converted.Batches(new BatchRequest(1)).Single().Images[0];
        Assert.True(Training.TinyData.Same(image[0], image[1]) && Training.TinyData.Same(image[0], image[2]));
    }

    [Fact]
    public void RealData_AShrunkenJpegKeepsTheColoursOfItsCentre()
    {
        // china.jpg is 640x427: CoverCrop to 64x64 keeps its centre 427x427, decoded at a reduced JPEG scale.
        string folder = RealData.Require("sklearn/datasets/images");
        using var files = new TempFiles();
        File.Copy(Path.Combine(folder, "china.jpg"), Path.Combine(files.Directory, "china.jpg"));
        using var full = ImageFolder.Unlabelled(files.Directory, new ImageFolderOptions(3, 427, 640) { Resize = ImageResize.Exact });
        using var small = ImageFolder.Unlabelled(files.Directory, Options(3, 64));
        using var scope = torch.NewDisposeScope();
        var whole = full.Batches(new BatchRequest(1)).Single().Images[0];
        var centre = whole.narrow(2, (640 - 427) / 2, 427);
        var shrunk = small.Batches(new BatchRequest(1)).Single().Images[0];
        var expected = centre.mean(new long[] { 1, 2 });
        var actual = shrunk.mean(new long[] { 1, 2 });
        Assert.True((expected - actual).abs().max().item<float>() < 0.01f, $"channel means {expected.str()} vs {actual.str()}");

        // Left and right halves keep their order (no flip): compare the mean of each half.
        var leftExpected = centre.narrow(2, 0, 213).mean();
        var leftActual = shrunk.narrow(2, 0, 32).mean();
        Assert.True(Math.Abs(leftExpected.item<float>() - leftActual.item<float>()) < 0.01f);
    }
}
