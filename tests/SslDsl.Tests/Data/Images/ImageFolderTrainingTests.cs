using System.IO;
using System.Linq;
using System.Threading;
using SslDsl;
using SslDsl.Tests.Training;
using Xunit;

namespace SslDsl.Tests.DataTests.Images;

/// <summary>The trainer, its exact resume, the monitors and the fine-tuner read an image folder as they read the same images in memory.</summary>
[Collection(GlobalRngCollection.Name)]
public class ImageFolderTrainingTests
{
    [Fact]
    public void PretrainingFromAFolderGivesTheWeightsOfPretrainingOnTheSameImagesInMemory()
    {
        using var files = new TempFiles();
        using var memory = ImageFiles.TinyFolder(files.Directory, 64, seed: 11);
        using var folder = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny(workers: 2));

        using var fromMemory = new TinySimClr.Trainer(TinyData.Quiet(epochs: 2));
        var expected = fromMemory.Fit(memory);
        using var fromFolder = new TinySimClr.Trainer(TinyData.Quiet(epochs: 2));
        var actual = fromFolder.Fit(folder);

        TinyData.AssertIdentical(TinyData.Snapshot(fromMemory.Network), TinyData.Snapshot(fromFolder.Network));
        Assert.Equal(expected.Epochs.Select(e => e.Loss), actual.Epochs.Select(e => e.Loss));
    }

    [Fact]
    public void CancelMidEpochThenResumeFromAFolderGivesTheWeightsOfAnUninterruptedRun()
    {
        using var files = new TempFiles();
        using var memory = ImageFiles.TinyFolder(files.Directory, 64, seed: 12);
        using var folder = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny(workers: 2));
        using var straight = new TinySimClr.Trainer(TinyData.Quiet(epochs: 3));
        var expected = straight.Fit(folder);

        string dir = TinyData.TempFolder();
        using (var first = new TinySimClr.Trainer(TinyData.Quiet(dir, epochs: 3)))
        using (var cts = new CancellationTokenSource())
        {
            first.StepCompleted += (_, s) =>
            {
                if (s.Step == 7)
                {
                    cts.Cancel();
                }
            };
            Assert.True(first.Fit(folder, cts.Token).Interrupted);
        }

        using var second = new TinySimClr.Trainer(TinyData.Quiet(dir, resume: true, epochs: 3));
        var resumed = second.Fit(folder);
        TinyData.AssertIdentical(TinyData.Snapshot(straight.Network), TinyData.Snapshot(second.Network));
        Assert.Equal(expected.Epochs.Select(e => e.Loss), resumed.Epochs.Select(e => e.Loss));
    }

    [Fact]
    public void MonitorsAndTheLinearProbeReadAFolderAsTheSameImagesInMemory()
    {
        using var files = new TempFiles();
        using var memory = ImageFiles.TinyFolder(files.Directory, 48, seed: 13);
        using var folder = ImageFolder.Labelled(files.Directory, ImageFiles.Tiny(workers: 1));
        double Knn(IDataSource<ImageBatch> data)
        {
            var options = new TrainingOptions
            {
                Epochs = 1, Device = TorchSharp.torch.CPU, ShowProgress = false, Log = TextWriter.Null, WritePlots = false, CollapseMonitor = null,
                Monitors = { new KnnMonitor<ImageBatch>(data, data, k: 3) },
            };
            using var trainer = new TinySimClr.Trainer(options);
            return trainer.Fit(memory).Epochs.Single().Extra[KnnMonitor<ImageBatch>.AccuracyKey];
        }

        Assert.Equal(Knn(memory), Knn(folder));

        using var trainer = new TinySimClr.Trainer(TinyData.Quiet(epochs: 1));
        trainer.Fit(memory);
        using var fromMemory = trainer.EmbedLabelled(memory, 20);
        using var fromFolder = trainer.EmbedLabelled(folder, 20);
        Assert.True(TinyData.Same(fromMemory.Features, fromFolder.Features));
        Assert.True(TinyData.Same(fromMemory.Labels!, fromFolder.Labels!));

        FineTuneResult Probe(IDataSource<ImageBatch> data)
        {
            using var probe = new TinySimClr.FineTuner(trainer.Model, options: TinyData.Quiet());
            using var fit = data.Slice(0, 40);
            using var validation = data.Slice(40, 8);
            return probe.Fit(fit, validation, data);
        }

        var a = Probe(memory);
        var b = Probe(folder);
        Assert.Equal(a.Test!.Accuracy, b.Test!.Accuracy);
        Assert.Equal(a.Probe!.Chosen, b.Probe!.Chosen);

        // Holding out by itself, the probe draws a streaming source's validation samples with the seed (a class-sorted
        // folder's tail would be one class only): every class is in both parts.
        using var probe = new TinySimClr.FineTuner(trainer.Model, options: TinyData.Quiet());
        var (rest, validation) = probe.HoldOut(folder, 12);
        using (rest)
        using (validation)
        using (var scope = TorchSharp.torch.NewDisposeScope())
        {
            var labels = validation.Batches(new BatchRequest(12)).Single().Labels!.data<long>().ToArray();
            Assert.Equal(new long[] { 0, 1 }, labels.Distinct().OrderBy(l => l));
            Assert.Equal(36, rest.Count);
        }

        Assert.Equal(4, probe.Fit(folder, folder).Validation!.Count);
    }
}
