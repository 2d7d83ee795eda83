using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SslDsl;

/// <summary>
/// Reads numeric tables from CSV files: one row per line, numeric feature columns, and optionally one label
/// column (integers or names; mapped to 0..K-1 in sorted order, the original values kept as class names).
/// Errors name the file, the line and what was expected.
/// </summary>
public static class TabularCsv
{
    /// <summary>
    /// Loads a CSV table as <see cref="TabularData"/>: features float [N,F] (standardized with their own mean and
    /// std when <paramref name="standardize"/>; <see cref="TabularData.Split"/> refits on the training rows) and labels.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="labelColumn">Index of the label column (negative counts from the end: -1 = last), or null for no labels.</param>
    /// <param name="hasHeader">Whether the first line holds column names.</param>
    /// <param name="standardize">Standardize the features.</param>
    /// <param name="delimiter">The field delimiter.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetFormatException">The file is empty, has rows of the wrong width, or non-numeric features.</exception>
    public static TabularData Load(string path, int? labelColumn = -1, bool hasHeader = true, bool standardize = true, char delimiter = ',')
    {
        var table = Read(path, labelColumn, hasHeader, delimiter);
        return new TabularData(table, standardize ? TabularScaler.Fit(table) : null);
    }

    /// <summary>Reads a CSV table without scaling it; see <see cref="Load"/> for the arguments.</summary>
    public static TabularTable Read(string path, int? labelColumn = -1, bool hasHeader = true, char delimiter = ',')
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var lines = TextFileLines.Read(path, "CSV table", "Check the path.")
            .Where(l => l.Text.Trim().Length > 0)
            .ToList();
        if (lines.Count == 0)
        {
            throw new DatasetFormatException(path, "the file is empty; expected " + (hasHeader ? "a header line and " : string.Empty) + "rows of comma-separated numbers.");
        }

        string[]? header = null;
        int first = 0;
        if (hasHeader)
        {
            header = CsvFields.Split(lines[0].Text, delimiter, path, lines[0].Number);
            first = 1;
        }

        if (lines.Count <= first)
        {
            throw new DatasetFormatException(path, $"line {lines[0].Number} is the header and no data row follows; expected at least one row.");
        }

        int width = header?.Length ?? CsvFields.Split(lines[first].Text, delimiter, path, lines[first].Number).Length;
        int? label = null;
        if (labelColumn is int lc)
        {
            int resolved = lc < 0 ? width + lc : lc;
            if (resolved < 0 || resolved >= width)
            {
                throw new DatasetFormatException(path, $"label column {lc} does not exist: the table has {width} columns (indices 0..{width - 1}, or -1..-{width} from the end).");
            }

            label = resolved;
        }

        int columns = width - (label is null ? 0 : 1);
        if (columns == 0)
        {
            throw new DatasetFormatException(path, $"the table has {width} column(s) and no feature column besides the label.");
        }

        var names = Enumerable.Range(0, width)
            .Where(c => c != label)
            .Select(c => header?[c] is { Length: > 0 } h ? h : $"column{c}")
            .ToArray();
        int rows = lines.Count - first;
        var values = new float[(long)rows * columns];
        var rawLabels = label is null ? null : new string[rows];
        for (int r = 0; r < rows; r++)
        {
            var (number, text) = lines[first + r];
            var fields = CsvFields.Split(text, delimiter, path, number);
            if (fields.Length != width)
            {
                throw new DatasetFormatException(path,
                    $"line {number}: {fields.Length} fields; expected {width} like {(header is null ? "the first row" : "the header")} (a truncated or malformed row?).");
            }

            int c = 0;
            for (int k = 0; k < width; k++)
            {
                if (k == label)
                {
                    if (fields[k].Length == 0)
                    {
                        throw new DatasetFormatException(path, $"line {number}: the label (column {k}) is empty; expected a class name or integer.");
                    }

                    rawLabels![r] = fields[k];
                    continue;
                }

                values[((long)r * columns) + c] = CsvFields.Parse(fields[k], path, number, $"{k} ('{names[c]}')");
                c++;
            }
        }

        long[]? labels = null;
        string[]? classNames = null;
        if (rawLabels is not null)
        {
            (labels, classNames) = EncodeLabels(rawLabels);
        }

        return new TabularTable(values, rows, columns, labels, names, classNames, path);
    }

    /// <summary>Maps label strings to 0..K-1: numerically sorted when all are numbers, else ordinally sorted.</summary>
    private static (long[] Labels, string[] ClassNames) EncodeLabels(string[] raw)
    {
        bool numeric = raw.All(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var distinct = numeric
            ? raw.Distinct().OrderBy(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray()
            : raw.Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();
        var index = distinct.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => (long)p.i);
        return (raw.Select(s => index[s]).ToArray(), distinct);
    }
}
