using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using nietras.SeparatedValues;

namespace SslDsl;

/// <summary>
/// The streaming pass over a CSV series: timestamps checked to increase strictly, values parsed, missing values
/// filled by linear interpolation (only the rows since the oldest open gap are held) or reported, and the filled
/// rows appended to a <see cref="RowCache{T}"/> of [channels] floats, with running statistics per channel.
/// </summary>
internal static class SeriesScan
{
    private static readonly HashSet<string> MissingMarkers = new(StringComparer.OrdinalIgnoreCase) { "", "NA", "N/A", "NaN", "null", "?", "." };

    public static (RowCache<float> Cache, string[] Channels, RunningStatistics[] Statistics) Run(string path, SeriesOptions options)
    {
        try
        {
            using var reader = Sep.New(options.Separator).Reader(o => o with { HasHeader = true, Unescape = true, Trim = SepTrim.Outer }).FromFile(path);
            var names = reader.Header.ColNames;
            if (names.Count == 0 || (names.Count == 1 && names[0].Length == 0))
            {
                throw new DatasetFormatException(path, "is empty; expected a header line, then one time step per line.");
            }

            var wanted = new[] { options.TimestampColumn }.Concat(options.ValueColumns ?? Array.Empty<string>());
            foreach (var name in wanted.Where(n => !names.Contains(n)))
            {
                throw new DatasetFormatException(path, $"has no column '{name}'; its columns are {string.Join(", ", names.Select(n => $"'{n}'"))}.");
            }

            var channels = options.ValueColumns?.ToArray() ?? names.Where(n => n != options.TimestampColumn).ToArray();
            if (channels.Length == 0)
            {
                throw new DatasetFormatException(path, $"has no value column besides the timestamp '{options.TimestampColumn}'.");
            }

            int timeAt = TableColumns.IndicesOf(names, new[] { options.TimestampColumn })[0];
            var valueAt = TableColumns.IndicesOf(names, channels);
            var filler = new GapFiller(path, channels, options.Missing, options.CacheDirectory);
            try
            {
                var clock = new TimestampCheck(path, options.TimestampColumn);
                foreach (var row in reader)
                {
                    clock.Next(row[timeAt].ToString(), row.LineNumberFrom);
                    var values = new float[channels.Length];
                    for (int c = 0; c < channels.Length; c++)
                    {
                        values[c] = Parse(path, row[valueAt[c]].ToString(), row.LineNumberFrom, channels[c]);
                    }

                    filler.Add(values, row.LineNumberFrom);
                }

                filler.Complete();
                return (filler.Cache, channels, filler.Statistics);
            }
            catch
            {
                filler.Cache.Dispose();
                throw;
            }
        }
        catch (InvalidDataException e)
        {
            throw new DatasetFormatException(path, $"is not a well-formed CSV file: {e.Message}", e);
        }
    }

    private static float Parse(string path, string field, int line, string column)
    {
        if (MissingMarkers.Contains(field.Trim()))
        {
            return float.NaN;
        }

        return CsvFields.Parse(field.Trim(), path, line, $"'{column}'");
    }

    /// <summary>Checks that timestamps (dates or numbers, the kind fixed by the first row) increase strictly.</summary>
    private sealed class TimestampCheck
    {
        private readonly string _path;
        private readonly string _column;
        private bool? _dates;
        private double _previous = double.NegativeInfinity;
        private string _previousText = "";
        private int _previousLine;

        public TimestampCheck(string path, string column)
        {
            _path = path;
            _column = column;
        }

        public void Next(string text, int line)
        {
            double value;
            bool isNumber = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number);
            if ((_dates != true) && isNumber)
            {
                value = number;
                _dates = false;
            }
            else if (_dates != false && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                value = date.UtcTicks;
                _dates = true;
            }
            else
            {
                throw new DatasetFormatException(_path, $"line {line}, column '{_column}': '{CsvFields.Shorten(text)}' is not a {(_dates == true ? "date and time" : _dates == false ? "number" : "timestamp")}; expected {(_dates == false ? "a number like the rows before" : "an ISO 8601 date and time such as 2024-03-01T12:00:00 (or a number)")}.");
            }

