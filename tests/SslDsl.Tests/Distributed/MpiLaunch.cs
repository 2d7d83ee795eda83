using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Xunit.Sdk;

namespace SslDsl.Tests.Distributed;

/// <summary>
/// Starts this test assembly as the ranks' program (<see cref="Program"/>): N ranks under Open MPI's
/// <c>mpiexec</c> on this machine only (shared memory between the ranks, one torch thread each), or one
/// process without any launcher. Every run has a time limit after which it is killed and the test fails.
/// </summary>
internal static class MpiLaunch
{
    /// <summary>How a run ended: exit code, stdout and stderr interleaved, and how long it took.</summary>
    public sealed record Result(int ExitCode, string Output, TimeSpan Elapsed);

    /// <summary>The <c>mpiexec</c> on the PATH.</summary>
    /// <exception cref="XunitException">It is not installed (a failure that names the script to run, never a skip).</exception>
    public static string Mpiexec =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "mpiexec"))
            .FirstOrDefault(File.Exists)
        ?? throw new XunitException("mpiexec is not installed, so the data-parallel tests cannot start their ranks: run scripts/install-test-tools.sh (it installs Open MPI: apt-get install openmpi-bin).");

    /// <summary>Runs <c>distributed-worker <paramref name="arguments"/></c> on <paramref name="ranks"/> ranks under mpiexec.</summary>
    public static Result Ranks(int ranks, int timeoutSeconds, params string[] arguments) =>
        Start(Mpiexec, new[]
        {
            "-n", ranks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--oversubscribe", "--allow-run-as-root", "--bind-to", "none",
            "--mca", "btl", "self,vader", "--mca", "btl_vader_single_copy_mechanism", "none",
            "--mca", "mpi_yield_when_idle", "1", // ranks share 2 cores with other tests: a waiting rank yields (docs/distributed.md)
            "-x", "OMP_NUM_THREADS=1",
            Dotnet, typeof(MpiLaunch).Assembly.Location, "distributed-worker",
        }.Concat(arguments), timeoutSeconds);

    /// <summary>Runs <c>distributed-worker <paramref name="arguments"/></c> as one process without a launcher.</summary>
    public static Result Single(int timeoutSeconds, params string[] arguments) =>
        Start(Dotnet, new[] { typeof(MpiLaunch).Assembly.Location, "distributed-worker" }.Concat(arguments), timeoutSeconds, single: true);

    private static string Dotnet =>
        Environment.ProcessPath is string host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    private static Result Start(string program, System.Collections.Generic.IEnumerable<string> arguments, int timeoutSeconds, bool single = false)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["OMP_NUM_THREADS"] = "1";
        if (single)
        {
            foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("OMPI_", StringComparison.Ordinal) || k.StartsWith("PMI", StringComparison.Ordinal) || k is "RANK" or "WORLD_SIZE" or "LOCAL_RANK").ToList())
            {
                start.Environment.Remove(name);
            }
        }

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new XunitException($"{Path.GetFileName(program)} {string.Join(' ', start.ArgumentList)} did not end within {timeoutSeconds} s:\n{Text(output)}");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, Text(output), clock.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
