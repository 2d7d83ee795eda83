using System;
using System.IO;
using System.Linq;
using SkiaSharp;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.DataTests.Images;

/// <summary>Formats, channel conversion and the resize policies, checked against the pixel values written.</summary>
public class ImageDecodingTests
{
    /// <summary>A 4x2 (width x height) RGB image: pixel (x, y) = (10 + 40x + 100y, 20x, 255 - 30x).</summary>
    private static byte[] Pattern(int width, int height) =>
        Enumerable.Range(0, width * height).SelectMany(i => new[] { (byte)(10 + (40 * (i % width)) + (100 * (i / width))), (byte)(20 * (i % width)), (byte)(255 - (30 * (i % width))) }).ToArray();

    private static float[] Read(string folder, ImageFolderOptions options)
    {
        using var source = ImageFolder.Unlabelled(folder, options with { Loader = new DataLoaderOptions { Workers = 0 } });
        using var scope = torch.NewDisposeScope();
        var batch = source.Batches(new BatchRequest(1)).Single();
        Assert.Null(batch.Labels);
        return batch.Images.data<float>().ToArray();
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "png")]
    [InlineData(SKEncodedImageFormat.Webp, "webp")]
    public void LosslessColourFilesGiveTheirBytesOver255InPlanarOrder(SKEncodedImageFormat format, string extension)
    {
        using var files = new TempFiles();
        var rgb = Pattern(4, 2);
        ImageFiles.Colour(Path.Combine(files.Directory, "a." + extension), 4, 2, rgb, format);
        var values = Read(files.Directory, new ImageFolderOptions(3, 2, 4));
        for (int p = 0; p < 8; p++)
        {
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(rgb[(3 * p) + c] / 255f, values[(c * 8) + p]);
            }
        }
    }

    [Fact]
    public void BmpAndGifAreDecoded()
    {
        using var files = new TempFiles();
        var rgb = Pattern(4, 2);
        ImageFiles.Bmp(Path.Combine(files.Directory, "a.bmp"), 4, 2, rgb);
        var values = Read(files.Directory, new ImageFolderOptions(3, 2, 4));
        Assert.Equal(rgb[0] / 255f, values[0]);
        Assert.Equal(rgb[(3 * 7) + 2] / 255f, values[16 + 7]);
    }

    [Fact]
    public void JpegIsCloseToWhatWasEncoded()
    {
        using var files = new TempFiles();
        var rgb = Enumerable.Repeat(new byte[] { 200, 120, 40 }, 16 * 16).SelectMany(p => p).ToArray();
        ImageFiles.Colour(Path.Combine(files.Directory, "a.jpg"), 16, 16, rgb, SKEncodedImageFormat.Jpeg, 95);
        var values = Read(files.Directory, new ImageFolderOptions(3, 16, 16));
        Assert.All(values.Take(256), v => Assert.InRange(v, 195 / 255f, 205 / 255f));
        Assert.All(values.Skip(512), v => Assert.InRange(v, 35 / 255f, 45 / 255f));
    }

    [Fact]
    public void GreyIsReplicatedAndColourBecomesItsLuminanceWhenConverting()
    {
        using var files = new TempFiles();
        string grey = Path.Combine(files.Directory, "grey");
        ImageFiles.Gray(Path.Combine(grey, "g.png"), 2, 1, new byte[] { 7, 250 });
        var rgb = Read(grey, new ImageFolderOptions(3, 1, 2) { ConvertChannels = true });
        Assert.Equal(new[] { 7 / 255f, 250 / 255f, 7 / 255f, 250 / 255f, 7 / 255f, 250 / 255f }, rgb);

        string colour = Path.Combine(files.Directory, "colour");
        ImageFiles.Colour(Path.Combine(colour, "c.png"), 1, 1, new byte[] { 200, 100, 50 });
        var luminance = Read(colour, new ImageFolderOptions(1, 1, 1) { ConvertChannels = true }).Single();
        Assert.Equal(((0.299 * 200) + (0.587 * 100) + (0.114 * 50)) / 255, luminance, 6);
    }

    [Fact]
    public void ChannelMismatchNamesTheFileWhatWasFoundAndWhatToChange()
    {
        using var files = new TempFiles();
        string path = ImageFiles.Gray(Path.Combine(files.Directory, "g.png"), 3, 2, new byte[6]);
        using var source = ImageFolder.Unlabelled(files.Directory, new ImageFolderOptions(3, 2, 3) { Loader = new DataLoaderOptions { Workers = 1 } });
        var e = Assert.Throws<DatasetFormatException>(() => source.Batches(new BatchRequest(1)).Count());
        Assert.Equal(path, e.FilePath);
        Assert.Contains("a grayscale (1-channel) PNG of 3x2 pixels", e.Message);
        Assert.Contains("read as 3-channel images", e.Message);
        Assert.Contains("ConvertChannels = true", e.Message);
        Assert.Contains("[ImageInput(Channels = 1)]", e.Message);
    }

    [Fact]
    public void ExactRejectsAnotherSizeWithTheSizeFoundAndTheChoices()
    {
        using var files = new TempFiles();
        ImageFiles.Colour(Path.Combine(files.Directory, "c.png"), 4, 2, Pattern(4, 2));
        using var source = ImageFolder.Unlabelled(files.Directory, new ImageFolderOptions(3, 2, 2) { Resize = ImageResize.Exact, Loader = new DataLoaderOptions { Workers = 0 } });
        var e = Assert.Throws<DatasetFormatException>(() => source.Batches(new BatchRequest(1)).Count());
        Assert.Contains("a colour (3-channel RGB) PNG of 4x2 pixels", e.Message);
        Assert.Contains("[ImageInput(Height = 2, Width = 4)]", e.Message);
        Assert.Contains("ImageResize.CoverCrop", e.Message);
    }

    [Fact]
    public void CoverCropKeepsTheCentre()
    {
        using var files = new TempFiles();
        var rgb = Pattern(4, 2);
        ImageFiles.Colour(Path.Combine(files.Directory, "c.png"), 4, 2, rgb);

        // 4x2 into 2x2: the image already covers 2x2 at scale 1, so columns 1 and 2 are cut out unchanged.
        var values = Read(files.Directory, new ImageFolderOptions(3, 2, 2));
        for (int y = 0; y < 2; y++)
        {
            for (int x = 0; x < 2; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    Assert.Equal(rgb[(3 * ((y * 4) + x + 1)) + c] / 255f, values[(c * 4) + (y * 2) + x]);
                }
            }
        }

        Assert.Equal(new SKRectI(100, 0, 400, 300), ImageFileDecoder.CropRectangle(500, 300, new ImageFolderOptions(3, 224, 224)));
        Assert.Equal(new SKRectI(0, 0, 500, 300), ImageFileDecoder.CropRectangle(500, 300, new ImageFolderOptions(3, 224, 224) { Resize = ImageResize.Stretch }));
    }

    [Fact]
    public void StretchAndShrinkingKeepAUniformColour()
    {
        using var files = new TempFiles();
        var rgb = Enumerable.Repeat(new byte[] { 30, 60, 90 }, 40 * 20).SelectMany(p => p).ToArray();
        ImageFiles.Colour(Path.Combine(files.Directory, "c.png"), 40, 20, rgb);
        foreach (var resize in new[] { ImageResize.Stretch, ImageResize.CoverCrop })
        {
            var values = Read(files.Directory, new ImageFolderOptions(3, 5, 7) { Resize = resize });
            Assert.Equal(3 * 5 * 7, values.Length);
            Assert.All(values.Take(35), v => Assert.Equal(30 / 255f, v, 5));
            Assert.All(values.Skip(70), v => Assert.Equal(90 / 255f, v, 5));
        }
    }
}
