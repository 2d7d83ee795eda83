using System;
using System.IO;
using Xunit;

namespace SslDsl.Samples.Tests;

/// <summary>
/// The benches that parsed their arguments by hand (Recipe, Data, Generator --ide-cost, Methods) now read them with the
/// samples' command line, run as processes: a bad value is one line naming the argument and exit code 2, missing
/// data is exit 3 (docs/samples.md), never a stack trace; the Recipe bench's --time-steps mode still prints the
/// "median step" line bench/compare-step.sh reads.
/// </summary>
public class BenchCommandLineTests
{
    [Theory]
    [InlineData("SslDsl.Bench.Recipe", new[] { "two-convs", "--epochs", "x" }, 2, "Option --epochs needs a whole number >= 0; got 'x'.")]
    [InlineData("SslDsl.Bench.Recipe", new[] { "two-convs", "--time-steps", "-3" }, 2, "Option --time-steps needs a whole number >= 0; got '-3'.")]
    [InlineData("SslDsl.Bench.Recipe", new[] { "reference", "nonsense" }, 2, "Argument variant takes old, pooled, reference, two-convs, ")]
    [InlineData("SslDsl.Bench.Data", new[] { "decoders", "{missing}", "x" }, 2, "Argument channels needs a whole number >= 1; got 'x'.")]
    [InlineData("SslDsl.Bench.Data", new[] { "memory", "{missing}", "2", "0" }, 2, "Argument epochs needs a whole number >= 1; got '0'.")]
    [InlineData("SslDsl.Bench.Data", new[] { "frobnicate" }, 2, "Unrecognized command or argument 'frobnicate'.")]
    [InlineData("SslDsl.Bench.Data", new[] { "loader", "{missing}" }, 3, "Data missing or unreadable: ")]
    [InlineData("SslDsl.Bench.Generator", new[] { "--ide-cost", "x" }, 2, "Argument tasks needs a whole number >= 1; got 'x'.")]
    [InlineData("SslDsl.Bench.Methods", new[] { "simclr", "--epochs", "0" }, 2, "Option --epochs needs a whole number >= 1; got '0'.")]
    [InlineData("SslDsl.Bench.Methods", new[] { "simclr", "nonsense" }, 2, "Argument method takes raw-pixels, random-init, simclr, ")]
    [InlineData("SslDsl.Bench.SampleRecipes", new[] { "mae", "bogus" }, 2, "Argument variant takes sample, raw-targets, ratio50, ")]
    [InlineData("SslDsl.Bench.SampleRecipes", new[] { "mlm", "sample", "--epochs", "x" }, 2, "Option --epochs needs a whole number >= 0; got 'x'.")]
    [InlineData("SslDsl.Bench.SampleRecipes", new[] { "mlm", "sample", "--seeds", "4x" }, 2, "Option --seeds needs integers separated by commas; got '4x'.")]
    [InlineData("SslDsl.Bench.SampleRecipes", new[] { "text", "bogus" }, 2, "Argument variant takes sample, mask15, wwm, t5, t5-40, next-token; got 'bogus'.")]
    public void ABadArgumentEndsWithOneLineAndItsExitCode(string bench, string[] arguments, int code, string message)
    {
        string missing = Path.Combine(Path.GetTempPath(), "ssldsl-bench-missing-" + Guid.NewGuid().ToString("N"));
        var result = SampleProcess.Run(bench, Array.ConvertAll(arguments, a => a.Replace("{missing}", missing, StringComparison.Ordinal)), timeoutSeconds: 120);

        Assert.True(code == result.ExitCode, $"exit {result.ExitCode}, expected {code}:\n{result.Output}");
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRecipeBenchStillTimesStepsForCompareStep()
    {
        SampleData.FashionMnistDirectory();
        var result = SampleProcess.Run("SslDsl.Bench.Recipe", new[] { "two-convs", "--time-steps", "1" }, timeoutSeconds: 300);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Matches(@"two-convs: median step [0-9.]+ s,.*, precision Float32", result.Output);

        // --precision reaches the trainer (two-convs declares float32).
        var lowered = SampleProcess.Run("SslDsl.Bench.Recipe", new[] { "two-convs", "--time-steps", "1", "--precision", "mixed-bf16" }, timeoutSeconds: 300);
        Assert.True(lowered.ExitCode == 0, lowered.Output);
        Assert.Matches(@"two-convs: median step [0-9.]+ s,.*, precision MixedBFloat16", lowered.Output);
    }

    [Fact]
    public void TheDataBenchListsItsCommands()
    {
        var result = SampleProcess.Run("SslDsl.Bench.Data", new[] { "--help" }, timeoutSeconds: 60);

        Assert.True(result.ExitCode == 0, result.Output);
        foreach (string command in new[] { "make-flat", "decoders", "loader", "memory" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }
}
