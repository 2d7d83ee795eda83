using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace SslDsl;

/// <summary>What a missing value (an empty field, NA, N/A, NaN, null, ? or a Parquet null) in a table becomes.</summary>
public enum MissingValuePolicy
{
    /// <summary>A missing value stops the run with the file, the row and the column.</summary>
    Error,

    /// <summary>
    /// A missing number becomes its column's mean (computed over the values present, in the same streaming
    /// pass; 0 after standardization); a missing category becomes the category "(missing)". A missing label
    /// is always an error.
    /// </summary>
    Impute,
}

/// <summary>A categorical column of a table: its name, its encoding and the number of categories the model is built for.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Encoding">One-hot features or an embedding index.</param>
/// <param name="Cardinality">Categories the model expects; 0 takes the data's count (one-hot only).</param>
/// <param name="EmbeddingDim">The embedding width (<see cref="CategoricalEncoding.Embedding"/> only).</param>
public sealed record CategoricalColumn(string Name, CategoricalEncoding Encoding = CategoricalEncoding.OneHot, int Cardinality = 0, int EmbeddingDim = 8)
{
    /// <summary>The categorical columns declared on <paramref name="task"/> with <see cref="CategoricalFeatureAttribute"/>, in declaration order.</summary>
    public static IReadOnlyList<CategoricalColumn> DeclaredOn(Type task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.GetCustomAttributes<CategoricalFeatureAttribute>(inherit: false)
            .Select(a => new CategoricalColumn(a.Column, a.Encoding, a.Cardinality, a.EmbeddingDim))
            .ToArray();
    }
}

/// <summary>
/// How a <see cref="TableSource"/> reads a CSV or Parquet table: the label column, the numeric and categorical
/// columns, the missing-value policy, standardization (with statistics from the same streaming pass), the CSV
/// separator, where the row cache goes, and the decoding threads.
/// </summary>
public sealed record TableOptions
{
    /// <summary>The label column (class names or integers, numbered 0..K-1 in numeric or else ordinal order), or null for none.</summary>
    public string? Label { get; init; }

    /// <summary>The numeric columns, in this order; null takes every column that is neither the label nor categorical.</summary>
    public IReadOnlyList<string>? Numeric { get; init; }

    /// <summary>The categorical columns; their features follow the numeric ones (one-hot blocks, then embedding indices).</summary>
    public IReadOnlyList<CategoricalColumn> Categorical { get; init; } = Array.Empty<CategoricalColumn>();

    /// <summary>What a missing value becomes; <see cref="MissingValuePolicy.Error"/> by default.</summary>
    public MissingValuePolicy Missing { get; init; } = MissingValuePolicy.Error;

    /// <summary>Standardize numeric columns with their mean and population std from the streaming pass (a constant column gets std 1).</summary>
    public bool Standardize { get; init; } = true;

    /// <summary>The CSV field separator.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>Where the row cache (a temporary file of the parsed rows, deleted on dispose) goes; null for the temporary folder.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The decoding threads and read-ahead.</summary>
    public DataLoaderOptions Loader { get; init; } = DataLoaderOptions.Default;

    /// <summary>Options whose categorical columns are those declared on <typeparamref name="TTask"/> with <c>[CategoricalFeature]</c>.</summary>
    public static TableOptions ForTask<TTask>() => new() { Categorical = CategoricalColumn.DeclaredOn(typeof(TTask)) };

    /// <summary>Checks the values; the message names the bad one.</summary>
    /// <exception cref="ArgumentException">A column is named twice, or a categorical column's settings are out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Categorical);
        ArgumentNullException.ThrowIfNull(Loader);
        Loader.Validate();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in (Numeric ?? Array.Empty<string>()).Concat(Categorical.Select(c => c.Name)).Concat(Label is null ? Array.Empty<string>() : new[] { Label }))
        {
            if (!names.Add(name))
            {
                throw new ArgumentException($"TableOptions: column '{name}' is named twice (label, numeric and categorical columns must differ).", nameof(Categorical));
            }
        }

        foreach (var c in Categorical)
        {
            if (c.Cardinality < 0)
            {
                throw new ArgumentException($"TableOptions: categorical column '{c.Name}' has Cardinality {c.Cardinality}; it must be >= 0 (0 takes the data's count).", nameof(Categorical));
            }

            if (c.Encoding == CategoricalEncoding.Embedding && (c.Cardinality < 1 || c.EmbeddingDim < 1))
            {
                throw new ArgumentException($"TableOptions: categorical column '{c.Name}' is embedded, so it needs Cardinality >= 1 (the embedding's rows) and EmbeddingDim >= 1; they are {c.Cardinality} and {c.EmbeddingDim}.", nameof(Categorical));
            }
        }
    }
}
