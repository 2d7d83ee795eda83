using System;
using System.Collections.Generic;
using System.Linq;

namespace SslDsl;

/// <summary>Resolves the label, numeric and categorical columns of <see cref="TableOptions"/> against a table's column names.</summary>
internal static class TableColumns
{
    /// <summary>The numeric columns (the options' list, or every column that is neither the label nor categorical), each checked to exist.</summary>
    /// <exception cref="DatasetFormatException">A named column is not in the table.</exception>
    public static string[] Resolve(string source, IReadOnlyList<string> names, TableOptions options)
    {
        var available = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var name in (options.Numeric ?? Array.Empty<string>()).Concat(options.Categorical.Select(c => c.Name)).Concat(options.Label is null ? Array.Empty<string>() : new[] { options.Label }))
        {
            if (!available.Contains(name))
            {
                throw new DatasetFormatException(source, $"has no column '{name}'; its columns are {string.Join(", ", names.Select(n => $"'{n}'"))}.");
            }
        }

        var categorical = options.Categorical.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var numeric = options.Numeric?.ToArray() ?? names.Where(n => n != options.Label && !categorical.Contains(n)).ToArray();
        if (numeric.Length == 0 && options.Categorical.Count == 0)
        {
            throw new DatasetFormatException(source, "has no feature column besides the label.");
        }

        return numeric;
    }

    /// <summary>The index of each of <paramref name="wanted"/> in <paramref name="names"/>.</summary>
    public static int[] IndicesOf(IReadOnlyList<string> names, IEnumerable<string> wanted)
    {
        var index = names.Select((n, i) => (n, i)).GroupBy(p => p.n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        return wanted.Select(w => index[w]).ToArray();
    }
}
