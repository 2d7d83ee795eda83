using System.IO;
using FashionMaeSample;
using Xunit;

namespace SslDsl.Samples.Tests;

/// <summary>The MAE sample's real entry path on a slice of Fashion-MNIST.</summary>
public class FashionMaeSampleTests
{
    [Fact]
    public void OneShortRunOnASliceWritesItsSummary()
    {
        string output = SampleData.OutputFolder("mae");
        var options = new MaeOptions
        {
            Data = SampleData.FashionMnistDirectory(),
            TrainLimit = 256,
            TestLimit = 128,
            Epochs = 1,
            BatchSize = 64,
            DownstreamEpochs = 1,
            Device = "cpu",
            Output = output,
            Progress = false,
        };

        var summary = MaeSample.Run(options, TextWriter.Null);

        Assert.Equal(256, summary.TrainImages);
        Assert.Equal(128, summary.TestImages);
        Assert.Equal(1, summary.PretrainEpochs);
        SummaryAssert.FiniteNonNegative(summary.FinalPretrainLoss, "reconstruction loss");
        SummaryAssert.Accuracy(summary.MaeProbeAccuracy, "MAE probe accuracy");
        SummaryAssert.Accuracy(summary.RandomProbeAccuracy, "random probe accuracy");
        SummaryAssert.Accuracy(summary.SupervisedAccuracy, "supervised accuracy");
        var json = SummaryAssert.Files(output);
        Assert.Equal(summary.MaeProbeAccuracy, json.GetProperty("MaeProbeAccuracy").GetDouble());
        Assert.True(File.Exists(Path.Combine(output, "epochs.csv")), "the pretraining metrics (epochs.csv) were not written");
    }

    [Fact]
    public void MissingDataExitsWithCodeThreeAndNamesTheFetchScript()
    {
        var error = new StringWriter();
        var saved = System.Console.Error;
        System.Console.SetError(error);
        int code;
        try
        {
            code = (int)typeof(MaeSample).Assembly.EntryPoint!.Invoke(null, new object[] { new[] { "--data", "/nonexistent/fashion", "--quiet" } })!;
        }
        finally
        {
            System.Console.SetError(saved);
        }

        Assert.Equal(3, code);
        Assert.Contains("scripts/fetch-data.sh", error.ToString());
    }

    [Theory]
    [InlineData(new[] { "--epochs", "0" }, "Option --epochs needs a whole number >= 1; got '0'.")]
    [InlineData(new[] { "--limit" }, "Option --limit needs a value.")]
    [InlineData(new[] { "--frobnicate" }, "Unknown option '--frobnicate'. Run with --help for the list.")]
    public void BadOptionsAreRejectedWithAMessage(string[] args, string message)
    {
        var e = Assert.Throws<System.ArgumentException>(() => MaeOptions.Parse(args));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void OptionsOverrideTheDefaults()
    {
        var o = MaeOptions.Parse(new[] { "--epochs", "3", "--batch-size", "32", "--limit", "500", "--test-limit", "100", "--seed", "-7", "--quiet" });
        Assert.Equal(new MaeOptions { Epochs = 3, BatchSize = 32, TrainLimit = 500, TestLimit = 100, Seed = -7, Progress = false }, o);
        Assert.True(MaeOptions.Parse(new[] { "--help" }).Help);
    }
}
