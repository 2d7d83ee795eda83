using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Train/test splits of datasets, stratified by label when there are labels.</summary>
public static class DatasetSplits
{
    /// <summary>
    /// Splits <paramref name="dataset"/> into train and test parts: see <see cref="SplitIndices"/>.
    /// </summary>
    public static (Dataset<TBatch> Train, Dataset<TBatch> Test) Split<TBatch>(this Dataset<TBatch> dataset, double testFraction, long seed)
        where TBatch : IBatch<TBatch>
    {
        ArgumentNullException.ThrowIfNull(dataset);
        long[]? labels = null;
        if (dataset.Labels is Tensor l)
        {
            using var longs = l.to_type(ScalarType.Int64);
            labels = longs.data<long>().ToArray();
        }

        var (train, test) = SplitIndices(checked((int)dataset.Count), labels, testFraction, seed);
        return (dataset.Subset(train, dataset.Name + "-train"), dataset.Subset(test, dataset.Name + "-test"));
    }

    /// <summary>
    /// Row indices of a seeded train/test split (each part sorted ascending). With labels, each class is shuffled
    /// and round(count * testFraction) of its rows go to the test part (a class of one row stays in train, and every
    /// class keeps at least one training row); without labels the same rule applies to all rows at once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">testFraction is not in (0,1) or the count is below 2.</exception>
    /// <exception cref="ArgumentException">The labels do not match the count, or the split leaves the test part empty.</exception>
    public static (long[] Train, long[] Test) SplitIndices(int count, long[]? labels, double testFraction, long seed)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "testFraction must be in (0, 1).");
        }

        if (count < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A split needs at least 2 rows.");
        }

        if (labels is not null && labels.Length != count)
        {
            throw new ArgumentException($"{labels.Length} labels for {count} rows.", nameof(labels));
        }

        var rng = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
        var groups = labels is null
            ? new[] { Enumerable.Range(0, count).ToArray() }
            : Enumerable.Range(0, count).GroupBy(i => labels[i]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        var train = new List<long>();
        var test = new List<long>();
        foreach (var group in groups)
        {
            var members = group.ToArray();
            rng.Shuffle(members);
            int take = members.Length < 2 ? 0 : Math.Clamp((int)Math.Round(members.Length * testFraction, MidpointRounding.AwayFromZero), 0, members.Length - 1);
            test.AddRange(members.Take(take).Select(i => (long)i));
            train.AddRange(members.Skip(take).Select(i => (long)i));
        }

        if (test.Count == 0)
        {
            throw new ArgumentException($"A test fraction of {testFraction} of {count} rows leaves the test part empty; use a larger fraction or more rows.", nameof(testFraction));
        }

        train.Sort();
        test.Sort();
        return (train.ToArray(), test.ToArray());
    }
}
