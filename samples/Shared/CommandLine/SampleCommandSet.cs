using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;

namespace SslDslSamples;

/// <summary>
/// A program of several commands (<c>SslDsl.Bench.Data decoders DIR 1 28</c>), each a <see cref="SampleCommand{TOptions}"/>
/// with its own options record: the same help, validation, completion and exit codes as a one-command program.
/// </summary>
internal sealed class SampleCommandSet
{
    private readonly RootCommand _root;
    private readonly Dictionary<Command, Func<ParseResult, CancellationToken, int>> _runs = new();

    /// <summary>Creates the program: <paramref name="description"/> opens the help, above the list of commands.</summary>
    public SampleCommandSet(string description) => _root = new RootCommand(description);

    /// <summary>Adds <paramref name="command"/> (created with a name); <paramref name="run"/> runs it with its options.</summary>
    public SampleCommandSet Add<TOptions>(SampleCommand<TOptions> command, Func<TOptions, CancellationToken, int> run)
    {
        _root.Subcommands.Add(command.Command);
        _runs.Add(command.Command, (result, stop) => run(command.Bind(result), stop));
        return this;
    }

    /// <summary>
    /// The whole program: a missing or unknown command or a bad value prints its errors and returns
    /// <see cref="SampleExit.BadOptions"/>; otherwise runs the command given, as <see cref="SampleCommand{TOptions}.Run"/> does.
    /// </summary>
    public int Run(string[] args) =>
        ProgramRun.Invoke(_root, args, (result, stop) => _runs[result.CommandResult.Command](result, stop));
}
