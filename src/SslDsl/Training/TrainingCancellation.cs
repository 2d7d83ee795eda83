using System.Threading;

namespace SslDsl;

/// <summary>Cancellation of a training run from the keyboard or a scheduler.</summary>
public static class TrainingCancellation
{
    /// <summary>
    /// A token cancelled by the first Ctrl-C or SIGTERM (the process keeps running, so <c>Fit</c> can
    /// finish the current step, save a resumable checkpoint and return); a second signal ends the
    /// process as usual. Pass the token to <c>Fit</c>, and resume later with <c>TrainingOptions.Resume = true</c>.
    /// <see cref="StopSignals"/> also tells which signal came (for the exit code).
    /// </summary>
    /// <param name="log">Where to say what is happening; null for the console's error stream.</param>
    public static CancellationToken OnCtrlC(System.IO.TextWriter? log = null) => StopSignals.Listen(log).Token;
}
