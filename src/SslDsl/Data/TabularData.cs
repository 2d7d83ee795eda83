using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// A loaded table ready for training: the <see cref="Dataset"/> of <see cref="TabularBatch"/> (features float [N,F],
/// standardized by <see cref="Scaler"/> when there is one), the raw <see cref="Table"/>, and names.
/// </summary>
public sealed class TabularData : IDisposable
{
    /// <summary>Builds the dataset of <paramref name="table"/>, standardized with <paramref name="scaler"/> when given.</summary>
    public TabularData(TabularTable table, TabularScaler? scaler, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        Table = table;
        Scaler = scaler;
        var features = scaler is null
            ? torch.tensor(table.Values, new long[] { table.Rows, table.Columns })
            : scaler.Transform(table);
        var labels = table.Labels is null ? null : torch.tensor(table.Labels);
        Dataset = new Dataset<TabularBatch>(new[] { features }, labels, name ?? System.IO.Path.GetFileNameWithoutExtension(table.Source));
    }

    /// <summary>The batches for training.</summary>
    public Dataset<TabularBatch> Dataset { get; }

    /// <summary>The statistics the features were standardized with, or null when they were not.</summary>
    public TabularScaler? Scaler { get; }

    /// <summary>The raw (unscaled) values.</summary>
    public TabularTable Table { get; }

    /// <summary>Number of features per row.</summary>
    public int Features => Table.Columns;

    /// <summary>The feature names.</summary>
    public IReadOnlyList<string> FeatureNames => Table.FeatureNames;

    /// <summary>The class names by label, or null.</summary>
    public IReadOnlyList<string>? ClassNames => Table.ClassNames;

    /// <summary>
    /// Splits the rows into train and test (stratified by label when there are labels, see
    /// <see cref="DatasetSplits.SplitIndices"/>). When this data is standardized, the statistics are fitted again on
    /// the training rows only and both parts use them.
    /// </summary>
    /// <param name="testFraction">Fraction of the rows (of each class) in the test part, in (0,1).</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public (TabularData Train, TabularData Test) Split(double testFraction, long seed)
    {
        var (trainIndices, testIndices) = DatasetSplits.SplitIndices(Table.Rows, Table.Labels, testFraction, seed);
        var train = Table.Subset(trainIndices);
        var test = Table.Subset(testIndices);
        var scaler = Scaler is null ? null : TabularScaler.Fit(train);
        return (new TabularData(train, scaler, Dataset.Name + "-train"), new TabularData(test, scaler, Dataset.Name + "-test"));
    }

    /// <inheritdoc />
    public void Dispose() => Dataset.Dispose();
}
