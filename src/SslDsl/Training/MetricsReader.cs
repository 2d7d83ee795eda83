using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SslDsl;

/// <summary>One line of <c>steps.jsonl</c>.</summary>
/// <param name="Step">The global step, 1-based.</param>
/// <param name="Epoch">The epoch, 1-based.</param>
/// <param name="Loss">The step's loss.</param>
public sealed record StepPoint(long Step, int Epoch, double Loss);

/// <summary>Reads the metric files <see cref="MetricsWriter"/> writes (for plots and reports).</summary>
public static class MetricsReader
{
    /// <summary>
    /// The steps in <c>steps.jsonl</c> of <paramref name="directory"/>, ordered by step; a step
    /// written twice keeps its last line and an unreadable line (a crash mid-write) is skipped.
    /// Empty when the file does not exist.
    /// </summary>
    public static IReadOnlyList<StepPoint> ReadSteps(string directory)
    {
        string path = Path.Combine(directory, MetricsWriter.StepsFile);
        if (!File.Exists(path))
        {
            return Array.Empty<StepPoint>();
        }

        var byStep = new SortedDictionary<long, StepPoint>();
        foreach (var (step, line) in ReadStepLines(path))
        {
            var fields = Parse(line);
            if (fields is not null)
            {
                byStep[step] = new StepPoint(step, (int)fields.GetValueOrDefault("epoch"), fields.GetValueOrDefault("loss", double.NaN));
            }
        }

        return byStep.Values.ToArray();
    }

    /// <summary>
    /// The epochs in <c>epochs.jsonl</c> of <paramref name="directory"/>, ordered by epoch; an epoch
    /// written twice (a resume from an older checkpoint runs it again) keeps its last line, and an
    /// unreadable line is skipped. Empty when the file does not exist.
    /// </summary>
    public static IReadOnlyList<EpochMetrics> ReadEpochs(string directory)
    {
        string path = Path.Combine(directory, MetricsWriter.EpochsFile);
        if (!File.Exists(path))
        {
            return Array.Empty<EpochMetrics>();
        }

        var byEpoch = new SortedDictionary<int, EpochMetrics>();
        foreach (var m in File.ReadLines(path).Select(Parse).Where(f => f is not null).Select(f => MetricsWriter.Unflatten(f!)))
        {
            byEpoch[m.Epoch] = m;
        }

        return byEpoch.Values.ToArray();
    }

    internal static IEnumerable<(long Step, string Line)> ReadStepLines(string path)
    {
        foreach (var line in File.ReadAllLines(path))
        {
            var fields = Parse(line);
            if (fields is not null && fields.TryGetValue("step", out var step))
            {
                yield return ((long)step, line);
            }
        }
    }

    /// <summary>The fields of one JSON line; numbers written as strings ("NaN", "Infinity") are parsed; null when unreadable.</summary>
    internal static Dictionary<string, double>? Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(line);
            var result = new Dictionary<string, double>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Number)
                {
                    result[p.Name] = p.Value.GetDouble();
                }
                else if (p.Value.ValueKind == JsonValueKind.String &&
                         double.TryParse(p.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    result[p.Name] = v;
                }
            }

            return result;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
