using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SslDsl;

/// <summary>
/// Appends per-epoch metrics to <c>epochs.jsonl</c> and <c>epochs.csv</c>, and per-step losses
/// to <c>steps.jsonl</c>, in an output folder. Lines are flushed as they are written, so a
/// crashed run keeps what it measured.
/// </summary>
public sealed class MetricsWriter : IDisposable
{
    private readonly StreamWriter _epochsJson;
    private readonly StreamWriter _steps;
    private readonly string _csvPath;
    private string[]? _csvColumns;

    /// <summary>Opens (appending) the metric files in <paramref name="directory"/>.</summary>
    public MetricsWriter(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        Directory = directory;
        _epochsJson = new StreamWriter(Path.Combine(directory, "epochs.jsonl"), append: true) { AutoFlush = true };
        _steps = new StreamWriter(Path.Combine(directory, "steps.jsonl"), append: true) { AutoFlush = false };
        _csvPath = Path.Combine(directory, "epochs.csv");
    }

    /// <summary>The output folder.</summary>
    public string Directory { get; }

    /// <summary>Writes one step's losses.</summary>
    public void WriteStep(long step, int epoch, double loss, IReadOnlyDictionary<string, double> terms, double learningRate)
    {
        var fields = new List<KeyValuePair<string, double>>
        {
            new("step", step), new("epoch", epoch), new("loss", loss), new("lr", learningRate),
        };
        fields.AddRange(terms);
        _steps.WriteLine(Json(fields));
    }

    /// <summary>Writes one epoch's metrics to the JSONL and CSV files.</summary>
    public void WriteEpoch(EpochMetrics m)
    {
        var fields = Flatten(m);
        _epochsJson.WriteLine(Json(fields));
        _steps.Flush();

        if (_csvColumns is null)
        {
            _csvColumns = fields.Select(f => f.Key).ToArray();
            if (!File.Exists(_csvPath) || new FileInfo(_csvPath).Length == 0)
            {
                File.AppendAllText(_csvPath, string.Join(",", _csvColumns) + Environment.NewLine);
            }
        }

        var byName = fields.ToDictionary(f => f.Key, f => f.Value);
        File.AppendAllText(_csvPath, string.Join(",", _csvColumns.Select(c => byName.TryGetValue(c, out var v) ? Format(v) : "")) + Environment.NewLine);
    }

    /// <summary>The fields of an epoch as written: epoch, steps, loss, each term, lr, seconds, samples/s, extras.</summary>
    public static List<KeyValuePair<string, double>> Flatten(EpochMetrics m)
    {
        var fields = new List<KeyValuePair<string, double>>
        {
            new("epoch", m.Epoch), new("steps", m.Steps), new("loss", m.Loss),
        };
        fields.AddRange(m.Terms.Select(t => new KeyValuePair<string, double>("loss_" + t.Key, t.Value)));
        fields.Add(new("lr", m.LearningRate));
        fields.Add(new("seconds", m.Seconds));
        fields.Add(new("samples_per_second", m.SamplesPerSecond));
        fields.AddRange(m.Extra);
        return fields;
    }

    private static string Json(IEnumerable<KeyValuePair<string, double>> fields)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (key, value) in fields)
            {
                if (double.IsFinite(value))
                {
                    w.WriteNumber(key, value);
                }
                else
                {
                    w.WriteString(key, value.ToString(CultureInfo.InvariantCulture));
                }
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Dispose()
    {
        _epochsJson.Dispose();
        _steps.Dispose();
    }
}
