using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace SslDsl.Samples.Tests;

/// <summary>Tab completion in bash through scripts/completion.bash and the sample's own [suggest] directive.</summary>
public class SampleCompletionTests
{
    [Theory]
    [InlineData("--epochs 3 --dev", "--device")]
    [InlineData("--device ", "auto cpu cuda")]
    [InlineData("--precision ", "auto float32 mixed-bf16")]
    [InlineData("--no-baseline --res", "--resume --resume-from")]
    public void BashCompletesOptionsAndValuesOfTheSimClrSample(string typed, string expected)
    {
        string dll = typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FashionMnist.SimClr").Value!;
        string program = Path.ChangeExtension(dll, null);
        string script = Path.Combine(RepositoryRoot(), "scripts", "completion.bash");
        string words = string.Join(" ", typed.Split(' ').Select(w => $"'{w}'"));
        string bash = $"source '{script}'; COMP_LINE=\"$0 {typed}\"; COMP_POINT=${{#COMP_LINE}}; COMP_WORDS=(\"$0\" {words}); " +
                      "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _ssldsl_complete; echo \"${COMPREPLY[*]}\"";
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-c", bash, program })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, errors);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public void EverySampleAndBenchOnTheSharedCommandLineIsRegistered()
    {
        string root = RepositoryRoot();
        var programs = Directory.GetFiles(Path.Combine(root, "samples"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root, "bench"), "*.csproj", SearchOption.AllDirectories))
            .Where(p => File.ReadAllText(p).Contains("<PackageReference Include=\"System.CommandLine\" />", StringComparison.Ordinal))
            .Select(p => Path.GetFileNameWithoutExtension(p)!)
            .ToArray();
        Assert.Contains("ImageFolder.SimClr", programs);
        Assert.Contains("SslDsl.Bench.Recipe", programs);
        string script = Path.Combine(root, "scripts", "completion.bash");
        string bash = $"source '{script}'; for p in {string.Join(" ", programs)}; do complete -p \"$p\" > /dev/null 2>&1 || echo \"$p\"; done";
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(bash);

        using var process = Process.Start(start)!;
        string unregistered = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();

        Assert.True(unregistered.Length == 0, $"scripts/completion.bash does not register: {unregistered.ReplaceLineEndings(", ")}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SslDsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No SslDsl.sln above " + AppContext.BaseDirectory);
    }
}
