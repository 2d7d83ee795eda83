using System;
using System.Threading;

namespace SslDsl;

/// <summary>Cancellation of a training run from the keyboard.</summary>
public static class TrainingCancellation
{
    /// <summary>
    /// A token cancelled by the first Ctrl-C (the process keeps running, so <c>Fit</c> can finish
    /// the current step, save a resumable checkpoint and return); a second Ctrl-C ends the process
    /// as usual. Pass the token to <c>Fit</c>, and resume later with <c>TrainingOptions.Resume = true</c>.
    /// </summary>
    /// <param name="log">Where to say what is happening; null for the console's error stream.</param>
    public static CancellationToken OnCtrlC(System.IO.TextWriter? log = null)
    {
        var source = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (source.IsCancellationRequested)
            {
                return;
            }

            e.Cancel = true;
            (log ?? Console.Error).WriteLine("Ctrl-C: stopping after the current step and saving a checkpoint (press Ctrl-C again to quit at once).");
            source.Cancel();
        };
        return source.Token;
    }
}
