using System.IO;
using TabularScarfSample;
using Xunit;

namespace SslDsl.Samples.Tests;

/// <summary>The SCARF sample's real entry path on the breast cancer table.</summary>
public class TabularScarfSampleTests
{
    [Fact]
    public void OneShortRunWritesItsSummary()
    {
        string output = SampleData.OutputFolder("scarf");
        var options = new ScarfOptions
        {
            Data = SampleData.Root("sklearn/datasets/data/breast_cancer.csv"),
            Epochs = 2,
            DownstreamEpochs = 2,
            Device = "cpu",
            Output = output,
            Progress = false,
        };

        var summary = ScarfSample.Run(options, TextWriter.Null);

        // 569 rows = 212 malignant + 357 benign; 30% of each class held out: round(63.6) + round(107.1) = 64 + 107.
        Assert.Equal(171, summary.TestRows);
        Assert.Equal(398, summary.TrainRows);
        Assert.Equal(2, summary.PretrainEpochs);
        SummaryAssert.FiniteNonNegative(summary.FinalPretrainLoss, "InfoNCE loss");
        SummaryAssert.Accuracy(summary.ScarfProbeAccuracy, "SCARF probe accuracy");
        SummaryAssert.Accuracy(summary.RandomProbeAccuracy, "random probe accuracy");
        SummaryAssert.Accuracy(summary.SupervisedAccuracy, "supervised accuracy");
        SummaryAssert.Accuracy(summary.LogisticRegressionAccuracy, "logistic regression accuracy");
        var json = SummaryAssert.Files(output);
        Assert.Equal(summary.LogisticRegressionAccuracy, json.GetProperty("LogisticRegressionAccuracy").GetDouble());
    }

    [Fact]
    public void TestFractionMustBeBetweenZeroAndOne()
    {
        var e = Assert.Throws<System.ArgumentException>(() => ScarfOptions.Parse(new[] { "--test-fraction", "1.5" }));
        Assert.Equal("Option --test-fraction needs a number between 0 and 1 (exclusive); got '1.5'.", e.Message);
    }
}
