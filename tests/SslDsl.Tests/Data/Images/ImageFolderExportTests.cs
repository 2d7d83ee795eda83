using System.IO;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.DataTests.Images;

/// <summary>PNG export writes what an image folder reads back exactly.</summary>
public class ImageFolderExportTests
{
    [Fact]
    public void ALabelledExportReadsBackAsTheSameImagesAndLabels()
    {
        using var made = new TempFiles();
        using var memory = ImageFiles.TinyFolder(made.Directory, 30, seed: 3);
        using var files = new TempFiles();
        Assert.Equal(30, ImageFolderExport.WritePng(memory, files.Directory, byClass: true, classNames: new[] { "top/bright", "bottom" }));
        Assert.Equal(new[] { "00-top_bright", "01-bottom" }, Directory.GetDirectories(files.Directory).Select(Path.GetFileName).OrderBy(n => n));
        using var folder = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny());
        var request = new BatchRequest(7) { Shuffle = true, Seed = 1 };
        ImageFiles.AssertSameBatches(memory.Batches(request), folder.Batches(request));
    }

    [Fact]
    public void AFlatColourExportReadsBackInTheSameOrder()
    {
        using var generator = new torch.Generator(5);
        using var bytes = torch.randint(0, 256, new long[] { 9, 3, 5, 4 }, generator: generator);
        using var memory = new Dataset<ImageBatch>(new[] { bytes.to_type(ScalarType.Float32).div(255f) }, null, "colour");
        using var files = new TempFiles();
        Assert.Equal(18, ImageFolderExport.WritePng(memory, files.Directory, byClass: false, copies: 2));
        using var folder = ImageFolder.Unlabelled(files.Directory, new ImageFolderOptions(3, 5, 4) { Resize = ImageResize.Exact });
        using var scope = torch.NewDisposeScope();
        var all = folder.Batches(new BatchRequest(18)).Single().Images;
        Assert.True(Training.TinyData.Same(memory.Tensors[0], all.narrow(0, 0, 9)));
        Assert.True(Training.TinyData.Same(memory.Tensors[0], all.narrow(0, 9, 9)));
    }
}
