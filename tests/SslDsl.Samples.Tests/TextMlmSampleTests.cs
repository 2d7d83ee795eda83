using System.IO;
using System.Linq;
using TextMlmSample;
using Xunit;

namespace SslDsl.Samples.Tests;

/// <summary>The MLM sample's real entry path on a slice of the fortunes.</summary>
public class TextMlmSampleTests
{
    [Fact]
    public void OneShortRunOnASliceWritesItsSummary()
    {
        string output = SampleData.OutputFolder("mlm");
        var options = new MlmOptions
        {
            Data = SampleData.FortunesDirectory(),
            Limit = 128,
            PerClassLimit = 20,
            Epochs = 1,
            DownstreamEpochs = 1,
            Device = "cpu",
            Output = output,
            Progress = false,
        };

        var summary = MlmSample.Run(options, TextWriter.Null);

        // 5 class files x 20 fortunes; 20% of each class (4) held out.
        Assert.Equal(80, summary.TrainFortunes);
        Assert.Equal(20, summary.TestFortunes);
        Assert.Equal(128, summary.PretrainFortunes);
        // Classes are balanced in the test part, so the majority-class guess is right for exactly 4 of 20.
        Assert.Equal(0.2, summary.MajorityClassAccuracy, 12);
        Assert.True(summary.MaskedPositions > 0, "no masked test position was scored");
        SummaryAssert.FiniteNonNegative(summary.FinalPretrainLoss, "masked-token loss");
        SummaryAssert.Accuracy(summary.MaskedTokenAccuracy, "masked-byte accuracy");
        SummaryAssert.Accuracy(summary.MostFrequentTokenAccuracy, "most-frequent-byte accuracy");
        SummaryAssert.Accuracy(summary.MlmProbeAccuracy, "MLM probe accuracy");
        SummaryAssert.Accuracy(summary.RandomProbeAccuracy, "random probe accuracy");
        SummaryAssert.Accuracy(summary.SupervisedAccuracy, "supervised accuracy");
        SummaryAssert.Accuracy(summary.MlmProbeValidationAccuracy, "MLM probe validation accuracy");
        SummaryAssert.Accuracy(summary.RandomProbeValidationAccuracy, "random probe validation accuracy");
        var json = SummaryAssert.Files(output);
        Assert.Equal(summary.MaskedPositions, json.GetProperty("MaskedPositions").GetInt64());
        Assert.Equal(summary.MlmProbeValidationAccuracy, json.GetProperty("MlmProbeValidationAccuracy").GetDouble());
        // 16 labelled fortunes per class: round(16 / 12) = 1 of each class chooses the probes' settings.
        Assert.Contains("80 labelled fortunes (5 of them choose lr and weight decay), probe only", File.ReadAllText(Path.Combine(output, "results.md")));
    }

    [Fact]
    public void ThePretrainingPoolHoldsNoTestFortune()
    {
        var data = FortuneData.Load(SampleData.FortunesDirectory(), poolLimit: 100_000, perClassLimit: 50, seed: 1);
        Assert.Equal(5 * 10, data.TestTexts.Count);
        Assert.Empty(data.PretrainTexts.Intersect(data.TestTexts));
        Assert.Equal(data.PretrainTexts.Count, data.PretrainTexts.Distinct().Count());
    }

    [Fact]
    public void TheProbesChooseTheirSettingsOnAPartOfEveryClass()
    {
        // 48 fortunes per class file: 10 (20%) held out for testing, 38 labelled; the probes hold out round(38 / 12) = 3
        // of each class. (The labelled fortunes are ordered by class: their last twelfth would be one class.)
        var data = FortuneData.Load(SampleData.FortunesDirectory(), poolLimit: 10, perClassLimit: 48, seed: 3);
        using var train = SslDsl.ByteLevelTokenizer.BytesOnly().ToDataset(data.TrainTexts, FortuneMlm.MaxLength, data.TrainLabels, "train");
        var (fit, validation) = MlmSample.ProbeSplits(train, seed: 3);
        using (fit)
        using (validation)
        {
            Assert.Equal(5 * 38, train.Count);
            Assert.Equal(5 * 3, validation.Count);
            Assert.Equal(train.Count, fit.Count + validation.Count);
            var counts = validation.Labels!.bincount(null).data<long>().ToArray();
            Assert.Equal(new long[] { 3, 3, 3, 3, 3 }, counts);
        }
    }
}
