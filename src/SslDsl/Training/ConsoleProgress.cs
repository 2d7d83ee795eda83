using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace SslDsl;

/// <summary>
/// A progress bar with loss, throughput and ETA. On a terminal it redraws one line; when output
/// is redirected it prints a line at each quarter of an epoch, so logs stay readable.
/// </summary>
public sealed class ConsoleProgress
{
    private readonly TextWriter _out;
    private readonly bool _interactive;
    private readonly Stopwatch _clock = new();
    private string _label = "";
    private long _total;
    private long _start;
    private int _lastQuarter;
    private long _lastDrawMs = -1000;

    /// <summary>Creates a progress bar writing to <paramref name="output"/> (the console when null).</summary>
    public ConsoleProgress(TextWriter? output = null)
    {
        _out = output ?? Console.Out;
        _interactive = output is null && !Console.IsOutputRedirected;
    }

    /// <summary>Creates a progress bar writing to <paramref name="output"/>, drawn in place when <paramref name="interactive"/>.</summary>
    public ConsoleProgress(TextWriter output, bool interactive)
    {
        _out = output ?? throw new ArgumentNullException(nameof(output));
        _interactive = interactive;
    }

    /// <summary>Whether the bar redraws one line (a terminal) rather than printing lines (a log).</summary>
    public bool Interactive => _interactive;

    /// <summary>
    /// Starts a bar of <paramref name="total"/> steps, of which <paramref name="alreadyDone"/> were
    /// done before (a resumed epoch): throughput and ETA count only the steps of this session.
    /// </summary>
    public void Begin(string label, long total, long alreadyDone = 0)
    {
        _label = label;
        _total = Math.Max(1, total);
        _start = Math.Clamp(alreadyDone, 0, _total);
        _lastQuarter = (int)(4 * _start / _total);
        _lastDrawMs = -1000;
        _clock.Restart();
    }

    /// <summary>Reports <paramref name="done"/> steps finished, the running loss (NaN: none to show) and the throughput unit count.</summary>
    public void Report(long done, double loss, long samplesSoFar, string unit = "samples")
    {
        double seconds = _clock.Elapsed.TotalSeconds;
        double rate = seconds > 0 ? samplesSoFar / seconds : 0;
        long doneHere = done - _start;
        double eta = doneHere > 0 ? seconds / doneHere * (_total - done) : 0;
        string lossText = double.IsNaN(loss) ? "" : string.Create(CultureInfo.InvariantCulture, $" loss {loss:F4}");
        string text = string.Create(CultureInfo.InvariantCulture,
            $"{_label} {Bar(done)} {done}/{_total}{lossText} {rate:F0} {unit}/s ETA {FormatTime(eta)}");
        if (_interactive)
        {
            long ms = _clock.ElapsedMilliseconds;
            if (ms - _lastDrawMs >= 200 || done == _total)
            {
                _out.Write("\r" + text.PadRight(Width));
                _lastDrawMs = ms;
            }
        }
        else
        {
            int quarter = (int)(4 * done / _total);
            if (quarter > _lastQuarter && quarter < 4)
            {
                _lastQuarter = quarter;
                _out.WriteLine(text);
            }
        }
    }

    /// <summary>Ends the bar with a summary line.</summary>
    public void End(string summary)
    {
        if (_interactive)
        {
            _out.Write("\r" + new string(' ', Width) + "\r");
        }

        _out.WriteLine($"{_label} {summary}");
    }

    private static int Width
    {
        get
        {
            try
            {
                return Math.Max(0, Math.Min(Console.WindowWidth - 1, 120));
            }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
            {
                return 120;
            }
        }
    }

    private string Bar(long done)
    {
        const int width = 24;
        int filled = (int)(width * done / _total);
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }

    /// <summary>Formats seconds as m:ss or h:mm:ss.</summary>
    public static string FormatTime(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }
}
