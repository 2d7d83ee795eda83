using System;
using System.IO;
using SslDsl;

namespace SslDslSamples;

/// <summary>The common shell of the samples' Main: options, --help, data errors, exit codes.</summary>
internal static class SampleExit
{
    /// <summary>Exit code for bad command-line options.</summary>
    public const int BadOptions = 2;

    /// <summary>Exit code for missing or malformed data.</summary>
    public const int DataMissing = 3;

    /// <summary>The sentence every data error ends with.</summary>
    public const string FetchHint = "Run scripts/fetch-data.sh (from the repository root) to install or unpack every data set the samples use.";

    /// <summary>
    /// Parses the options, prints the usage for --help, runs the sample and maps missing data to
    /// <see cref="DataMissing"/> with a message that names scripts/fetch-data.sh.
    /// </summary>
    public static int Run<TOptions>(string[] args, Func<string[], TOptions> parse, Func<TOptions, bool> help, string usage, Action<TOptions> run)
    {
        TOptions options;
        try
        {
            options = parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return BadOptions;
        }

        if (help(options))
        {
            Console.WriteLine(usage);
            return 0;
        }

        try
        {
            run(options);
            return 0;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or DatasetFormatException)
        {
            Console.Error.WriteLine($"Data missing or unreadable: {e.Message}");
            if (!e.Message.Contains("fetch-data.sh", StringComparison.Ordinal))
            {
                Console.Error.WriteLine(FetchHint);
            }

            return DataMissing;
        }
    }
}
