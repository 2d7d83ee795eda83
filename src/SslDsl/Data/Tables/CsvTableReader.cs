using System;
using System.IO;
using System.Linq;
using nietras.SeparatedValues;

namespace SslDsl;

/// <summary>Streams a CSV table (header line first) through a <see cref="TableScan"/> with Sep, row by row.</summary>
internal static class CsvTableReader
{
    /// <summary>Reads every row of <paramref name="path"/>; returns the scan of its columns.</summary>
    public static (TableScan Scan, string[] Numeric) Scan(string path, TableOptions options)
    {
        try
        {
            using var reader = Sep.New(options.Separator).Reader(o => o with { HasHeader = true, Unescape = true, Trim = SepTrim.Outer, CultureInfo = System.Globalization.CultureInfo.InvariantCulture }).FromFile(path);
            var names = reader.Header.ColNames;
            if (names.Count == 0 || (names.Count == 1 && names[0].Length == 0))
            {
                throw new DatasetFormatException(path, "is empty; expected a header line with the column names, then one row per line.");
            }

            var numeric = TableColumns.Resolve(path, names, options);
            var numericAt = TableColumns.IndicesOf(names, numeric);
            var categoricalAt = TableColumns.IndicesOf(names, options.Categorical.Select(c => c.Name));
            int labelAt = options.Label is null ? -1 : TableColumns.IndicesOf(names, new[] { options.Label })[0];
            var scan = new TableScan(path, numeric, options.Categorical, labelAt >= 0, options.Missing, options.CacheDirectory);
            try
            {
                foreach (var row in reader)
                {
                    scan.BeginRow($"line {row.LineNumberFrom}");
                    for (int i = 0; i < numericAt.Length; i++)
                    {
                        scan.Number(i, row[numericAt[i]].Span);
                    }

                    for (int i = 0; i < categoricalAt.Length; i++)
                    {
                        scan.Category(i, row[categoricalAt[i]].ToString());
                    }

                    if (labelAt >= 0)
                    {
                        scan.Label(row[labelAt].ToString());
                    }

                    scan.EndRow();
                }
            }
            catch
            {
                scan.Cache.Dispose();
                throw;
            }

            return (scan, numeric);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetFormatException(path, $"is not a well-formed CSV table: {e.Message}", e);
        }
    }
}
