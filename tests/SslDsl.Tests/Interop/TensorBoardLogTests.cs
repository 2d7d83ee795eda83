using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SslDsl.Tests.Training;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.InteropTests;

/// <summary>The TensorBoard log of a run, read back from its event file.</summary>
public class TensorBoardLogTests
{
    [Fact]
    public void Crc32CGivesTheStandardCheckValue()
    {
        Assert.Equal(0xE3069283u, TensorBoardEvents.Crc32C(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void TheEventFileHoldsEveryStepAndEpochMetricAndTheProjectorGetsTheFinalEmbeddings()
    {
        string dir = TinyData.TempFolder();
        using var train = TinyData.Images(64, seed: 31);
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet(dir));
        var fit = trainer.Fit(train);

        string run = Path.Combine(dir, "tensorboard", "pretrain");
        var events = TensorBoardEvents.Read(TensorBoardEvents.SingleFile(run));
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        var scalars = TensorBoardEvents.Scalars(events);

        // Every step of steps.jsonl: loss, learning rate and the loss term, at its global step.
        var steps = File.ReadAllLines(Path.Combine(dir, "steps.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(16, steps.Length);
        foreach (var field in new[] { "loss", "lr" })
        {
            var logged = scalars.Where(s => s.Tag == "step/" + field).ToArray();
            Assert.Equal(steps.Select(s => s.GetProperty("step").GetInt64()), logged.Select(s => s.Step));
            Assert.Equal(steps.Select(s => (float)s.GetProperty(field).GetDouble()), logged.Select(s => s.Value));
        }

        // Every epoch: loss, learning rate and the collapse monitor's measurements, at its epoch.
        Assert.Equal(4, fit.Epochs.Count);
        Assert.Equal(fit.Epochs.Select(e => (float)e.Loss), Values(scalars, "epoch/loss"));
        Assert.Equal(fit.Epochs.Select(e => (float)e.LearningRate), Values(scalars, "epoch/lr"));
        Assert.Equal(fit.Epochs.Select(e => (float)e.Extra[CollapseMonitor.StdKey]), Values(scalars, "epoch/embedding_std"));
        Assert.Equal(fit.Epochs.Select(e => (float)e.Extra[CollapseMonitor.EffectiveRankKey]), Values(scalars, "epoch/effective_rank"));
        Assert.Equal(new long[] { 1, 2, 3, 4 }, scalars.Where(s => s.Tag == "epoch/loss").Select(s => s.Step));

        // The projector: the final embeddings of the training samples, with their labels.
        Assert.Equal(
            "embeddings {\n  tensor_name: \"tiny-simclr after epoch 4\"\n  tensor_path: \"embeddings/tensors.tsv\"\n  metadata_path: \"embeddings/metadata.tsv\"\n}\n",
            File.ReadAllText(Path.Combine(run, "projector_config.pbtxt")));
        using var expected = trainer.Embed(train);
        var rows = File.ReadAllLines(Path.Combine(run, "embeddings", "tensors.tsv"));
        Assert.Equal(64, rows.Length);
        var parsed = rows.SelectMany(r => r.Split('\t').Select(v => float.Parse(v, CultureInfo.InvariantCulture))).ToArray();
        Assert.Equal(expected.data<float>().ToArray(), parsed);
        Assert.Equal(Enumerable.Range(0, 64).Select(i => (i % 2).ToString(CultureInfo.InvariantCulture)), File.ReadAllLines(Path.Combine(run, "embeddings", "metadata.tsv")));
    }

    [Fact]
    public void AResumedRunRewritesTheLogWithEachStepAndEpochOnce()
    {
        string dir = TinyData.TempFolder();
        using var train = TinyData.Images(64, seed: 32);
        using (var first = new TinySimClr.Trainer(TinyData.Quiet(dir, epochs: 2)))
        {
            first.Fit(train);
        }

        using (var second = new TinySimClr.Trainer(TinyData.Quiet(dir, resume: true, epochs: 4)))
        {
            Assert.Equal(2, second.Fit(train).ResumedFromEpoch);
        }

        var scalars = TensorBoardEvents.Scalars(TensorBoardEvents.Read(TensorBoardEvents.SingleFile(Path.Combine(dir, "tensorboard", "pretrain"))));
        Assert.Equal(Enumerable.Range(1, 16).Select(i => (long)i), scalars.Where(s => s.Tag == "step/loss").Select(s => s.Step));
        Assert.Equal(new long[] { 1, 2, 3, 4 }, scalars.Where(s => s.Tag == "epoch/loss").Select(s => s.Step));
        var epochs = MetricsReader.ReadEpochs(dir);
        Assert.Equal(epochs.Select(e => (float)e.Loss), Values(scalars, "epoch/loss"));
    }

    [Fact]
    public void AFineTunerLogsItsLossCurveAndFinalAccuracies()
    {
        string dir = TinyData.TempFolder();
        using var train = TinyData.Images(64, seed: 33, name: "train");
        using var test = TinyData.Images(32, seed: 34, name: "test");
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet());
        trainer.Fit(train);
        var options = new TrainingOptions { Device = torch.CPU, Seed = 4, ShowProgress = false, Log = TextWriter.Null, OutputDirectory = dir };
        using var probe = new TinySimClr.FineTuner(trainer.Model, options: options);
        probe.Probe = probe.Probe with { MinSteps = 0 }; // the declared 4 epochs alone, one logged point each
        var result = probe.Fit(train, test);

        var scalars = TensorBoardEvents.Scalars(TensorBoardEvents.Read(TensorBoardEvents.SingleFile(Path.Combine(dir, "tensorboard", "fine-tune"))));
        Assert.Equal(result.EpochLosses.Select(l => (float)l), Values(scalars, "epoch/loss"));
        Assert.Equal(new long[] { 1, 2, 3, 4 }, scalars.Where(s => s.Tag == "epoch/lr").Select(s => s.Step));
        Assert.Equal(new[] { new ScalarEvent("eval/test_accuracy", 4, (float)result.Test!.Accuracy) }, scalars.Where(s => s.Tag == "eval/test_accuracy"));
        Assert.Equal((float)result.Train.Accuracy, scalars.Single(s => s.Tag == "eval/train_accuracy").Value);
    }

    [Fact]
    public void TurnedOffNoLogIsWritten()
    {
        string dir = TinyData.TempFolder();
        using var train = TinyData.Images(32, seed: 35);
        var options = new TrainingOptions { Device = torch.CPU, OutputDirectory = dir, ShowProgress = false, Log = TextWriter.Null, WritePlots = false, TensorBoard = false, Epochs = 1 };
        using var trainer = new TinySimClr.Trainer(options);
        trainer.Fit(train);
        Assert.True(File.Exists(Path.Combine(dir, "epochs.jsonl")));
        Assert.False(Directory.Exists(Path.Combine(dir, "tensorboard")));
    }

    private static float[] Values(System.Collections.Generic.IEnumerable<ScalarEvent> scalars, string tag) =>
        scalars.Where(s => s.Tag == tag).Select(s => s.Value).ToArray();
}
