using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace SslDslSamples;

/// <summary>One row of a sample's result table: a model, its metric values (in column order) and how it was trained.</summary>
/// <param name="Model">Which model the row is about.</param>
/// <param name="Values">The metric values, in the order of the table's columns.</param>
/// <param name="Training">What the row's model was trained on and for how long.</param>
internal sealed record ResultRow(string Model, IReadOnlyList<double> Values, string Training);

/// <summary>Writes a sample's markdown result table and its summary.json.</summary>
internal static class ResultTable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>A markdown table: the model column, one column per metric (NaN shows as "-"), then the training column.</summary>
    /// <exception cref="ArgumentException">A row has a different number of values than there are metric columns.</exception>
    public static string Markdown(IReadOnlyList<string> metricColumns, IEnumerable<ResultRow> rows)
    {
        var sb = new StringBuilder();
        sb.Append("| model | ").Append(string.Join(" | ", metricColumns)).Append(" | trained on |\n");
        sb.Append("|---|").Append(string.Concat(System.Linq.Enumerable.Repeat("---|", metricColumns.Count))).Append("---|\n");
        foreach (var row in rows)
        {
            if (row.Values.Count != metricColumns.Count)
            {
                throw new ArgumentException($"Row '{row.Model}' has {row.Values.Count} values for {metricColumns.Count} metric columns.", nameof(rows));
            }

            sb.Append("| ").Append(row.Model).Append(" | ");
            foreach (var v in row.Values)
            {
                sb.Append(double.IsNaN(v) ? "-" : v.ToString("F4", CultureInfo.InvariantCulture)).Append(" | ");
            }

            sb.Append(row.Training).Append(" |\n");
        }

        return sb.ToString();
    }

    /// <summary>Writes <paramref name="summary"/> as indented JSON to <c>summary.json</c> and the table to <c>results.md</c> in <paramref name="directory"/>.</summary>
    public static void Write(string directory, object summary, string markdown)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "summary.json"), JsonSerializer.Serialize(summary, summary.GetType(), Indented));
        File.WriteAllText(Path.Combine(directory, "results.md"), markdown);
    }
}
