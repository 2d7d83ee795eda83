using System;
using System.Collections.Generic;
using System.Linq;

namespace SslDsl;

/// <summary>
/// How the F features of a tabular batch group into the table's columns, in <see cref="TableSource"/>'s order:
/// <see cref="Numeric"/> plain features first, then one one-hot block per one-hot categorical column (its width is
/// the column's cardinality), then one category index per embedded column. VIME masks and reconstructs columns, so a
/// one-hot block is replaced as a whole and a categorical column is reconstructed by cross-entropy.
/// </summary>
public sealed class TabularColumns
{
    /// <summary>Creates the layout.</summary>
    /// <param name="numeric">The plain (numeric) features, &gt;= 0.</param>
    /// <param name="oneHot">The width (cardinality) of each one-hot block, in order; each &gt;= 1.</param>
    /// <param name="embedded">The cardinality of each embedded column, in order; each &gt;= 1.</param>
    /// <exception cref="ArgumentException">A count is out of range, or there is no column at all.</exception>
    public TabularColumns(int numeric, IReadOnlyList<int>? oneHot = null, IReadOnlyList<int>? embedded = null)
    {
        const string op = nameof(TabularColumns);
        Guard.NonNegative(op, numeric);
        OneHot = (oneHot ?? Array.Empty<int>()).ToArray();
        Embedded = (embedded ?? Array.Empty<int>()).ToArray();
        foreach (int width in OneHot.Concat(Embedded))
        {
            Guard.Positive(op, width, "cardinality");
        }

        Numeric = numeric;
        if (Count == 0)
        {
            throw new ArgumentException($"{op}: a table needs at least one column, but numeric is 0 and there is no categorical column.", nameof(numeric));
        }
    }

    /// <summary>A table of <paramref name="features"/> numeric columns.</summary>
    public static TabularColumns Plain(int features) => new(features);

    /// <summary>The plain (numeric) features, first in every row.</summary>
    public int Numeric { get; }

    /// <summary>The width of each one-hot block, in order, after the numeric features.</summary>
    public IReadOnlyList<int> OneHot { get; }

    /// <summary>The cardinality of each embedded column, whose index is one feature, after the one-hot blocks.</summary>
    public IReadOnlyList<int> Embedded { get; }

    /// <summary>The columns: what VIME's mask has one entry for.</summary>
    public int Count => Numeric + OneHot.Count + Embedded.Count;

    /// <summary>The features of a row: numeric, one-hot widths and one per embedded column.</summary>
    public int Features => Numeric + OneHot.Sum() + Embedded.Count;

    /// <summary>The reconstruction's width: one value per numeric column, one logit per category of each categorical column.</summary>
    public int Outputs => Numeric + OneHot.Sum() + Embedded.Sum();

    /// <summary>For each of the <see cref="Features"/> features, the index of the column it belongs to.</summary>
    public long[] ColumnOfFeature()
    {
        var owner = new List<long>(Features);
        owner.AddRange(Enumerable.Range(0, Numeric).Select(i => (long)i));
        for (int k = 0; k < OneHot.Count; k++)
        {
            owner.AddRange(Enumerable.Repeat((long)(Numeric + k), OneHot[k]));
        }

        owner.AddRange(Enumerable.Range(0, Embedded.Count).Select(e => (long)(Numeric + OneHot.Count + e)));
        return owner.ToArray();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Numeric} numeric, one-hot [{string.Join(", ", OneHot)}], embedded [{string.Join(", ", Embedded)}]";
}
