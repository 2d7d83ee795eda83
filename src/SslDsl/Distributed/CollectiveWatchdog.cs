using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;

namespace SslDsl;

/// <summary>
/// Bounds how long this rank waits in one collective: a background thread looks at the collective in progress
/// and, once it has waited longer than <see cref="Timeout"/> (a rank that hangs or died never arrives), calls
/// <c>expired</c> with the collective's name and the time waited, once. MPI has no time limit of its own.
/// </summary>
internal sealed class CollectiveWatchdog
{
    /// <summary>The environment variable that sets the limit, in seconds.</summary>
    public const string Variable = "SSLDSL_COLLECTIVE_TIMEOUT";

    private readonly Action<string, TimeSpan> _expired;
    private string? _operation;
    private long _started;
    private long _timeoutTicks;

    /// <summary>Starts the watching thread (a background thread: it never keeps the process alive).</summary>
    public CollectiveWatchdog(TimeSpan timeout, Action<string, TimeSpan> expired)
    {
        _expired = expired;
        Timeout = timeout;
        new Thread(Watch) { IsBackground = true, Name = "SslDsl collective watchdog" }.Start();
    }

    /// <summary>The longest wait in one collective; must be &gt; 0.</summary>
    public TimeSpan Timeout
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _timeoutTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            Interlocked.Exchange(ref _timeoutTicks, value.Ticks);
        }
    }

    /// <summary>The limit the process starts with: <see cref="Variable"/> in seconds when set, else <paramref name="fallback"/>.</summary>
    /// <exception cref="DistributedException">The variable is not a number of seconds &gt; 0.</exception>
    public static TimeSpan FromEnvironment(string? value, TimeSpan fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !(seconds > 0) || seconds > TimeSpan.MaxValue.TotalSeconds)
        {
            throw new DistributedException($"{Variable}='{value}' is not a number of seconds > 0; set it to the longest time a collective may wait for the other ranks (unset: {fallback.TotalSeconds:F0} s).");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Marks the start of collective <paramref name="operation"/>.</summary>
    public void Enter(string operation)
    {
        Volatile.Write(ref _started, Stopwatch.GetTimestamp());
        Volatile.Write(ref _operation, operation);
    }

    /// <summary>Marks the end of the collective in progress.</summary>
    public void Exit() => Volatile.Write(ref _operation, null);

    private void Watch()
    {
        while (true)
        {
            var timeout = Timeout;
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Clamp(timeout.TotalMilliseconds / 10, 50, 1000)));
            if (Volatile.Read(ref _operation) is not { } operation)
            {
                continue;
            }

            var waited = Stopwatch.GetElapsedTime(Volatile.Read(ref _started));
            if (waited > timeout && ReferenceEquals(operation, Volatile.Read(ref _operation)))
            {
                _expired(operation, waited);
                return;
            }
        }
    }
}
