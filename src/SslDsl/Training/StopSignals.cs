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
/// </summary>
public sealed class StopSignals : IDisposable
{
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
    public static StopSignals Listen(TextWriter? log = null) => new(log);

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
        if (Interlocked.CompareExchange(ref _received, (int)context.Signal, 0) != 0)
        {
            return; // The second signal: the default action ends the process.
        }

        context.Cancel = true;
        string what = context.Signal == PosixSignal.SIGTERM
            ? "SIGTERM: stopping after the current step and saving a checkpoint (send it again to quit at once)."
            : "Ctrl-C: stopping after the current step and saving a checkpoint (press Ctrl-C again to quit at once).";
        (_log ?? Console.Error).WriteLine(what);
        _source.Cancel();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }
}