            if (!(value > _previous))
            {
                throw new DatasetFormatException(_path, $"line {line}, column '{_column}': {text} does not come after {_previousText} (line {_previousLine}); the rows of a series must be in strictly increasing time. Sort the file by '{_column}' and remove duplicate times.");
            }

            _previous = value;
            _previousText = text;
            _previousLine = line;
        }
    }

    /// <summary>Fills missing values by linear interpolation while streaming: only rows since the oldest open gap are held.</summary>
    private sealed class GapFiller
    {
        private readonly string _path;
        private readonly string[] _channels;
        private readonly SeriesMissingPolicy _policy;
        private readonly List<float[]> _pending = new();
        private readonly float[] _last;
        private readonly int[] _gapStart;

        public GapFiller(string path, string[] channels, SeriesMissingPolicy policy, string? cacheDirectory)
        {
            _path = path;
            _channels = channels;
            _policy = policy;
            Cache = new RowCache<float>(channels.Length, cacheDirectory, "series");
            Statistics = channels.Select(_ => new RunningStatistics()).ToArray();
            _last = Enumerable.Repeat(float.NaN, channels.Length).ToArray();
            _gapStart = Enumerable.Repeat(-1, channels.Length).ToArray();
        }

        public RowCache<float> Cache { get; }

        public RunningStatistics[] Statistics { get; }

        public void Add(float[] values, int line)
        {
            _pending.Add(values);
            int at = _pending.Count - 1;
            for (int c = 0; c < values.Length; c++)
            {
                if (float.IsNaN(values[c]))
                {
                    if (_policy == SeriesMissingPolicy.Error)
                    {
                        throw new DatasetFormatException(_path, $"line {line}, column '{_channels[c]}': the value is missing; expected a number (or open the series with Missing = SeriesMissingPolicy.Interpolate).");
                    }

                    if (_gapStart[c] < 0)
                    {
                        _gapStart[c] = at;
                    }
                }
                else if (_gapStart[c] >= 0)
                {
                    Fill(c, _gapStart[c], at, float.IsNaN(_last[c]) ? values[c] : _last[c], values[c]);
                    _gapStart[c] = -1;
                }

                if (!float.IsNaN(values[c]))
                {
                    _last[c] = values[c];
                }
            }

            Flush();
        }

        public void Complete()
        {
            for (int c = 0; c < _channels.Length; c++)
            {
                if (_gapStart[c] >= 0)
                {
                    if (float.IsNaN(_last[c]))
                    {
                        throw new DatasetFormatException(_path, $"column '{_channels[c]}' holds no value at all; expected numbers.");
                    }

                    Fill(c, _gapStart[c], _pending.Count, _last[c], _last[c]);
                    _gapStart[c] = -1;
                }
            }

            Flush();
            Cache.Complete();
        }

        /// <summary>Fills rows [from, to) of channel <paramref name="c"/> between <paramref name="before"/> (row from - 1) and <paramref name="after"/> (row to).</summary>
        private void Fill(int c, int from, int to, float before, float after)
        {
            for (int r = from; r < to; r++)
            {
                double t = (double)(r - from + 1) / (to - from + 1);
                _pending[r][c] = (float)(before + ((after - before) * t));
            }
        }

        private void Flush()
        {
            int ready = _gapStart.Where(s => s >= 0).DefaultIfEmpty(_pending.Count).Min();
            for (int r = 0; r < ready; r++)
            {
                for (int c = 0; c < _channels.Length; c++)
                {
                    Statistics[c].Add(_pending[r][c]);
                }

                Cache.Append(_pending[r]);
            }

            _pending.RemoveRange(0, ready);
            for (int c = 0; c < _gapStart.Length; c++)
            {
                if (_gapStart[c] >= 0)
                {
                    _gapStart[c] -= ready;
                }
            }
        }
    }
}
