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
        SummaryAssert.Accuracy(summary.MaeProbeValidationAccuracy, "MAE probe validation accuracy");
        SummaryAssert.Accuracy(summary.RandomProbeValidationAccuracy, "random probe validation accuracy");
        var json = SummaryAssert.Files(output);
        Assert.Equal(summary.MaeProbeAccuracy, json.GetProperty("MaeProbeAccuracy").GetDouble());
        Assert.Equal(summary.RandomProbeValidationAccuracy, json.GetProperty("RandomProbeValidationAccuracy").GetDouble());
        // The probes chose their settings on the last twelfth of the 256 labelled images (21); the supervised
        // baseline has no validation score, which the table shows as "-".
        string results = File.ReadAllText(Path.Combine(output, "results.md"));
        Assert.Contains("256 labelled images (the last 21 choose lr and weight decay), probe only", results);
        Assert.Matches(@"\| same encoder trained from scratch, supervised \| [01]\.\d{4} \| - \|", results);
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
    [InlineData(new[] { "--limit" }, "Required argument missing for option: '--limit'.")]
    [InlineData(new[] { "--frobnicate" }, "Unrecognized command or argument '--frobnicate'.")]
    [InlineData(new[] { "--epochs", "2", "--epochs", "7" }, "Option '--epochs' expects a single argument but 2 were provided.")]
    [InlineData(new[] { "--quiet", "yes" }, "Unrecognized command or argument 'yes'.")]
    [InlineData(new[] { "--overwrite", "--resume" }, "Option --overwrite starts a new run; it cannot be combined with --resume or --resume-from, which continue one.")]
    public void BadOptionsAreRejectedWithAMessage(string[] args, string message)
    {
        var e = Assert.Throws<System.ArgumentException>(() => MaeOptions.Parse(args));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void OptionsOverrideTheDefaults()
    {
        var o = MaeOptions.Parse(new[] { "--epochs", "3", "--batch-size", "32", "--limit", "500", "--test-limit", "100", "--seed", "-7", "--quiet", "--resume-from", "a.ckpt" });
        Assert.Equal(new MaeOptions { Epochs = 3, BatchSize = 32, TrainLimit = 500, TestLimit = 100, Seed = -7, Progress = false, Run = o.Run }, o);
        Assert.Equal(("a.ckpt", false, false), (o.Run.ResumeFrom, o.Run.Resume, o.Run.Overwrite));
        Assert.Equal(new MaeOptions(), MaeOptions.Parse());
    }


    [Fact]
    public void HelpListsEveryOptionWithItsDefaultAndExitsWithZero()
    {
        var output = new StringWriter();
        var saved = System.Console.Out;
        System.Console.SetOut(output);
        int code;
        try
        {
            code = (int)typeof(MaeSample).Assembly.EntryPoint!.Invoke(null, new object[] { new[] { "--help" } })!;
        }
        finally
        {
            System.Console.SetOut(saved);
        }

        Assert.Equal(0, code);
        foreach (var option in new[] { "--epochs <N>", "--batch-size <N>", "--downstream-epochs <N>", "--seed <N>", "--out <DIR>", "--data <DIR>", "--device <auto|cpu|cuda>", "--limit <N>", "--test-limit <N>", "--quiet", "--resume", "--resume-from <PATH>", "--overwrite", "--help" })
        {
            Assert.Contains(option, output.ToString());
        }

        Assert.Contains("[default: 6000]", output.ToString());
    }
}
