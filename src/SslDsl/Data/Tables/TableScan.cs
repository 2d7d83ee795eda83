using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SslDsl;

/// <summary>
/// The one streaming pass over a table: each row's numeric values, category texts and label are checked
/// (missing values against the policy), counted into running statistics and vocabularies, and appended to a
/// <see cref="RowCache{T}"/> as [numeric values (NaN when missing), category ids, label id]. Ids are numbered in
/// first-seen order here and renumbered in sorted order by <see cref="Complete"/>.
/// </summary>
internal sealed class TableScan
{
    private static readonly HashSet<string> MissingMarkers = new(StringComparer.OrdinalIgnoreCase) { "", "NA", "N/A", "NaN", "null", "?" };
    private const string MissingCategory = "(missing)";

    private readonly string _source;
    private readonly IReadOnlyList<string> _numeric;
    private readonly IReadOnlyList<CategoricalColumn> _categorical;
    private readonly MissingValuePolicy _missing;
    private readonly bool _labelled;
    private readonly float[] _row;
    private readonly Dictionary<string, int>[] _vocabularies;
    private readonly Dictionary<string, int> _labels = new(StringComparer.Ordinal);
    private string _place = "";

    public TableScan(string source, IReadOnlyList<string> numeric, IReadOnlyList<CategoricalColumn> categorical, bool labelled, MissingValuePolicy missing, string? cacheDirectory)
    {
        _source = source;
        _numeric = numeric;
        _categorical = categorical;
        _labelled = labelled;
        _missing = missing;
        _vocabularies = categorical.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        Statistics = numeric.Select(_ => new RunningStatistics()).ToArray();
        Cache = new RowCache<float>(numeric.Count + categorical.Count + (labelled ? 1 : 0), cacheDirectory, "table");
        _row = new float[Cache.Width];
    }

    /// <summary>The parsed rows.</summary>
    public RowCache<float> Cache { get; }

    /// <summary>The statistics of each numeric column over the values present.</summary>
    public RunningStatistics[] Statistics { get; }

    /// <summary>Starts a row; <paramref name="place"/> ("line 17", "row group 2, row 5") is used in messages.</summary>
    public void BeginRow(string place) => _place = place;

    /// <summary>Numeric column <paramref name="column"/> as text.</summary>
    public void Number(int column, ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
        {
            Number(column, value);
        }
        else if (MissingMarkers.Contains(trimmed.ToString()))
        {
            Number(column, double.NaN);
        }
        else
        {
            throw Error($"column '{_numeric[column]}': '{CsvFields.Shorten(trimmed.ToString())}' is not a number; expected a decimal number such as 3.25 " +
                $"(a column of categories is declared with TableOptions.Categorical or [CategoricalFeature(\"{_numeric[column]}\")]).");
        }
    }

    /// <summary>Numeric column <paramref name="column"/>; NaN when missing.</summary>
    public void Number(int column, double value)
    {
        if (double.IsNaN(value) && _missing == MissingValuePolicy.Error)
        {
            throw Error($"column '{_numeric[column]}': the value is missing; expected a number (or open the table with Missing = MissingValuePolicy.Impute to use the column's mean).");
        }

        Statistics[column].Add(value);
        _row[column] = (float)value;
    }

    /// <summary>Categorical column <paramref name="column"/>; null when missing.</summary>
    public void Category(int column, string? text)
    {
        string value = text?.Trim() ?? "";
        if (MissingMarkers.Contains(value))
        {
            if (_missing == MissingValuePolicy.Error)
            {
                throw Error($"column '{_categorical[column].Name}': the category is missing; expected a value (or open the table with Missing = MissingValuePolicy.Impute to count it as the category \"{MissingCategory}\").");
            }

            value = MissingCategory;
        }

        var vocabulary = _vocabularies[column];
        if (!vocabulary.TryGetValue(value, out int id))
        {
            id = vocabulary.Count;
            vocabulary[value] = id;
        }

        _row[_numeric.Count + column] = id;
    }

    /// <summary>The label; null when missing.</summary>
    public void Label(string? text)
    {
        string value = text?.Trim() ?? "";
        if (MissingMarkers.Contains(value))
        {
            throw Error("the label is missing; every row needs one (or open the table without a label column).");
        }

        if (!_labels.TryGetValue(value, out int id))
        {
            id = _labels.Count;
            _labels[value] = id;
        }

        _row[^1] = id;
    }

    /// <summary>Appends the row.</summary>
    public void EndRow() => Cache.Append(_row);

    /// <summary>Ends the pass: the categories and classes in sorted order, with each first-seen id's sorted id.</summary>
    public (string[][] Categories, int[][] CategoryOrder, string[]? Classes, int[]? ClassOrder) Complete()
    {
        Cache.Complete();
        if (Cache.Count == 0)
        {
            throw new DatasetFormatException(_source, "holds no data row; expected a header and at least one row.");
        }

        var categories = new string[_categorical.Count][];
        var orders = new int[_categorical.Count][];
        for (int c = 0; c < _categorical.Count; c++)
        {
            (categories[c], orders[c]) = Sorted(_vocabularies[c], numeric: false);
            int cardinality = _categorical[c].Cardinality;
            if (cardinality > 0 && categories[c].Length > cardinality)
            {
                throw new DatasetFormatException(_source,
                    $"column '{_categorical[c].Name}' holds {categories[c].Length} categories ({string.Join(", ", categories[c].Take(8).Select(v => $"'{v}'"))}{(categories[c].Length > 8 ? ", ..." : "")}), more than its declared Cardinality = {cardinality}. Declare Cardinality = {categories[c].Length} or more.");
            }
        }

        if (!_labelled)
        {
            return (categories, orders, null, null);
        }

        bool numericLabels = _labels.Keys.All(k => double.TryParse(k, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var (classes, classOrder) = Sorted(_labels, numericLabels);
        return (categories, orders, classes, classOrder);
    }

    private static (string[] Sorted, int[] Order) Sorted(Dictionary<string, int> vocabulary, bool numeric)
    {
        var sorted = numeric
            ? vocabulary.Keys.OrderBy(k => double.Parse(k, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray()
            : vocabulary.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
        var order = new int[vocabulary.Count];
        for (int i = 0; i < sorted.Length; i++)
        {
            order[vocabulary[sorted[i]]] = i;
        }

        return (sorted, order);
    }

    private DatasetFormatException Error(string message) => new(_source, $"{_place}, {message}");
}
