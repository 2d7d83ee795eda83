using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.Threading;
using SslDsl;

namespace SslDslSamples;

/// <summary>How every sample and bench runs its parsed command line (<see cref="SampleCommand{TOptions}"/>, <see cref="SampleCommandSet"/>).</summary>
internal static class ProgramRun
{
    /// <summary>
    /// Parses <paramref name="args"/> with <paramref name="root"/>; a bad command line prints its errors and
    /// returns <see cref="SampleExit.BadOptions"/>; --help, --version and [suggest] do their job; otherwise runs
    /// <paramref name="run"/> with the parse result and a token cancelled by Ctrl-C or SIGTERM, mapping its
    /// exceptions to one line and an exit code (<see cref="SampleExit"/>).
    /// </summary>
    public static int Invoke(Command root, string[] args, Func<ParseResult, CancellationToken, int> run)
    {
        var result = root.Parse(args);
        var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (result.Action is ParseErrorAction parseError)
        {
            parseError.ShowHelp = false;
            parseError.Invoke(result);
            Console.Error.WriteLine("Run with --help for the options.");
            return SampleExit.BadOptions;
        }

        if (result.Action is not null)
        {
            return result.Invoke(invocation);
        }

        using var stop = StopSignals.Listen();
        return SampleExit.Guard(() => run(result, stop.Token), stop);
    }
}
