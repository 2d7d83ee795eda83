using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SslDsl;

/// <summary>Reads one numeric column of a CSV file as a time series.</summary>
public static class SeriesCsv
{
    private static readonly HashSet<string> MissingMarkers = new(StringComparer.OrdinalIgnoreCase) { string.Empty, "NA", "N/A", "NaN", "null", "." };

    /// <summary>
    /// The values of the column named <paramref name="column"/> (the first line is the header), in file order.
    /// Missing values (empty, NA, NaN, null, '.') are filled by linear interpolation between their neighbours (the
    /// nearest value at the ends) when <paramref name="interpolateMissing"/>, and are an error otherwise.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetFormatException">No such column, a short row, a value that is not a number, a missing value (without interpolation), or no value at all.</exception>
    public static float[] LoadColumn(string path, string column, bool interpolateMissing = true, char delimiter = ',')
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(column);
        var lines = ReadLines(path);
        var header = CsvFields.Split(lines[0].Text, delimiter, path, lines[0].Number);
        int index = Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new DatasetFormatException(path, $"line {lines[0].Number}: no column '{column}'; expected one of the header's columns: {string.Join(", ", header.Select(h => $"'{h}'"))}.");
        }

        return Extract(path, lines, 1, index, $"'{header[index]}'", interpolateMissing, delimiter);
    }

    /// <summary>The values of column <paramref name="column"/> (0-based); see the overload by name.</summary>
    public static float[] LoadColumn(string path, int column, bool hasHeader = true, bool interpolateMissing = true, char delimiter = ',')
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (column < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "The column index must be >= 0.");
        }

        var lines = ReadLines(path);
        return Extract(path, lines, hasHeader ? 1 : 0, column, column.ToString(System.Globalization.CultureInfo.InvariantCulture), interpolateMissing, delimiter);
    }

    /// <summary>
    /// Fills NaN entries by linear interpolation between the nearest known values on either side (the nearest
    /// known value at the ends). Returns a new array.
    /// </summary>
    /// <exception cref="ArgumentException">Every value is NaN.</exception>
    public static float[] Interpolate(float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var known = Enumerable.Range(0, values.Length).Where(i => !float.IsNaN(values[i])).ToArray();
        if (known.Length == 0)
        {
            throw new ArgumentException("Every value is missing; there is nothing to interpolate from.", nameof(values));
        }

        var result = (float[])values.Clone();
        for (int i = 0; i < known[0]; i++)
        {
            result[i] = values[known[0]];
        }

        for (int i = known[^1] + 1; i < values.Length; i++)
        {
            result[i] = values[known[^1]];
        }

        for (int k = 0; k + 1 < known.Length; k++)
        {
            int a = known[k];
            int b = known[k + 1];
            for (int i = a + 1; i < b; i++)
            {
                double t = (double)(i - a) / (b - a);
                result[i] = (float)(values[a] + ((values[b] - values[a]) * t));
            }
        }

        return result;
    }

    private static List<(int Number, string Text)> ReadLines(string path)
    {
        var lines = TextFileLines.Read(path, "CSV series", DataDirectory.FetchHint)
            .Where(l => l.Text.Trim().Length > 0)
            .ToList();
        if (lines.Count == 0)
        {
            throw new DatasetFormatException(path, "the file is empty; expected a header line and one value per line.");
        }

        return lines;
    }

    private static float[] Extract(string path, List<(int Number, string Text)> lines, int first, int index, string columnName, bool interpolateMissing, char delimiter)
    {
        if (lines.Count <= first)
        {
            throw new DatasetFormatException(path, "the file has a header but no data line; expected one value per line.");
        }

        var values = new float[lines.Count - first];
        bool missing = false;
        for (int r = first; r < lines.Count; r++)
        {
            var (number, text) = lines[r];
            var fields = CsvFields.Split(text, delimiter, path, number);
            if (fields.Length <= index)
            {
                throw new DatasetFormatException(path, $"line {number}: {fields.Length} field(s); expected at least {index + 1} to read column {columnName} (a truncated row?).");
            }

            string field = fields[index];
            if (MissingMarkers.Contains(field))
            {
                if (!interpolateMissing)
                {
                    throw new DatasetFormatException(path, $"line {number}, column {columnName}: the value is missing; expected a number (or load with interpolateMissing: true).");
                }

                values[r - first] = float.NaN;
                missing = true;
                continue;
            }

            values[r - first] = CsvFields.Parse(field, path, number, columnName);
        }

        if (!missing)
        {
            return values;
        }

        if (values.All(float.IsNaN))
        {
            throw new DatasetFormatException(path, $"column {columnName} holds no value at all; expected numbers.");
        }

        return Interpolate(values);
    }
}
