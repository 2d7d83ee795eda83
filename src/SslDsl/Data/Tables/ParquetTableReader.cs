using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Parquet;
using Parquet.Schema;

namespace SslDsl;

/// <summary>
/// Streams a Parquet table through a <see cref="TableScan"/> with Parquet.Net, one row group at a time (only the
/// columns used, one row group in memory). Numeric columns may be any integer, floating-point, decimal or boolean
/// type; categorical and label columns may be strings or integers.
/// </summary>
internal static class ParquetTableReader
{
    /// <summary>Reads every row of <paramref name="path"/>; returns the scan of its columns.</summary>
    public static (TableScan Scan, string[] Numeric) Scan(string path, TableOptions options)
    {
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ParquetException or System.IO.IOException and not System.IO.FileNotFoundException)
        {
            throw new DatasetFormatException(path, $"is not a readable Parquet file: {e.Message}", e);
        }

        try
        {
            var fields = reader.Schema.GetDataFields();
            var names = fields.Select(f => f.Name).ToArray();
            var numeric = TableColumns.Resolve(path, names, options);
            var byName = fields.GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var numericFields = numeric.Select(n => byName[n]).ToArray();
            var categoricalFields = options.Categorical.Select(c => byName[c.Name]).ToArray();
            var labelField = options.Label is null ? null : byName[options.Label];
            var scan = new TableScan(path, numeric, options.Categorical, labelField is not null, options.Missing, options.CacheDirectory);
            try
            {
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    int rows = checked((int)group.RowCount);
                    var numbers = numericFields.Select(f => Numbers(path, group, f, rows)).ToArray();
                    var categories = categoricalFields.Select(f => Texts(path, group, f, rows)).ToArray();
                    var labels = labelField is null ? null : Texts(path, group, labelField, rows);
                    for (int r = 0; r < rows; r++)
                    {
                        scan.BeginRow($"row group {g}, row {r}");
                        for (int i = 0; i < numbers.Length; i++)
                        {
                            scan.Number(i, numbers[i][r]);
                        }

                        for (int i = 0; i < categories.Length; i++)
                        {
                            scan.Category(i, categories[i][r]);
                        }

                        if (labels is not null)
                        {
                            scan.Label(labels[r]);
                        }

                        scan.EndRow();
                    }
                }
            }
            catch
            {
                scan.Cache.Dispose();
                throw;
            }

            return (scan, numeric);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static double[] Numbers(string path, ParquetRowGroupReader group, DataField field, int rows)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        return type switch
        {
            _ when type == typeof(double) => Read<double>(group, field, rows, v => v),
            _ when type == typeof(float) => Read<float>(group, field, rows, v => v),
            _ when type == typeof(int) => Read<int>(group, field, rows, v => v),
            _ when type == typeof(long) => Read<long>(group, field, rows, v => v),
            _ when type == typeof(short) => Read<short>(group, field, rows, v => v),
            _ when type == typeof(byte) => Read<byte>(group, field, rows, v => v),
            _ when type == typeof(sbyte) => Read<sbyte>(group, field, rows, v => v),
            _ when type == typeof(ushort) => Read<ushort>(group, field, rows, v => v),
            _ when type == typeof(uint) => Read<uint>(group, field, rows, v => v),
            _ when type == typeof(ulong) => Read<ulong>(group, field, rows, v => v),
            _ when type == typeof(decimal) => Read<decimal>(group, field, rows, v => (double)v),
            _ when type == typeof(bool) => Read<bool>(group, field, rows, v => v ? 1 : 0),
            _ => throw new DatasetFormatException(path, $"column '{field.Name}' holds {type.Name} values, not numbers; declare it categorical (TableOptions.Categorical or [CategoricalFeature(\"{field.Name}\")]) or leave it out of TableOptions.Numeric."),
        };
    }

    private static double[] Read<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, double> convert)
        where T : struct
    {
        var result = new double[rows];
        if (field.IsNullable)
        {
            var values = new T?[rows];
            group.ReadAsync<T>(field, values.AsMemory(), null, default).AsTask().GetAwaiter().GetResult();
            for (int i = 0; i < rows; i++)
            {
                result[i] = values[i] is T v ? convert(v) : double.NaN;
            }
        }
        else
        {
            var values = new T[rows];
            group.ReadAsync<T>(field, values.AsMemory(), null, default).AsTask().GetAwaiter().GetResult();
            for (int i = 0; i < rows; i++)
            {
                result[i] = convert(values[i]);
            }
        }

        return result;
    }

    private static string?[] Texts(string path, ParquetRowGroupReader group, DataField field, int rows)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[rows];
            group.ReadAsync(field, values.AsMemory(), null, default).AsTask().GetAwaiter().GetResult();
            return values;
        }

        var numbers = Numbers(path, group, field, rows);
        return numbers.Select(v => double.IsNaN(v) ? null : v.ToString(CultureInfo.InvariantCulture)).ToArray();
    }
}
