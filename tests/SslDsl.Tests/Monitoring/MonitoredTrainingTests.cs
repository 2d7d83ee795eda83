using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SslDsl;
using SslDsl.Tests.Training;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Monitoring;

/// <summary>Monitors inside a real training run: what they record, what they write, and that they do not change training.</summary>
[Collection(GlobalRngCollection.Name)]
public class MonitoredTrainingTests
{
    /// <summary>A monitor that draws from the global generator (as a careless one might).</summary>
    private sealed class RandomDrawingMonitor : ITrainingMonitor
    {
        public string Name => "random";

        public void OnEpochEnd(ITrainingContext context, EpochMetrics metrics)
        {
            using var noise = torch.rand(100);
            metrics.Extra["noise"] = noise.mean().item<float>();
        }
    }

    /// <summary>A monitor that fails.</summary>
    private sealed class FailingMonitor : ITrainingMonitor
    {
        public int Calls { get; private set; }

        public string Name => "boom";

        public void OnEpochEnd(ITrainingContext context, EpochMetrics metrics)
        {
            Calls++;
            throw new InvalidOperationException("monitor bug");
        }
    }

    [Fact]
    public void MonitorsRecordTheirMeasurementsAndWriteFilesAndPlots()
    {
        string dir = TinyData.TempFolder();
        using var train = TinyData.Images(64, seed: 31, name: "train");
        using var test = TinyData.Images(40, seed: 32, name: "test");
        var knn = new KnnMonitor<ImageBatch>(train, test, every: 2, k: 5);
        var plot = new EmbeddingPlotMonitor<ImageBatch>(test, classNames: new[] { "top", "bottom" });
        var log = new StringWriter();
        using var trainer = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, OutputDirectory = dir, ShowProgress = false, Log = log,
            Monitors = { knn, plot },
        });
        var result = trainer.Fit(train);

        Assert.All(result.Epochs, e =>
        {
            Assert.InRange(e.Extra[CollapseMonitor.StdKey], 0.0, 1.0);
            Assert.InRange(e.Extra[CollapseMonitor.EffectiveRankKey], 1.0, TinySimClr.EncoderOutputDim);
        });
        Assert.Equal(new[] { false, true, false, true }, result.Epochs.Select(e => e.Extra.ContainsKey(KnnMonitor<ImageBatch>.AccuracyKey)));

        // The last measurement is the kNN accuracy of the final encoder.
        using var reference = trainer.Embed(train);
        using var queries = trainer.Embed(test);
        double expected = KnnClassifier.Accuracy(reference, train.Labels!, queries, test.Labels!, k: 5);
        Assert.Equal(expected, result.Epochs[3].Extra[KnnMonitor<ImageBatch>.AccuracyKey]);
        Assert.Contains("5-NN accuracy", log.ToString());

        string header = File.ReadLines(Path.Combine(dir, "epochs.csv")).First();
        Assert.Contains("embedding_std", header);
        Assert.Contains("effective_rank", header);
        Assert.Contains("knn_accuracy", header);
        var reread = MetricsReader.ReadEpochs(dir);
        Assert.Equal(result.Epochs[1].Extra[KnnMonitor<ImageBatch>.AccuracyKey], reread[1].Extra[KnnMonitor<ImageBatch>.AccuracyKey]);

        foreach (var file in new[] { RunPlots.LossFile, RunPlots.AccuracyFile, RunPlots.CollapseFile, EmbeddingPlotMonitor<ImageBatch>.FileName })
        {
            Assert.True(new FileInfo(Path.Combine(dir, file)).Length > 1000, file);
        }

        Assert.Equal(Path.Combine(dir, EmbeddingPlotMonitor<ImageBatch>.FileName), plot.WrittenPath);
    }

    [Fact]
    public void LinearProbeMonitorRecordsTheProbeAccuracyOfTheEncoder()
    {
        using var train = TinyData.Images(64, seed: 36, name: "train");
        using var test = TinyData.Images(40, seed: 37, name: "test");
        var probe = new LinearProbeMonitor<ImageBatch>(train, test, classes: 2, every: 3, epochs: 5, learningRate: 0.05);
        using var trainer = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, ShowProgress = false, Log = TextWriter.Null, Monitors = { probe },
        });
        var result = trainer.Fit(train);
        Assert.Equal(new[] { false, false, true, true }, result.Epochs.Select(e => e.Extra.ContainsKey(LinearProbeMonitor<ImageBatch>.AccuracyKey)));

        // Top-bright and bottom-bright images are told apart by a probe on the pretrained encoder.
        Assert.InRange(result.Epochs[3].Extra[LinearProbeMonitor<ImageBatch>.AccuracyKey], 0.9, 1.0);
        var again = LinearProbeMonitor<ImageBatch>.Probe(trainer.Embed(train), train.Labels!, trainer.Embed(test), test.Labels!, probe.Settings, trainer.Settings.Seed);
        Assert.Equal(again.Test!.Accuracy, result.Epochs[3].Extra[LinearProbeMonitor<ImageBatch>.AccuracyKey]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearProbeMonitor<ImageBatch>(train, test, classes: 1));
    }

    [Fact]
    public void MonitorsDoNotChangeTheCourseOfTraining()
    {
        using var train = TinyData.Images(64, seed: 33);
        using var test = TinyData.Images(20, seed: 34);

        using var plain = new TinySimClr.Trainer(new TrainingOptions { Device = torch.CPU, ShowProgress = false, Log = TextWriter.Null, CollapseMonitor = null, Epochs = 2 });
        plain.Fit(train);
        using var rngAfterPlain = torch.random.get_rng_state();

        using var monitored = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, ShowProgress = false, Log = TextWriter.Null, Epochs = 2,
            Monitors = { new KnnMonitor<ImageBatch>(train, test), new RandomDrawingMonitor() },
        });
        var result = monitored.Fit(train);
        using var rngAfterMonitored = torch.random.get_rng_state();
        Assert.True(result.Epochs.All(e => e.Extra.ContainsKey("noise")));
        TinyData.AssertIdentical(TinyData.Snapshot(plain.Network), TinyData.Snapshot(monitored.Network));

        // The monitor drew from the global generator, but the trainer put its state back:
        // it is where the unmonitored run left it.
        Assert.True(TinyData.Same(rngAfterPlain, rngAfterMonitored));
    }

    [Fact]
    public void AFailingMonitorIsReportedAndSwitchedOffWithoutStoppingTheRun()
    {
        using var train = TinyData.Images(64, seed: 35);
        var failing = new FailingMonitor();
        var log = new StringWriter();
        using var trainer = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, ShowProgress = false, Log = log, Epochs = 3, Monitors = { failing },
        });
        var result = trainer.Fit(train);
        Assert.Equal(3, result.Epochs.Count);
        Assert.Equal(1, failing.Calls);
        Assert.Contains("monitor 'boom' failed at epoch 1 and is switched off for the rest of this run: InvalidOperationException: monitor bug", log.ToString());
        Assert.All(result.Epochs, e => Assert.True(e.Extra.ContainsKey(CollapseMonitor.EffectiveRankKey)));
    }

    [Fact]
    public void KnnMonitorRejectsUnlabelledDataAndBadSettings()
    {
        using var labelled = TinyData.Images(8, seed: 1);
        using var unlabelled = new Dataset<ImageBatch>(new[] { torch.zeros(8, 1, 8, 8) });
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => new KnnMonitor<ImageBatch>(unlabelled, labelled)).ParamName);
        Assert.Equal("test", Assert.Throws<ArgumentException>(() => new KnnMonitor<ImageBatch>(labelled, unlabelled)).ParamName);
        Assert.Equal("every", Assert.Throws<ArgumentOutOfRangeException>(() => new KnnMonitor<ImageBatch>(labelled, labelled, every: 0)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => new KnnMonitor<ImageBatch>(labelled, labelled, k: 0)).ParamName);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => new KnnMonitor<ImageBatch>(labelled, labelled, temperature: -1)).ParamName);
    }
}
