using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SslDsl.Bench.LabelEfficiency;

/// <summary>One supervised run: a method on one label fraction with one seed.</summary>
internal sealed record RunRecord(string Method, double Fraction, long Seed, long Labels, int Epochs, string Choice, double ValidationAccuracy, double TestAccuracy, double TrainAccuracy, double Seconds);

/// <summary>Formats the runs as a markdown table (mean test accuracy over seeds ± sample standard deviation, each seed in brackets) and checks the targets.</summary>
internal static class ResultTable
{
    public static string Markdown(IReadOnlyList<RunRecord> runs, IReadOnlyList<double> fractions, IReadOnlyList<string> methods)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("| method |");
        foreach (var f in fractions)
        {
            var any = runs.First(r => r.Fraction == f);
            sb.Append(c, $" {f:P0} labels ({any.Labels}) |");
        }

        sb.AppendLine();
        sb.Append("|---|").Append(string.Concat(Enumerable.Repeat("---|", fractions.Count))).AppendLine();
        foreach (var m in methods)
        {
            sb.Append(c, $"| {m} |");
            foreach (var f in fractions)
            {
                var cell = runs.Where(r => r.Method == m && r.Fraction == f).ToArray();
                double mean = cell.Average(r => r.TestAccuracy);
                double sd = cell.Length > 1 ? Math.Sqrt(cell.Sum(r => (r.TestAccuracy - mean) * (r.TestAccuracy - mean)) / (cell.Length - 1)) : 0;
                sb.Append(c, $" **{mean:F4}** ± {sd:F4} ({string.Join(", ", cell.Select(r => r.TestAccuracy.ToString("F4", c)))}; {cell[0].Epochs} epochs, {cell[0].Choice}) |");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    public static string Targets(IReadOnlyList<RunRecord> runs)
    {
        double Mean(string prefix, double fraction) =>
            runs.Where(r => r.Method.StartsWith(prefix, StringComparison.Ordinal) && r.Fraction == fraction).Select(r => r.TestAccuracy).DefaultIfEmpty(double.NaN).Average();
        var c = CultureInfo.InvariantCulture;
        double gap = (Mean("(b)", 0.01) - Mean("(a)", 0.01)) * 100;
        double full = Mean("(c)", 1.0);
        string gapLine = double.IsNaN(gap) ? "not measured (needs (a) and (b) at 1%)" : string.Create(c, $"{gap:F2} points -> {(gap >= 5 ? "HIT" : "MISS")}");
        string fullLine = double.IsNaN(full) ? "not measured (needs (c) at 100%)" : string.Create(c, $"{full:F4} -> {(full >= 0.92 ? "HIT" : "MISS")}");
        return $"Target (b) - (a) at 1% >= 5 points: {gapLine}.\nTarget (c) at 100% >= 0.92: {fullLine}.";
    }
}
