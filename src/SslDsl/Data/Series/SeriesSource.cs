using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SslDsl;

/// <summary>
/// A series read from a CSV file with a timestamp column, cut into windows as training goes: one streaming pass
/// checks the times, fills or reports missing values, counts each channel's mean and std and writes the values to
/// a cache file; window i (float [channels, Length], each channel standardized) starts at time step i * Stride and
/// is read from the cache when its batch is made. Memory holds the statistics, never the series.
/// </summary>
public sealed class SeriesSource : StreamingSource<SeriesBatch>
{
    private readonly RowCache<float> _cache;
    private readonly bool _ownsCache;
    private readonly long _firstStep;
    private readonly long _steps;
    private readonly double[] _mean;
    private readonly double[] _std;

    private SeriesSource(string path, SeriesOptions options, RowCache<float> cache, bool ownsCache, IReadOnlyList<string> channels, long firstStep, long steps, double[] mean, double[] std, string name)
        : base(name, options.Loader)
    {
        Path = path;
        Options = options;
        _cache = cache;
        _ownsCache = ownsCache;
        Channels = channels;
        _firstStep = firstStep;
        _steps = steps;
        _mean = mean;
        _std = std;
        if (steps < options.Length)
        {
            throw new DatasetFormatException(path, $"{(firstStep == 0 && steps == cache.Count ? "the series has" : "this part of the series has")} {steps} time steps, fewer than one window of {options.Length}.");
        }
    }

    /// <summary>Opens a CSV series and makes the streaming pass.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetFormatException">A column is missing, times do not increase, a value is not a number, a value is missing under <see cref="SeriesMissingPolicy.Error"/>, or the series is shorter than a window.</exception>
    public static SeriesSource Csv(string path, SeriesOptions options, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new DatasetFormatException(full, "is a folder; a CSV series was expected here.");
        }

        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The series {full} does not exist.", full);
        }

        var (cache, channels, statistics) = SeriesScan.Run(full, options);
        try
        {
            return new SeriesSource(full, options, cache, ownsCache: true, channels, 0, cache.Count,
                statistics.Select(s => s.Mean).ToArray(), statistics.Select(s => s.Std).ToArray(), name ?? System.IO.Path.GetFileNameWithoutExtension(full));
        }
        catch
        {
            cache.Dispose();
            throw;
        }
    }

    /// <summary>The CSV file.</summary>
    public string Path { get; }

    /// <summary>How the series is read.</summary>
    public SeriesOptions Options { get; }

    /// <summary>The value columns, one channel each.</summary>
    public IReadOnlyList<string> Channels { get; }

    /// <summary>Time steps in this source.</summary>
    public long Steps => _steps;

    /// <summary>The mean of each channel the windows are standardized with.</summary>
    public IReadOnlyList<double> Means => _mean;

    /// <summary>The population std of each channel the windows are standardized with (1 for a constant channel).</summary>
    public IReadOnlyList<double> Stds => _std;

    /// <inheritdoc />
    public override long Count => ((_steps - Options.Length) / Options.Stride) + 1;

    /// <inheritdoc />
    public override bool IsLabelled => false;

    /// <inheritdoc />
    protected internal override int FloatsPerSample => Channels.Count * Options.Length;

    /// <inheritdoc />
    protected internal override int LongsPerSample => 0;

    /// <inheritdoc />
    public override string Fingerprint() =>
        SourceFingerprint.Of(new object?[] { "series", System.IO.Path.GetFileName(Path), new FileInfo(Path).Length, _firstStep, _steps, Options.Length, Options.Stride, string.Join(",", Channels) }
            .Concat(_mean.Select(m => (object?)m)).Concat(_std.Select(s => (object?)s)).ToArray());

    /// <summary>
    /// Splits the series in time: the first round(steps * (1 - <paramref name="testFraction"/>)) steps train, the rest
    /// test; both are standardized with the statistics of the training part (a second pass over the cached training
    /// steps), and each keeps whole windows only. The parts share this source's cache: dispose this source last.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not in (0, 1).</exception>
    /// <exception cref="DatasetFormatException">A part is shorter than one window.</exception>
    public (SeriesSource Train, SeriesSource Test) ChronologicalSplit(double testFraction)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "testFraction must be in (0, 1).");
        }

        long cut = (long)Math.Round(_steps * (1 - testFraction), MidpointRounding.AwayFromZero);
        var statistics = Channels.Select(_ => new RunningStatistics()).ToArray();
        var row = new float[Channels.Count];
        for (long t = 0; t < cut; t++)
        {
            _cache.Read(_firstStep + t, 1, row);
            for (int c = 0; c < row.Length; c++)
            {
                statistics[c].Add(row[c]);
            }
        }

        var mean = statistics.Select(s => s.Mean).ToArray();
        var std = statistics.Select(s => s.Std).ToArray();
        return (
            new SeriesSource(Path, Options, _cache, ownsCache: false, Channels, _firstStep, cut, mean, std, Name + "-train"),
            new SeriesSource(Path, Options, _cache, ownsCache: false, Channels, _firstStep + cut, _steps - cut, mean, std, Name + "-test"));
    }

    /// <inheritdoc />
    protected internal override bool ReadSample(long index, SampleBuffer buffer, int slot)
    {
        int length = Options.Length, channels = Channels.Count;
        var rows = new float[length * channels];
        _cache.Read(_firstStep + (index * Options.Stride), length, rows);
        var target = buffer.FloatsOf(slot);
        for (int t = 0; t < length; t++)
        {
            for (int c = 0; c < channels; c++)
            {
                target[(c * length) + t] = (float)((rows[(t * channels) + c] - _mean[c]) / _std[c]);
            }
        }

        return true;
    }

    /// <inheritdoc />
    protected internal override SeriesBatch Collate(SampleBuffer buffer, int count) =>
        new(FloatTensor(buffer, count, Channels.Count, Options.Length));

    /// <summary>Deletes the value cache (unless this is a part of a split).</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsCache)
        {
            _cache.Dispose();
        }
    }
}
