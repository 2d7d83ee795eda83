using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;

namespace SslDsl;

/// <summary>
/// Stops training the way terminals and schedulers ask: the first Ctrl-C (SIGINT) or SIGTERM (what
/// <c>kill</c>, <c>docker stop</c> and batch schedulers send) cancels <see cref="Token"/> and keeps
/// the process alive, so <c>Fit</c> finishes the current step, saves a resumable checkpoint and
/// returns; a second signal ends the process as usual. Dispose it to restore the default handling.
/// While it listens, every pretraining <c>Fit</c>, fine-tuning, feature extraction, evaluation and linear probe
/// that was given no cancellation token of its own observes <see cref="Token"/> too (<see cref="Listening"/>),
/// so a first signal never goes unheard in a phase the caller did not wire up.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private static StopSignals? s_listening;
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter? _log;
    private int _received;

    private StopSignals(TextWriter? log)
    {
        _log = log;
        _registrations = new[]
        {
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        };
    }

    /// <summary>Starts listening for SIGINT and SIGTERM.</summary>
    /// <param name="log">Where to say what is happening; null for the console's error stream.</param>
    public static StopSignals Listen(TextWriter? log = null)
    {
        var signals = new StopSignals(log);
        Volatile.Write(ref s_listening, signals);
        return signals;
    }

    /// <summary>The token of the <see cref="StopSignals"/> listening now (the latest not yet disposed); <see cref="CancellationToken.None"/> when none listens.</summary>
    public static CancellationToken Listening => Volatile.Read(ref s_listening)?._source.Token ?? CancellationToken.None;

    /// <summary><paramref name="token"/> when it can be cancelled, else <see cref="Listening"/>: what a long-running phase given <paramref name="token"/> observes.</summary>
    public static CancellationToken Or(CancellationToken token) => token.CanBeCanceled ? token : Listening;

    /// <summary>Cancelled by the first SIGINT or SIGTERM; pass it to <c>Fit</c>.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The signal that cancelled <see cref="Token"/>, or null while none came.</summary>
    public PosixSignal? Received => _received == 0 ? null : (PosixSignal)_received;

    /// <summary>The conventional exit code after the signal received: 130 for SIGINT, 143 for SIGTERM (128 + the signal's number); 0 while none came.</summary>
    public int ExitCode => Received switch
    {
        PosixSignal.SIGINT => 130,
        PosixSignal.SIGTERM => 143,
        _ => 0,
    };

    private void Handle(PosixSignalContext context)
    {
        if (Request(context.Signal))
        {
            context.Cancel = true;
        }
    }

    /// <summary>
    /// What the first <paramref name="signal"/> does: says so and cancels <see cref="Token"/>; false (nothing done)
    /// for a later one, whose default action then ends the process.
    /// </summary>
    internal bool Request(PosixSignal signal)
    {
        if (Interlocked.CompareExchange(ref _received, (int)signal, 0) != 0)
        {
            return false;
        }

        string what = signal == PosixSignal.SIGTERM
            ? "SIGTERM: stopping after the current step; pretraining saves a checkpoint first (send it again to quit at once)."
            : "Ctrl-C: stopping after the current step; pretraining saves a checkpoint first (press Ctrl-C again to quit at once).";
        (_log ?? Console.Error).WriteLine(what);
        _source.Cancel();
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Interlocked.CompareExchange(ref s_listening, null, this);
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }
}
