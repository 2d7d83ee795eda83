using System;
using System.IO;
using SslDsl;
using SslDsl.Tests.Training;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.DataTests.Images;

/// <summary>
/// The channels and size of a task's [ImageInput] open an image folder (ImageFolderOptions.ForTask), and a batch
/// of other images is refused at Fit and Step with what was found, what the task declares and what to change,
/// before it reaches the augmentations or the encoder.
/// </summary>
[Collection(GlobalRngCollection.Name)]
public class DeclaredImageInputTests
{
    private const string Declared = "Task 'tiny-simclr' declares [ImageInput(Channels = 1, Height = 8, Width = 8)], but the batch holds ";

    [Fact]
    public void ForTaskTakesTheChannelsAndSizeFromImageInput()
    {
        var options = ImageFolderOptions.ForTask<TinySimClr>();

        Assert.Equal((1, 8, 8), (options.Channels, options.Height, options.Width));
        Assert.Equal(new ImageFolderOptions(1, 8, 8), options);
    }

    [Fact]
    public void ForTaskOfAClassWithoutImageInputNamesIt()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageFolderOptions.ForTask<DeclaredImageInputTests>());
        Assert.StartsWith("DeclaredImageInputTests declares no [ImageInput]; ImageFolderOptions.ForTask<DeclaredImageInputTests>() reads the channels and size from it.", e.Message);
    }

    [Fact]
    public void AFolderOpenedAtAnotherSizeFailsAtFitWithOneMessageAndTrainsNothing()
    {
        using var files = new TempFiles();
        using var memory = ImageFiles.TinyFolder(files.Directory, 32, seed: 5);
        var typedByHand = new ImageFolderOptions(3, 12, 12) { ConvertChannels = true, Loader = new DataLoaderOptions { Workers = 0 } };
        using var wrong = ImageFolder.Labelled(files.Directory, typedByHand);
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet(epochs: 1));
        var before = TinyData.Snapshot(trainer.Network);

        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(wrong));

        Assert.Equal(
            Declared + "images of 3x12x12 (channels x height x width). Open image folders with ImageFolderOptions.ForTask<TinySimClr>() " +
            "(it resizes and converts every file to 1x8x8), bring in-memory images to 1x8x8, or declare the images' size in [ImageInput]. (Parameter 'batch')",
            e.Message);
        Assert.Equal(0, trainer.GlobalStep);
        TinyData.AssertIdentical(before, TinyData.Snapshot(trainer.Network));

        // The fix the message names: the same folder opened with the task's declaration trains.
        using var right = ImageFolder.Labelled(files.Directory, ImageFolderOptions.ForTask<TinySimClr>() with { Loader = new DataLoaderOptions { Workers = 0 } });
        Assert.Equal(2L, trainer.Fit(right).Epochs[0].Steps);
    }

    [Theory]
    [InlineData(new long[] { 16, 1, 8, 9 }, "images of 1x8x9 (channels x height x width).")]
    [InlineData(new long[] { 16, 3, 8, 8 }, "images of 3x8x8 (channels x height x width).")]
    [InlineData(new long[] { 16, 8, 8 }, "a tensor of shape [16, 8, 8], not [batch, channels, height, width].")]
    public void StepRefusesImagesOfAnotherShape(long[] shape, string found)
    {
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet());
        using var images = torch.rand(shape);

        var e = Assert.Throws<ArgumentException>(() => trainer.Step(new ImageBatch(images)));

        Assert.StartsWith(Declared + found, e.Message);
        Assert.Equal(0, trainer.GlobalStep);
    }
}
