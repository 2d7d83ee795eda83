using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>A 2-D picture of a representation: the first two principal components of embeddings, coloured by label.</summary>
public static class EmbeddingPlot
{
    /// <summary>
    /// Writes a PNG scatter of the embeddings' first two principal components (<see cref="Pca"/>),
    /// one colour per label, with the explained variance on the axes.
    /// </summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="embeddings">[N, D] with N, D &gt;= 2.</param>
    /// <param name="labels">long [N] class labels.</param>
    /// <param name="title">The figure's title.</param>
    /// <param name="classNames">Names by label for the legend; null uses the numbers.</param>
    /// <returns>The fraction of variance the two components explain.</returns>
    public static double WritePca(string path, Tensor embeddings, Tensor labels, string title, IReadOnlyList<string>? classNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(labels);
        if (embeddings.dim() != 2 || embeddings.shape[0] < 2 || embeddings.shape[1] < 2)
        {
            throw new ArgumentException($"A PCA plot needs embeddings [N, D] with N, D >= 2; got [{string.Join(",", embeddings.shape)}].", nameof(embeddings));
        }

        if (labels.dim() != 1 || labels.shape[0] != embeddings.shape[0])
        {
            throw new ArgumentException($"Expected {embeddings.shape[0]} labels; got shape [{string.Join(",", labels.shape)}].", nameof(labels));
        }

        using var scope = torch.NewDisposeScope();
        var scores = Pca.Project(embeddings, 2, out var ratio);
        var pc1 = scores.select(1, 0).data<double>().ToArray();
        var pc2 = scores.select(1, 1).data<double>().ToArray();
        var y = labels.to_type(ScalarType.Int64).cpu().data<long>().ToArray();

        var c = CultureInfo.InvariantCulture;
        var plot = PlotFile.Create(title, string.Create(c, $"PC1 ({100 * ratio[0]:F1}% of variance)"), string.Create(c, $"PC2 ({100 * ratio[1]:F1}% of variance)"));
        var classes = y.Distinct().OrderBy(v => v).ToArray();
        for (int i = 0; i < classes.Length; i++)
        {
            long label = classes[i];
            var idx = Enumerable.Range(0, y.Length).Where(j => y[j] == label).ToArray();
            var points = plot.Add.ScatterPoints(idx.Select(j => pc1[j]).ToArray(), idx.Select(j => pc2[j]).ToArray());
            points.Color = PlotFile.ColorOf(i).WithAlpha(0.7);
            points.MarkerSize = 4;
            points.LegendText = classNames is not null && label >= 0 && label < classNames.Count ? classNames[(int)label] : label.ToString(c);
        }

        plot.ShowLegend(ScottPlot.Edge.Right);
        PlotFile.EnsureFolder(path);
        PlotFile.Save(plot, path);
        return ratio[0] + ratio[1];
    }
}
