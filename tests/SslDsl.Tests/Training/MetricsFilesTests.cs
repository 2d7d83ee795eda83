using System.Collections.Generic;
using System.IO;
using System.Linq;
using SslDsl;
using Xunit;

namespace SslDsl.Tests.Training;

/// <summary>The metric files: CSV columns, non-finite values, and cutting back to a checkpoint's history.</summary>
public class MetricsFilesTests
{
    private static EpochMetrics Epoch(int epoch, double loss, params (string Key, double Value)[] extra)
    {
        var m = new EpochMetrics(epoch, 2, loss, new Dictionary<string, double> { ["nt_xent"] = loss }, 0.1, 1.5, 20);
        foreach (var (k, v) in extra)
        {
            m.Extra[k] = v;
        }

        return m;
    }

    [Fact]
    public void CsvHasAColumnForEveryFieldOfAnyEpoch()
    {
        string dir = TinyData.TempFolder();
        using (var w = new MetricsWriter(dir))
        {
            w.WriteEpoch(Epoch(1, 2.5));
            w.WriteEpoch(Epoch(2, 2.0, ("knn_accuracy", 0.75)));
        }

        var lines = File.ReadAllLines(Path.Combine(dir, MetricsWriter.EpochsCsvFile));
        Assert.Equal("epoch,steps,loss,loss_nt_xent,lr,seconds,samples_per_second,knn_accuracy", lines[0]);
        Assert.Equal("1,2,2.5,2.5,0.1,1.5,20,", lines[1]);
        Assert.Equal("2,2,2,2,0.1,1.5,20,0.75", lines[2]);
    }

    [Fact]
    public void NonFiniteValuesRoundTripThroughTheJsonFiles()
    {
        string dir = TinyData.TempFolder();
        using (var w = new MetricsWriter(dir))
        {
            w.WriteStep(1, 1, double.NaN, new Dictionary<string, double> { ["nt_xent"] = double.NaN }, 0.1);
            w.WriteEpoch(Epoch(1, double.PositiveInfinity));
        }

        Assert.True(double.IsNaN(Assert.Single(MetricsReader.ReadSteps(dir)).Loss));
        Assert.True(double.IsPositiveInfinity(Assert.Single(MetricsReader.ReadEpochs(dir)).Loss));
    }

    [Fact]
    public void ResumingCutsTheFilesBackToTheCheckpointsHistory()
    {
        string dir = TinyData.TempFolder();
        var first = Epoch(1, 3.0, ("effective_rank", 4.0));
        using (var w = new MetricsWriter(dir))
        {
            for (int s = 1; s <= 5; s++)
            {
                w.WriteStep(s, s <= 2 ? 1 : 2, 10 - s, new Dictionary<string, double>(), 0.1);
            }

            w.WriteEpoch(first);
            w.WriteEpoch(Epoch(2, 2.0));
        }

        // A checkpoint after epoch 1 (step 2): epoch 2 and steps 3..5 are gone, and are written anew.
        using (var w = new MetricsWriter(dir, new[] { first }, keepStepsUpTo: 2))
        {
            w.WriteStep(3, 2, 0.5, new Dictionary<string, double>(), 0.1);
        }

        Assert.Equal(new long[] { 1, 2, 3 }, MetricsReader.ReadSteps(dir).Select(s => s.Step));
        Assert.Equal(0.5, MetricsReader.ReadSteps(dir)[2].Loss);
        var epochs = MetricsReader.ReadEpochs(dir);
        Assert.Equal(4.0, Assert.Single(epochs).Extra["effective_rank"]);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(dir, MetricsWriter.EpochsCsvFile)).Length);
    }

    [Fact]
    public void ReadingSkipsAHalfWrittenLastLineAndKeepsTheLastCopyOfAStep()
    {
        string dir = TinyData.TempFolder();
        File.WriteAllLines(Path.Combine(dir, MetricsWriter.StepsFile), new[]
        {
            "{\"step\":1,\"epoch\":1,\"loss\":4}",
            "{\"step\":2,\"epoch\":1,\"loss\":3}",
            "{\"step\":2,\"epoch\":1,\"loss\":2.5}",
            "{\"step\":3,\"epo",
        });
        var steps = MetricsReader.ReadSteps(dir);
        Assert.Equal(new long[] { 1, 2 }, steps.Select(s => s.Step));
        Assert.Equal(2.5, steps[1].Loss);
    }
}
