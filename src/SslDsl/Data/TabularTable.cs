using System;
using System.Collections.Generic;

namespace SslDsl;

/// <summary>
/// A table of numeric features as read from a file, before any scaling: <see cref="Rows"/> x <see cref="Columns"/>
/// values row-major, optional class labels (0..K-1) and names.
/// </summary>
public sealed class TabularTable
{
    /// <summary>Creates a table.</summary>
    /// <exception cref="ArgumentException">The sizes do not agree.</exception>
    public TabularTable(float[] values, int rows, int columns, long[]? labels, IReadOnlyList<string> featureNames, IReadOnlyList<string>? classNames, string source)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (rows <= 0 || columns <= 0 || values.Length != (long)rows * columns)
        {
            throw new ArgumentException($"A table of {rows} x {columns} needs {(long)rows * columns} values; got {values.Length}.", nameof(values));
        }

        if (labels is not null && labels.Length != rows)
        {
            throw new ArgumentException($"{labels.Length} labels for {rows} rows.", nameof(labels));
        }

        if (featureNames.Count != columns)
        {
            throw new ArgumentException($"{featureNames.Count} feature names for {columns} columns.", nameof(featureNames));
        }

        Values = values;
        Rows = rows;
        Columns = columns;
        Labels = labels;
        FeatureNames = featureNames;
        ClassNames = classNames;
        Source = source;
    }

    /// <summary>The feature values, row-major.</summary>
    public float[] Values { get; }

    /// <summary>Number of rows (samples).</summary>
    public int Rows { get; }

    /// <summary>Number of feature columns.</summary>
    public int Columns { get; }

    /// <summary>Class labels 0..K-1, or null.</summary>
    public long[]? Labels { get; }

    /// <summary>The feature names.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The class names by label, or null.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>Where the table came from (file path or description).</summary>
    public string Source { get; }

    /// <summary>The value at <paramref name="row"/>, <paramref name="column"/>.</summary>
    public float this[int row, int column] => Values[(row * Columns) + column];

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public TabularTable Subset(IReadOnlyList<long> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var values = new float[indices.Count * Columns];
        long[]? labels = Labels is null ? null : new long[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            long r = indices[i];
            if (r < 0 || r >= Rows)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), r, $"Row {r} is outside [0, {Rows}).");
            }

            Array.Copy(Values, r * Columns, values, i * Columns, Columns);
            if (labels is not null)
            {
                labels[i] = Labels![r];
            }
        }

        return new TabularTable(values, indices.Count, Columns, labels, FeatureNames, ClassNames, Source);
    }
}
