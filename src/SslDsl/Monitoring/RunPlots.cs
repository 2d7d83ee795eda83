using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SslDsl;

/// <summary>
/// The PNG plots of a pretraining run, written to its output folder when it ends:
/// <c>loss.png</c> (per-step loss and per-epoch mean against the step), <c>accuracy.png</c>
/// (kNN / probe accuracy per epoch, when measured) and <c>collapse.png</c> (embedding std and
/// effective rank per epoch, when measured).
/// </summary>
public static class RunPlots
{
    /// <summary>The loss plot's file name.</summary>
    public const string LossFile = "loss.png";

    /// <summary>The accuracy plot's file name.</summary>
    public const string AccuracyFile = "accuracy.png";

    /// <summary>The collapse plot's file name.</summary>
    public const string CollapseFile = "collapse.png";

    private static readonly string[] AccuracyKeys = { KnnMonitor<ImageBatch>.AccuracyKey, "probe_accuracy" };

    /// <summary>Writes the plots the data allow; returns the files written.</summary>
    /// <param name="outputDirectory">The run's folder.</param>
    /// <param name="epochs">Per-epoch metrics.</param>
    /// <param name="steps">Per-step losses; null reads <c>steps.jsonl</c> from <paramref name="outputDirectory"/>.</param>
    /// <param name="title">A title prefix (the task's name); null for none.</param>
    public static IReadOnlyList<string> Write(string outputDirectory, IReadOnlyList<EpochMetrics> epochs, IReadOnlyList<StepPoint>? steps = null, string? title = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentNullException.ThrowIfNull(epochs);
        Directory.CreateDirectory(outputDirectory);
        steps ??= MetricsReader.ReadSteps(outputDirectory);
        string prefix = string.IsNullOrEmpty(title) ? "" : title + ": ";
        var written = new List<string>();

        if (steps.Count > 0 || epochs.Count > 0)
        {
            string path = Path.Combine(outputDirectory, LossFile);
            WriteLoss(path, epochs, steps, prefix);
            written.Add(path);
        }

        var accuracyKeys = AccuracyKeys.Where(k => epochs.Any(e => e.Extra.ContainsKey(k))).ToArray();
        if (accuracyKeys.Length > 0)
        {
            string path = Path.Combine(outputDirectory, AccuracyFile);
            var plot = PlotFile.Create(prefix + "accuracy", "epoch", "accuracy");
            for (int i = 0; i < accuracyKeys.Length; i++)
            {
                var (xs, ys) = Series(epochs, accuracyKeys[i]);
                var s = plot.Add.Scatter(xs, ys);
                s.LegendText = accuracyKeys[i];
                s.Color = PlotFile.ColorOf(i);
            }

            plot.Axes.SetLimitsY(0, 1.05);
            PlotFile.IntegerX(plot);
            plot.ShowLegend(ScottPlot.Edge.Bottom);
            PlotFile.Save(plot, path);
            written.Add(path);
        }

        bool hasStd = epochs.Any(e => e.Extra.ContainsKey(CollapseMonitor.StdKey));
        bool hasRank = epochs.Any(e => e.Extra.ContainsKey(CollapseMonitor.EffectiveRankKey));
        if (hasStd || hasRank)
        {
            string path = Path.Combine(outputDirectory, CollapseFile);
            var plot = PlotFile.Create(prefix + "representation spread", "epoch", "embedding std (L2-normalized)");
            if (hasStd)
            {
                var (xs, ys) = Series(epochs, CollapseMonitor.StdKey);
                var s = plot.Add.Scatter(xs, ys);
                s.LegendText = "embedding std";
                s.Color = PlotFile.ColorOf(0);
            }

            if (hasRank)
            {
                var (xs, ys) = Series(epochs, CollapseMonitor.EffectiveRankKey);
                var s = plot.Add.Scatter(xs, ys);
                s.LegendText = "effective rank (right axis)";
                s.Color = PlotFile.ColorOf(1);
                s.Axes.YAxis = plot.Axes.Right;
                plot.Axes.Right.Label.Text = "effective rank";
            }

            PlotFile.IntegerX(plot);
            plot.ShowLegend(ScottPlot.Edge.Bottom);
            PlotFile.Save(plot, path);
            written.Add(path);
        }

        return written;
    }

    private static void WriteLoss(string path, IReadOnlyList<EpochMetrics> epochs, IReadOnlyList<StepPoint> steps, string prefix)
    {
        var plot = PlotFile.Create(prefix + "pretraining loss", steps.Count > 0 ? "step" : "epoch", "loss");
        var finiteSteps = steps.Where(s => double.IsFinite(s.Loss)).ToArray();
        if (finiteSteps.Length > 0)
        {
            var line = plot.Add.Scatter(finiteSteps.Select(s => (double)s.Step).ToArray(), finiteSteps.Select(s => s.Loss).ToArray());
            line.LegendText = "per step";
            line.MarkerSize = 0;
            line.LineWidth = 1;
            line.Color = PlotFile.ColorOf(0).WithAlpha(0.6);
        }

        var finiteEpochs = epochs.Where(e => double.IsFinite(e.Loss)).ToArray();
        if (finiteEpochs.Length > 0)
        {
            // Each epoch's mean is drawn at the step that ended it (the cumulative step count).
            var ends = new Dictionary<int, double>();
            long cumulative = 0;
            foreach (var e in epochs.OrderBy(e => e.Epoch))
            {
                cumulative += e.Steps;
                ends[e.Epoch] = steps.Count > 0 ? cumulative : e.Epoch;
            }

            var mean = plot.Add.Scatter(finiteEpochs.Select(e => ends[e.Epoch]).ToArray(), finiteEpochs.Select(e => e.Loss).ToArray());
            mean.LegendText = "epoch mean";
            mean.MarkerSize = 8;
            mean.LineWidth = 2;
            mean.Color = PlotFile.ColorOf(1);
        }

        PlotFile.IntegerX(plot);
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        PlotFile.Save(plot, path);
    }

    private static (double[] X, double[] Y) Series(IReadOnlyList<EpochMetrics> epochs, string key)
    {
        var points = epochs.Where(e => e.Extra.TryGetValue(key, out var v) && double.IsFinite(v)).OrderBy(e => e.Epoch).ToArray();
        return (points.Select(e => (double)e.Epoch).ToArray(), points.Select(e => e.Extra[key]).ToArray());
    }
}
