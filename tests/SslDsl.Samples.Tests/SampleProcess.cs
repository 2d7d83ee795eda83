using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Xunit.Sdk;

namespace SslDsl.Samples.Tests;

/// <summary>Runs a built sample as its own process (<c>dotnet Sample.dll args</c>), optionally sending it SIGINT or SIGTERM.</summary>
internal static class SampleProcess
{
    /// <summary>What the process printed (stdout and stderr interleaved) and how it ended.</summary>
    public sealed record Result(int ExitCode, string Output, bool Interrupted);

    /// <summary>
    /// Runs <paramref name="sample"/> (its dll path is recorded at build time in this assembly's metadata). When
    /// <paramref name="interruptWhen"/> matches a line, the process gets <paramref name="signal"/> once: SIGINT (INT) as
    /// from Ctrl-C in a terminal, or SIGTERM (TERM) as from a scheduler or <c>docker stop</c>.
    /// The process starts through python3, which resets SIGINT to its default first: a CI job started in the
    /// background inherits SIGINT ignored, and .NET keeps an inherited "ignore", which would hide the signal.
    /// </summary>
    public static Result Run(string sample, string[] arguments, Func<string, bool>? interruptWhen = null, int timeoutSeconds = 600, string signal = "INT")
    {
        string dll = typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == sample).Value
            ?? throw new XunitException($"No build path recorded for sample {sample}.");
        if (!System.IO.File.Exists(dll))
        {
            throw new XunitException($"The sample {sample} is not built at {dll}; build tests/SslDsl.Samples.Tests, which builds it.");
        }

        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])", "dotnet", dll }.Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        var output = new StringBuilder();
        bool interrupted = false;
        using var process = new Process { StartInfo = start };
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            bool send;
            lock (output)
            {
                output.AppendLine(line);
                send = !interrupted && interruptWhen is not null && interruptWhen(line);
                interrupted |= send;
            }

            if (send)
            {
                Interrupt(process.Id, signal);
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            throw new XunitException($"{sample} did not end within {timeoutSeconds} s:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString(), interrupted);
        }
    }

    private static void Interrupt(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid}") { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}
