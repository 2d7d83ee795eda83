using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.Monitoring;

/// <summary>PCA against a hand-computed projection, and PNG plots rendered headless.</summary>
public class PcaPlotTests
{
    private static string TempFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ssldsl-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Width and height from a PNG's IHDR chunk, after checking the signature.</summary>
    private static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000, $"{path} is only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes.Take(8).ToArray());
        int Read(int o) => (bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3];
        return (Read(16), Read(20));
    }

    [Fact]
    public void PointsOnALineProjectOntoItsDirection()
    {
        // Points (t + 1, 2t + 3) for t = -2..2: centered they are t (1, 2); the first axis is (1, 2) / sqrt(5)
        // (largest coordinate positive), so the first score is t * sqrt(5) and the second 0; all variance on PC1.
        var t = new[] { -2f, -1f, 0f, 1f, 2f };
        var flat = t.SelectMany(v => new[] { v + 1, (2 * v) + 3 }).ToArray();
        using var x = torch.tensor(flat, new long[] { 5, 2 });
        using var scores = Pca.Project(x, 2, out var ratio);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(t[i] * Math.Sqrt(5), scores[i, 0].item<double>(), 5);
            Assert.Equal(0.0, scores[i, 1].item<double>(), 5);
        }

        Assert.Equal(1.0, ratio[0], 6);
        Assert.Equal(0.0, ratio[1], 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Project(x, 3));
    }

    [Fact]
    public void PcaScatterIsWrittenAsAPng()
    {
        string path = Path.Combine(TempFolder(), "pca.png");
        using var generator = new torch.Generator(1);
        using var embeddings = torch.randn(new long[] { 60, 6 }, generator: generator);
        using var labels = torch.arange(60, dtype: torch.ScalarType.Int64).remainder(3);
        double explained = EmbeddingPlot.WritePca(path, embeddings, labels, "test embeddings", new[] { "a", "b", "c" });
        Assert.Equal((800, 500), PngSize(path));
        Assert.InRange(explained, 2.0 / 6, 1.0);
    }

    [Fact]
    public void RunPlotsWriteLossAccuracyAndCollapseFigures()
    {
        string dir = TempFolder();
        var epochs = new List<EpochMetrics>();
        for (int e = 1; e <= 3; e++)
        {
            var m = new EpochMetrics(e, 4, 3.0 / e, new Dictionary<string, double> { ["nt_xent"] = 3.0 / e }, 1e-3, 1, 100);
            m.Extra[CollapseMonitor.StdKey] = 0.05 * e;
            m.Extra[CollapseMonitor.EffectiveRankKey] = 2 + e;
            if (e % 2 == 0)
            {
                m.Extra[KnnMonitor<ImageBatch>.AccuracyKey] = 0.5 + (0.1 * e);
            }

            epochs.Add(m);
        }

        var steps = Enumerable.Range(1, 12).Select(s => new StepPoint(s, ((s - 1) / 4) + 1, 4.0 / s)).ToArray();
        var files = RunPlots.Write(dir, epochs, steps, "tiny");
        Assert.Equal(new[] { RunPlots.LossFile, RunPlots.AccuracyFile, RunPlots.CollapseFile }, files.Select(Path.GetFileName));
        Assert.All(files, f => Assert.Equal((800, 500), PngSize(f)));
    }

    [Fact]
    public void RunPlotsWithoutMonitorsWriteOnlyTheLoss()
    {
        string dir = TempFolder();
        var epochs = new[] { new EpochMetrics(1, 2, 1.5, new Dictionary<string, double>(), 1e-3, 1, 10) };
        var files = RunPlots.Write(dir, epochs, Array.Empty<StepPoint>());
        Assert.Equal(new[] { Path.Combine(dir, RunPlots.LossFile) }, files);
    }
}
