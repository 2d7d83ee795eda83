using System;
using System.IO;
using System.Threading;
using SslDsl;

namespace SslDslSamples;

/// <summary>
/// The exit codes of the samples and benches, and the one line each failure prints. A user's
/// mistake or a problem of the machine never ends in a stack trace; only an unexpected error
/// (a bug) prints one. The codes are documented in docs/samples.md.
/// </summary>
internal static class SampleExit
{
    /// <summary>The run completed.</summary>
    public const int Success = 0;

    /// <summary>An unexpected error: a bug, reported with its stack trace.</summary>
    public const int Unexpected = 1;

    /// <summary>A bad command line, or a setting that cannot work (batch larger than the data, a contrastive batch of 1, a device this machine lacks).</summary>
    public const int BadOptions = 2;

    /// <summary>Missing or malformed data.</summary>
    public const int DataMissing = 3;

    /// <summary>A checkpoint or encoder file that cannot be used: damaged, of another task or model, of a run with other settings, or nothing to resume.</summary>
    public const int CheckpointUnusable = 4;

    /// <summary>The output folder cannot take the run: it holds another run, cannot be written, is a file, or its disk is full.</summary>
    public const int OutputUnusable = 5;

    /// <summary>Training diverged: a loss or gradient became NaN or infinite.</summary>
    public const int Diverged = 6;

    /// <summary>Exit code when this machine's libtorch computes wrong convolutions even on its native path (docs/numerics.md).</summary>
    public const int BackendUnusable = 7;

    /// <summary>The sentence every data error ends with.</summary>
    public const string FetchHint = "Run scripts/fetch-data.sh (from the repository root) to install or unpack every data set the samples use.";

    /// <summary>
    /// Runs <paramref name="run"/> and maps what it throws to one line on the error stream and an
    /// exit code; a run cancelled by <paramref name="stop"/> (it throws <see cref="OperationCanceledException"/>)
    /// ends with the signal's code (130 after Ctrl-C, 143 after SIGTERM).
    /// </summary>
    public static int Guard(Func<int> run, StopSignals? stop = null)
    {
        try
        {
            return run();
        }
        catch (OperationCanceledException) when (stop?.Received is { } signal)
        {
            Console.Error.WriteLine($"Stopped by {(signal == System.Runtime.InteropServices.PosixSignal.SIGINT ? "Ctrl-C" : signal.ToString())} (exit code {stop.ExitCode}).");
            return stop.ExitCode;
        }
        catch (Exception e)
        {
            var (code, line) = Describe(e);
            Console.Error.WriteLine(line);
            if (code == DataMissing && !line.Contains("fetch-data.sh", StringComparison.Ordinal))
            {
                Console.Error.WriteLine(FetchHint);
            }

            if (code == Unexpected)
            {
                Console.Error.WriteLine(e.ToString());
            }

            return code;
        }
    }

    /// <summary>The exit code of <paramref name="e"/> and the line that says what went wrong.</summary>
    public static (int Code, string Line) Describe(Exception e) => e switch
    {
        DatasetFormatException or FileNotFoundException or DirectoryNotFoundException => (DataMissing, "Data missing or unreadable: " + OneLine(e)),
        CheckpointMismatchException or ResumeException => (CheckpointUnusable, "Cannot use the checkpoint or encoder file: " + OneLine(e)),
        OutputDirectoryException => (OutputUnusable, "Cannot use the output folder: " + OneLine(e)),
        IOException or UnauthorizedAccessException => (OutputUnusable, "Cannot write the output: " + OneLine(e)),
        NonFiniteLossException => (Diverged, "Training diverged: " + OneLine(e)),
        ConvolutionBackendException => (BackendUnusable, "Cannot train on this machine: " + OneLine(e)),
        ArgumentException => (BadOptions, "Cannot run with these settings: " + OneLine(e)),
        _ => (Unexpected, $"Unexpected error (a bug; please report it with the lines below): {e.GetType().Name}: {OneLine(e)}"),
    };

    /// <summary>The message on one line, without the "(Parameter 'x')" and "Actual value was" lines .NET appends to argument exceptions.</summary>
    public static string OneLine(Exception e)
    {
        string message = e.Message;
        if (e is ArgumentException { ParamName: string name })
        {
            int at = message.IndexOf($" (Parameter '{name}')", StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message.Substring(0, at);
            }
        }

        return message.ReplaceLineEndings(" ").Trim();
    }
}
