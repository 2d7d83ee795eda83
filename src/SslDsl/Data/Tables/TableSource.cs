using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SslDsl;

/// <summary>
/// A CSV or Parquet table read for training at any size: one streaming pass parses every row into a row cache
/// (a temporary file, deleted on dispose), counts the numeric columns' mean and std and the categories; batches
/// are then read from the cache at any row, on worker threads. Features are, in order: the numeric columns
/// (standardized when <see cref="TableOptions.Standardize"/>), one one-hot block per one-hot column, then one
/// index per embedded column (for <see cref="CategoricalEmbedding"/>). Memory holds the statistics and the
/// categories, never the rows.
/// </summary>
public sealed class TableSource : StreamingSource<TabularBatch>
{
    private readonly RowCache<float> _cache;
    private readonly int[][] _categoryOrder;
    private readonly int[]? _classOrder;
    private readonly float[] _mean;
    private readonly float[] _std;
    private readonly int[] _oneHotWidth;
    private readonly string _fingerprint;
    private readonly int _numeric;

    private TableSource(string path, TableOptions options, TableScan scan, string[] numeric, string name)
        : base(name, options.Loader)
    {
        Path = path;
        Options = options;
        _cache = scan.Cache;
        _numeric = numeric.Length;
        string[][] categories;
        string[]? classes;
        (categories, _categoryOrder, classes, _classOrder) = scan.Complete();
        ClassNames = classes;
        Categories = options.Categorical.Select((c, i) => (c.Name, (IReadOnlyList<string>)categories[i])).ToDictionary(p => p.Name, p => p.Item2, StringComparer.Ordinal);
        _mean = scan.Statistics.Select(s => (float)s.Mean).ToArray();
        _std = scan.Statistics.Select(s => (float)s.Std).ToArray();
        _oneHotWidth = options.Categorical.Select((c, i) => c.Encoding == CategoricalEncoding.OneHot ? Math.Max(c.Cardinality, categories[i].Length) : 0).ToArray();

        var names = new List<string>(numeric);
        for (int c = 0; c < options.Categorical.Count; c++)
        {
            if (options.Categorical[c].Encoding == CategoricalEncoding.OneHot)
            {
                names.AddRange(Enumerable.Range(0, _oneHotWidth[c]).Select(k => $"{options.Categorical[c].Name}={(k < categories[c].Length ? categories[c][k] : $"#{k}")}"));
            }
        }

        names.AddRange(options.Categorical.Where(c => c.Encoding == CategoricalEncoding.Embedding).Select(c => $"{c.Name}#index"));
        FeatureNames = names;
        NumericMeans = _mean;
        NumericStds = _std;
        _fingerprint = SourceFingerprint.Of(new object?[] { "table", System.IO.Path.GetFileName(path), new FileInfo(path).Length, Count, string.Join(",", names), options.Standardize, options.Missing }
            .Concat(_mean.Select(m => (object?)m)).Concat(_std.Select(s => (object?)s)).ToArray());
    }

    /// <summary>Opens a CSV table (header line first) and makes the streaming pass.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetFormatException">The file is empty or malformed, a column is missing, a value is not a number, or a value is missing under <see cref="MissingValuePolicy.Error"/>.</exception>
    public static TableSource Csv(string path, TableOptions? options = null, string? name = null) =>
        Open(path, options, name, CsvTableReader.Scan);

    /// <summary>Opens a Parquet table and makes the streaming pass, one row group at a time.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetFormatException">The file is not Parquet, a column is missing or of the wrong type, or a value is missing under <see cref="MissingValuePolicy.Error"/>.</exception>
    public static TableSource Parquet(string path, TableOptions? options = null, string? name = null) =>
        Open(path, options, name, ParquetTableReader.Scan);

    private static TableSource Open(string path, TableOptions? options, string? name, Func<string, TableOptions, (TableScan, string[])> scan)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new TableOptions();
        options.Validate();
        string full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new DatasetFormatException(full, "is a folder; a table file was expected here.");
        }

        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The table {full} does not exist.", full);
        }

        var (tableScan, numeric) = scan(full, options);
        try
        {
            return new TableSource(full, options, tableScan, numeric, name ?? System.IO.Path.GetFileNameWithoutExtension(full));
        }
        catch
        {
            tableScan.Cache.Dispose();
            throw;
        }
    }

    /// <summary>The table file.</summary>
    public string Path { get; }

    /// <summary>How the table is read.</summary>
    public TableOptions Options { get; }

    /// <summary>The name of each feature: numeric columns, then "column=category" for one-hot features, then "column#index" for embedded columns.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Features per row: the width to declare in <c>[TabularInput(Features = ...)]</c>.</summary>
    public int Features => FeatureNames.Count;

    /// <summary>The class names by label, or null without a label column.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>The categories of each categorical column, by index (ordinal order).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Categories { get; }

    /// <summary>The mean of each numeric column over the values present (the streaming pass).</summary>
    public IReadOnlyList<float> NumericMeans { get; }

    /// <summary>The population std of each numeric column (1 for a constant column).</summary>
    public IReadOnlyList<float> NumericStds { get; }

    /// <inheritdoc />
    public override long Count => _cache.Count;

    /// <inheritdoc />
    public override bool IsLabelled => ClassNames is not null;

    /// <inheritdoc />
    protected internal override int FloatsPerSample => Features;

    /// <inheritdoc />
    protected internal override int LongsPerSample => 0;

    /// <inheritdoc />
    public override string Fingerprint() => _fingerprint;

    /// <inheritdoc />
    protected internal override bool ReadSample(long index, SampleBuffer buffer, int slot)
    {
        Span<float> row = stackalloc float[_cache.Width];
        _cache.Read(index, 1, row);
        var features = buffer.FloatsOf(slot);
        for (int i = 0; i < _numeric; i++)
        {
            float value = float.IsNaN(row[i]) ? _mean[i] : row[i];
            features[i] = Options.Standardize ? (value - _mean[i]) / _std[i] : value;
        }

        int at = _numeric;
        for (int c = 0; c < _categoryOrder.Length; c++)
        {
            if (Options.Categorical[c].Encoding == CategoricalEncoding.OneHot)
            {
                features.Slice(at, _oneHotWidth[c]).Clear();
                features[at + Category(row, c)] = 1f;
                at += _oneHotWidth[c];
            }
        }

        for (int c = 0; c < _categoryOrder.Length; c++)
        {
            if (Options.Categorical[c].Encoding == CategoricalEncoding.Embedding)
            {
                features[at++] = Category(row, c);
            }
        }

        if (_classOrder is not null)
        {
            buffer.Labels[slot] = _classOrder[(int)row[^1]];
        }

        return true;
    }

    /// <summary>The sorted index of categorical column <paramref name="column"/>'s value in a cached row.</summary>
    private int Category(ReadOnlySpan<float> row, int column) => _categoryOrder[column][(int)row[_numeric + column]];

    /// <inheritdoc />
    protected internal override TabularBatch Collate(SampleBuffer buffer, int count) =>
        new(FloatTensor(buffer, count, Features), LabelTensor(buffer, count));

    /// <summary>Deletes the row cache.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cache.Dispose();
        }
    }
}
