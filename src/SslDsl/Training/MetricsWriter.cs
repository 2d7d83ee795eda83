using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SslDsl;

/// <summary>
/// Writes per-epoch metrics to <c>epochs.jsonl</c> and <c>epochs.csv</c>, and per-step losses to
/// <c>steps.jsonl</c>, in an output folder. Epoch lines are flushed as they are written and step
/// lines every <see cref="StepsPerFlush"/> steps and at each epoch end, so a crashed run keeps
/// what it measured. A new run starts the files (<see cref="MetricsWriter(string, IReadOnlyList{EpochMetrics}?, long, bool, bool)"/>);
/// a resumed one appends to them (<see cref="MetricsWriter(string)"/>), never cutting them back, so
/// an epoch run again after a resume from an older checkpoint appears twice in the JSON lines
/// (<see cref="MetricsReader"/> keeps the last copy) and once, the new one, in the CSV.
/// The CSV has one column per field seen in any epoch (monitors may measure only some epochs).
/// Optionally the same step and epoch fields also go to a TensorBoard log
/// (<c>tensorboard/pretrain</c>, see <see cref="TensorBoardLog"/>), rewritten from the kept history on a resume.
/// </summary>
public sealed class MetricsWriter : IDisposable
{
    /// <summary>File name of the per-step metrics.</summary>
    public const string StepsFile = "steps.jsonl";

    /// <summary>File name of the per-epoch metrics (JSON lines).</summary>
    public const string EpochsFile = "epochs.jsonl";

    /// <summary>File name of the per-epoch metrics (CSV).</summary>
    public const string EpochsCsvFile = "epochs.csv";

    private readonly StreamWriter _epochsJson;
    private readonly StreamWriter _steps;
    private readonly string _csvPath;
    private readonly TensorBoardLog? _tensorBoard;
    private readonly List<List<KeyValuePair<string, double>>> _rows = new();
    private int _unflushedSteps;

    /// <summary>Step lines are flushed at least this often (and at every epoch end).</summary>
    public const int StepsPerFlush = 50;

    /// <summary>Opens the metric files in <paramref name="directory"/>, appending to what is there.</summary>
    public MetricsWriter(string directory)
        : this(directory, history: null, keepStepsUpTo: long.MaxValue)
    {
    }

    /// <summary>
    /// Opens the metric files in <paramref name="directory"/>. A new run (<paramref name="append"/> false) with a
    /// <paramref name="history"/> rewrites the epoch files to hold exactly it and keeps only the steps up to
    /// <paramref name="keepStepsUpTo"/> in <c>steps.jsonl</c> (a fresh run passes an empty history and 0). A resumed
    /// or continued run (<paramref name="append"/> true) appends to the files and never cuts them back.
    /// With <paramref name="tensorBoard"/>, a fresh TensorBoard log in <c>tensorboard/pretrain</c> first receives the
    /// steps up to <paramref name="keepStepsUpTo"/> (the last line of each step) and the epochs of
    /// <paramref name="history"/> (else those on disk), then every step and epoch written.
    /// </summary>
    public MetricsWriter(string directory, IReadOnlyList<EpochMetrics>? history, long keepStepsUpTo, bool tensorBoard = false, bool append = false)
    {
        System.IO.Directory.CreateDirectory(directory);
        Directory = directory;
        string epochsPath = Path.Combine(directory, EpochsFile);
        string stepsPath = Path.Combine(directory, StepsFile);
        _csvPath = Path.Combine(directory, EpochsCsvFile);
        if (history is not null && !append)
        {
            File.WriteAllLines(epochsPath, history.Select(m => Json(Flatten(m))));
            _rows.AddRange(history.Select(Flatten));
            WriteCsv();
            if (File.Exists(stepsPath))
            {
                var kept = MetricsReader.ReadStepLines(stepsPath).Where(l => l.Step <= keepStepsUpTo).Select(l => l.Line).ToArray();
                File.WriteAllLines(stepsPath, kept);
            }
        }
        else if (File.Exists(_csvPath))
        {
            _rows.AddRange(MetricsReader.ReadEpochs(directory).Select(Flatten));
        }

        _epochsJson = new StreamWriter(epochsPath, append: true) { AutoFlush = true };
        _steps = new StreamWriter(stepsPath, append: true) { AutoFlush = false };
        if (tensorBoard)
        {
            _tensorBoard = new TensorBoardLog(TensorBoardLog.RunDirectory(directory, TensorBoardLog.PretrainRun));
            if (File.Exists(stepsPath))
            {
                // After a fallback to an older checkpoint a step can appear twice in steps.jsonl: its last line counts.
                var steps = new SortedDictionary<long, string>();
                foreach (var (step, line) in MetricsReader.ReadStepLines(stepsPath).Where(l => l.Step <= keepStepsUpTo))
                {
                    steps[step] = line;
                }

                foreach (var (step, line) in steps)
                {
                    _tensorBoard.WriteStep(step, MetricsReader.Parse(line)!);
                }
            }

            foreach (var row in history?.Select(Flatten) ?? _rows)
            {
                _tensorBoard.WriteEpoch((int)row.First(f => f.Key == "epoch").Value, row);
            }
        }
    }

