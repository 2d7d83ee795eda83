using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;

namespace SslDslSamples;

/// <summary>
/// The command line of a sample or bench (System.CommandLine): each option is bound to a property
/// of the program's options record, whose defaults the help shows. It gives one help style
/// (<c>--help</c>), validation messages that name the option, typo suggestions, and tab completion
/// through the <c>[suggest]</c> directive (scripts/completion.bash wires it into bash).
/// </summary>
/// <typeparam name="TOptions">The program's options record.</typeparam>
internal sealed class SampleCommand<TOptions>
{
    private readonly Command _root;
    private readonly TOptions _defaults;
    private readonly List<Func<ParseResult, TOptions, TOptions>> _binders = new();

    /// <summary>Creates the program's command: <paramref name="description"/> opens the help; <paramref name="defaults"/> is the record every option is applied to.</summary>
    public SampleCommand(string description, TOptions defaults)
    {
        _root = new RootCommand(description);
        _defaults = defaults;
    }

    /// <summary>Creates one command <paramref name="name"/> of a program that has several (<see cref="SampleCommandSet"/>).</summary>
    public SampleCommand(string name, string description, TOptions defaults)
    {
        _root = new Command(name, description);
        _defaults = defaults;
    }

    /// <summary>The System.CommandLine command, for <see cref="SampleCommandSet"/>.</summary>
    internal Command Command => _root;

    /// <summary>Adds <paramref name="option"/>; <paramref name="apply"/> puts its value (given or default) into the record.</summary>
    public SampleCommand<TOptions> Add<T>(Option<T> option, Func<TOptions, T, TOptions> apply)
    {
        _root.Options.Add(option);
        _binders.Add((result, o) => apply(o, result.GetValue(option)!));
        return this;
    }

    /// <summary>Adds the positional <paramref name="argument"/>; <paramref name="apply"/> puts its value (given or default) into the record.</summary>
    public SampleCommand<TOptions> Add<T>(Argument<T> argument, Func<TOptions, T, TOptions> apply)
    {
        _root.Arguments.Add(argument);
        _binders.Add((result, o) => apply(o, result.GetValue(argument)!));
        return this;
    }

    /// <summary>
    /// Adds --resume, --resume-from PATH and --overwrite (see <see cref="RunControl"/>), which decide
    /// what happens to a run already in the output folder; --overwrite excludes the other two.
    /// </summary>
    public SampleCommand<TOptions> AddRunControl(Func<TOptions, RunControl, TOptions> apply)
    {
        var resume = CliOptions.Flag("--resume", "continue the run in --out from its newest checkpoint that loads");
        var resumeFrom = CliOptions.OptionalText("--resume-from", "continue from this checkpoint file (metrics and new checkpoints still go to --out)", "PATH");
        var overwrite = CliOptions.Flag("--overwrite", "replace the run already in --out (its checkpoints, metrics and plots)");
        _root.Options.Add(resume);
        _root.Options.Add(resumeFrom);
        _root.Options.Add(overwrite);
        _root.Validators.Add(r =>
        {
            if (r.GetValue(overwrite) && (r.GetValue(resume) || r.GetValue(resumeFrom) is not null))
            {
                r.AddError("Option --overwrite starts a new run; it cannot be combined with --resume or --resume-from, which continue one.");
            }
        });
        _binders.Add((result, o) => apply(o, new RunControl(result.GetValue(resume), result.GetValue(resumeFrom), result.GetValue(overwrite))));
        return this;
    }

    /// <summary>Parses <paramref name="args"/> into the options record.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value; the message holds every error.</exception>
    public TOptions Parse(params string[] args)
    {
        var result = _root.Parse(args);
        if (result.Errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        return Bind(result);
    }

    /// <summary>
    /// The whole program: parses <paramref name="args"/>; a bad command line prints its errors and
    /// returns <see cref="SampleExit.BadOptions"/>; --help, --version and [suggest] do their job;
    /// otherwise runs <paramref name="run"/> with the options and a token cancelled by Ctrl-C or
    /// SIGTERM, mapping its exceptions to one line and an exit code (<see cref="SampleExit"/>).
    /// </summary>
    public int Run(string[] args, Func<TOptions, CancellationToken, int> run) =>
        ProgramRun.Invoke(_root, args, (result, stop) => run(Bind(result), stop));

    /// <summary>The options record of a parse that found no error.</summary>
    internal TOptions Bind(ParseResult result) => _binders.Aggregate(_defaults, (o, bind) => bind(result, o));
}
