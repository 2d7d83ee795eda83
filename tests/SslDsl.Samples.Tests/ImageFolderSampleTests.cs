using System.IO;
using ImageFolderSample;
using Xunit;

namespace SslDsl.Samples.Tests;

/// <summary>The image-folder sample's real path: Fashion-MNIST exported as PNG class folders, pretrained on and probed.</summary>
public class ImageFolderSampleTests
{
    [Fact]
    public void ExportThenOneShortRunFromTheFolderWritesItsSummary()
    {
        string folder = SampleData.OutputFolder("image-folder-png");
        string output = SampleData.OutputFolder("image-folder-run");
        var (train, test) = FolderSample.Export(new FolderOptions { Export = folder, Limit = 300, Data = SampleData.FashionMnistDirectory() }, TextWriter.Null);
        Assert.Equal(300, train);
        Assert.Equal(300, test);
        Assert.Equal(10, Directory.GetDirectories(Path.Combine(folder, "train")).Length);
        Assert.True(File.Exists(Path.Combine(folder, "train", "09-Ankle boot", "00000.png")), "the first training image is an ankle boot");

        var log = new StringWriter();
        var summary = FolderSample.Run(new FolderOptions
        {
            Folder = folder, Epochs = 1, BatchSize = 64, ProbeEpochs = 2, Workers = 2, Device = "cpu", Output = output, Progress = false,
        }, log);
        Assert.Contains("Input: image 1x28x28 -> ImageBatch", log.ToString());
        Assert.Matches(@"Training: Epochs = 1 \(declared \d+\), BatchSize = 64 \(declared \d+\), Seed = 42,", log.ToString());
        Assert.Equal(300, summary.TrainImages);
        Assert.Equal(1, summary.Epochs);
        SummaryAssert.FiniteNonNegative(summary.FinalPretrainLoss, "NT-Xent loss");
        SummaryAssert.Accuracy(summary.ProbeTestAccuracy, "probe test accuracy");
        Assert.True(summary.ProbeTestAccuracy > 0.3, $"probe test accuracy {summary.ProbeTestAccuracy} on 10 classes");
        SummaryAssert.Files(output);
    }

    [Fact]
    public void FolderOrExportMustBeGiven()
    {
        var e = Assert.Throws<System.ArgumentException>(() => FolderSample.Run(FolderOptions.Parse("--epochs", "2"), TextWriter.Null));
        Assert.StartsWith("Pass --folder DIR", e.Message);
    }
}