    /// <summary>The output folder.</summary>
    public string Directory { get; }

    /// <summary>Writes one step's losses (flushed every <see cref="StepsPerFlush"/> steps, at each epoch line, or by <see cref="Flush"/>).</summary>
    public void WriteStep(long step, int epoch, double loss, IReadOnlyDictionary<string, double> terms, double learningRate)
    {
        var fields = new List<KeyValuePair<string, double>>
        {
            new("step", step), new("epoch", epoch), new("loss", loss), new("lr", learningRate),
        };
        fields.AddRange(terms);
        _steps.WriteLine(Json(fields));
        _tensorBoard?.WriteStep(step, fields);
        if (++_unflushedSteps >= StepsPerFlush)
        {
            Flush();
        }
    }

    /// <summary>Writes one epoch's metrics to the JSONL file and rewrites the CSV.</summary>
    public void WriteEpoch(EpochMetrics m)
    {
        var fields = Flatten(m);
        Flush();
        _epochsJson.WriteLine(Json(fields));
        _rows.RemoveAll(r => r.Exists(f => f.Key == "epoch" && f.Value == m.Epoch));
        _rows.Add(fields);
        WriteCsv();
        _tensorBoard?.WriteEpoch(m.Epoch, fields);
    }

    /// <summary>Flushes the step lines written so far.</summary>
    public void Flush()
    {
        _steps.Flush();
        _unflushedSteps = 0;
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

    /// <summary>The inverse of <see cref="Flatten"/>: fields named loss_X become terms, unknown fields extras.</summary>
    public static EpochMetrics Unflatten(IReadOnlyDictionary<string, double> f)
    {
        var terms = f.Where(kv => kv.Key.StartsWith("loss_", StringComparison.Ordinal)).ToDictionary(kv => kv.Key.Substring(5), kv => kv.Value);
        var m = new EpochMetrics((int)f.GetValueOrDefault("epoch"), (long)f.GetValueOrDefault("steps"), f.GetValueOrDefault("loss", double.NaN), terms,
            f.GetValueOrDefault("lr"), f.GetValueOrDefault("seconds"), f.GetValueOrDefault("samples_per_second"));
        var known = new HashSet<string> { "epoch", "steps", "loss", "lr", "seconds", "samples_per_second" };
        foreach (var kv in f.Where(kv => !known.Contains(kv.Key) && !kv.Key.StartsWith("loss_", StringComparison.Ordinal)))
        {
            m.Extra[kv.Key] = kv.Value;
        }

        return m;
    }

    private void WriteCsv()
    {
        var columns = new List<string>();
        foreach (var row in _rows)
        {
            foreach (var (key, _) in row)
            {
                if (!columns.Contains(key))
                {
                    columns.Add(key);
                }
            }
        }

        var lines = new List<string> { string.Join(",", columns) };
        foreach (var row in _rows)
        {
            var byName = row.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last().Value);
            lines.Add(string.Join(",", columns.Select(c => byName.TryGetValue(c, out var v) ? Format(v) : "")));
        }

        AtomicFile.Write(_csvPath, stream =>
        {
            using var w = new StreamWriter(stream, leaveOpen: true);
            foreach (var line in lines)
            {
                w.WriteLine(line);
            }
        });
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
