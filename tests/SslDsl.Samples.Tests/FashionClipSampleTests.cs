using System.IO;
using FashionClipSample;
using Xunit;

namespace SslDsl.Samples.Tests;

/// <summary>The CLIP sample's real entry path on a slice of Fashion-MNIST.</summary>
public class FashionClipSampleTests
{
    [Fact]
    public void OneShortRunOnASliceWritesItsSummary()
    {
        string output = SampleData.OutputFolder("clip");
        var options = new ClipOptions
        {
            Data = SampleData.FashionMnistDirectory(),
            TrainLimit = 256,
            TestLimit = 128,
            Epochs = 1,
            BatchSize = 64,
            Device = "cpu",
            Output = output,
            Progress = false,
        };

        var summary = ClipSample.Run(options, TextWriter.Null);

        Assert.Equal(256, summary.TrainImages);
        Assert.Equal(128, summary.TestImages);
        Assert.Equal(1, summary.PretrainEpochs);
        SummaryAssert.FiniteNonNegative(summary.FinalPretrainLoss, "CLIP loss");
        Assert.InRange(summary.LogitScale, 1.0, 100.0);
        SummaryAssert.Accuracy(summary.ZeroShotHeldOutAccuracy, "zero-shot accuracy, held-out templates");
        SummaryAssert.Accuracy(summary.ZeroShotTrainingTemplatesAccuracy, "zero-shot accuracy, training templates");
        SummaryAssert.Accuracy(summary.ClipProbeAccuracy, "CLIP probe accuracy");
        SummaryAssert.Accuracy(summary.RandomProbeAccuracy, "random probe accuracy");
        SummaryAssert.Accuracy(summary.SimClrProbeAccuracy, "SimCLR probe accuracy");
        SummaryAssert.Accuracy(summary.SimClrProbeValidationAccuracy, "SimCLR probe validation accuracy");
        var json = SummaryAssert.Files(output);
        Assert.Equal(summary.ZeroShotHeldOutAccuracy, json.GetProperty("ZeroShotHeldOutAccuracy").GetDouble());
        string results = File.ReadAllText(Path.Combine(output, "results.md"));
        Assert.Contains("| CLIP, zero-shot, 3 held-out templates |", results);
        Assert.Contains("256 labelled images (the last 21 choose lr and weight decay), probe only", results);
        Assert.True(File.Exists(Path.Combine(output, "clip", "epochs.csv")), "the CLIP pretraining metrics (clip/epochs.csv) were not written");
        Assert.True(File.Exists(Path.Combine(output, "simclr", "epochs.csv")), "the SimCLR pretraining metrics (simclr/epochs.csv) were not written");
    }

    [Fact]
    public void HeldOutTemplatesAreNeverCaptions()
    {
        Assert.Empty(System.Linq.Enumerable.Intersect(Captions.HeldOutTemplates, Captions.TrainingTemplates));
        var captions = Captions.For(new long[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, seed: 1);
        foreach (var template in Captions.HeldOutTemplates)
        {
            foreach (var name in Captions.ClassNames)
            {
                Assert.DoesNotContain(SslDsl.PromptTemplates.Fill(template, name), captions);
            }
        }

        Assert.All(captions, c => Assert.True(c.Length + 2 <= Captions.MaxLength, $"\"{c}\" does not fit {Captions.MaxLength} tokens"));
    }
}
