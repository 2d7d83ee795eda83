using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace SslDsl.Package.Tests;

/// <summary>The outcome of one command: exit code and the interleaved standard output and error.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Output">Everything the process wrote to stdout and stderr.</param>
internal sealed record CommandResult(int ExitCode, string Output);

/// <summary>Runs the dotnet CLI (and scripts) as a fresh child process, isolated from the test host's MSBuild.</summary>
internal static class CommandLine
{
    /// <summary>The dotnet executable running this test host, or "dotnet" from PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.
    /// MSBuild variables inherited from the test run are removed, build servers are not left running
    /// (they would hold the output pipes open), and the process is killed after <paramref name="timeout"/>.
    /// <paramref name="environment"/> adds variables.
    /// </summary>
    public static CommandResult Run(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new List<string>(KeysOf(start.Environment)))
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"'{file} {string.Join(' ', start.ArgumentList)}' in {workingDirectory} ran past {timeout.TotalSeconds} s. Output so far:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new CommandResult(process.ExitCode, output.ToString());
        }
    }

    private static IEnumerable<string> KeysOf(IDictionary<string, string?> environment) => environment.Keys;

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
