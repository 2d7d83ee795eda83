using System;
using System.Diagnostics;
using System.IO;
using Xunit.Sdk;

namespace SslDsl.Tests.InteropTests;

/// <summary>
/// Runs scripts in Debian's Python PyTorch (python3-torch, which scripts/install-test-tools.sh installs):
/// /usr/bin/python3 when it exists (a pyenv or venv python on PATH lacks Debian's packages), else python3.
/// A missing torch fails the test with the install command; it is never skipped.
/// </summary>
internal static class PythonPyTorch
{
    public const string InstallCommand = "run scripts/install-test-tools.sh (from the repository root), which installs Debian's python3-torch";

    public static string Interpreter => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Runs <paramref name="script"/> (next to the test binaries) with <paramref name="arguments"/>; returns its standard output.</summary>
    public static string Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, script));
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new XunitException($"Cannot start {Interpreter}; {InstallCommand}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new XunitException($"Cannot start {Interpreter} ({e.Message}); {InstallCommand}.");
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            string errors = stderr.Result;
            if (errors.Contains("No module named 'torch'", StringComparison.Ordinal))
            {
                throw new XunitException($"Python PyTorch is missing for {Interpreter}: {InstallCommand}.");
            }

            if (process.ExitCode != 0)
            {
                throw new XunitException($"{script} exited with {process.ExitCode}:\n{errors}\n{stdout}");
            }

            return stdout;
        }
    }
}
