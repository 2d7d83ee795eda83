using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.FineTuning;

/// <summary>The probe protocol: settings chosen on validation, the final head refit on training + validation (or not), test scored once.</summary>
public class LinearProbeTests
{
    /// <summary>
    /// Two classes in 16 dimensions that only the first separates (centred at -2 and +2 there, noise 0.5); the other
    /// 15 are noise of std 1, so a random head is near chance and a trained one near 1.
    /// </summary>
    private static (Tensor Features, Tensor Labels) Blobs(int n, long seed)
    {
        var gen = new Generator((ulong)seed);
        var labels = torch.randint(0, 2, new long[] { n }, generator: gen);
        var features = torch.randn(new long[] { n, 16 }, generator: gen);
        features[.., 0] = labels.to_type(ScalarType.Float32) * 4 - 2 + features[.., 0] * 0.5;
        return (features, labels);
    }

    [Fact]
    public void ChoosesTheGridPointWithTheBestValidationAccuracy()
    {
        var train = Blobs(200, 1);
        var validation = Blobs(100, 2);
        // lr 1e-9 cannot move the head away from its random start in 5 epochs; 0.05 finds the separating axis.
        var settings = new ProbeSettings { LearningRates = new[] { 1e-9, 0.05 }, WeightDecays = new[] { 0.0 }, Epochs = 5, BatchSize = 32, Seed = 3 };

        var result = LinearProbe.Fit(train, validation, Blobs(100, 3), classes: 2, settings);

        Assert.Equal(2, result.Candidates.Count);
        Assert.Equal(0.05, result.Chosen.LearningRate);
        Assert.Equal(result.Candidates.Max(c => c.ValidationAccuracy), result.ValidationAccuracy);
        Assert.True(result.ValidationAccuracy > 0.95, $"validation accuracy {result.ValidationAccuracy}");
        Assert.Equal(100, result.Test!.Count);
        Assert.True(result.Test.Accuracy > 0.95, $"test accuracy {result.Test.Accuracy}");
    }

    [Fact]
    public void TheFinalHeadTrainsOnTrainingAndValidationUnlessTold()
    {
        var train = Blobs(60, 4);
        var validation = Blobs(40, 5);
        var settings = new ProbeSettings { LearningRates = new[] { 0.05 }, WeightDecays = new[] { 0.0 }, Epochs = 3, BatchSize = 16, Seed = 1 };

        var refit = LinearProbe.Fit(train, validation, null, classes: 2, settings);
        var fractionOnly = LinearProbe.Fit(train, validation, null, classes: 2, settings with { RefitOnValidation = false });

        // The final head's training evaluation counts what it was trained on: 60 + 40 samples, or the 60 alone.
        Assert.Equal(100, refit.Train.Count);
        Assert.Equal(60, fractionOnly.Train.Count);
        Assert.Null(refit.Test);
    }

    [Theory]
    [InlineData(550, 1024, 30, 500, 500)]    // one batch per epoch: 500 epochs reach 500 steps
    [InlineData(5_500, 1024, 30, 500, 84)]   // 6 batches: ceil(500 / 6)
    [InlineData(55_000, 1024, 30, 500, 30)]  // 54 batches x 30 epochs = 1,620 steps already
    [InlineData(550, 1024, 30, 0, 30)]       // 0: epochs decide alone
    public void SmallSetsGetEnoughEpochsToReachMinSteps(long samples, int batch, int epochs, int minSteps, int expected)
    {
        var settings = new ProbeSettings { BatchSize = batch, Epochs = epochs, MinSteps = minSteps };

        Assert.Equal(expected, settings.EpochsFor(samples));
    }

    [Fact]
    public void ByDefaultASmallLabelledSetGetsFiveHundredSteps()
    {
        // 550 labels are one batch of 1,024 per epoch: 500 epochs, not the 30 that Epochs alone would give.
        Assert.Equal(500, new ProbeSettings().MinSteps);
        Assert.Equal(500, new ProbeSettings().EpochsFor(550));
        Assert.Equal(30, new ProbeSettings().EpochsFor(55_000));
    }

    [Fact]
    public void TheDefaultProbeConvergesOnAFewHundredLabels()
    {
        // 180 + 60 labelled samples are one batch per epoch; the learning rates are FineTuner's for a declared 1e-3.
        // Adam moves each weight by at most about lr per step: 30 steps (30 epochs, all the probe ran before MinSteps)
        // move them by at most 0.12 and leave the random head's noise weights (up to 1/sqrt(16) = 0.25) in charge;
        // 500 steps let the one separating axis win.
        var settings = new ProbeSettings { LearningRates = new[] { 1e-3, 4e-3 }, Seed = 2 };

        var converged = LinearProbe.Fit(Blobs(180, 11), Blobs(60, 12), Blobs(400, 13), classes: 2, settings);
        var thirtySteps = LinearProbe.Fit(Blobs(180, 11), Blobs(60, 12), Blobs(400, 13), classes: 2, settings with { MinSteps = 0 });

        Assert.Equal(500, converged.FinalEpochLosses.Count);
        Assert.True(converged.Test!.Accuracy > 0.97, $"default probe: test accuracy {converged.Test.Accuracy}");
        Assert.True(thirtySteps.Test!.Accuracy < 0.9, $"30 steps: test accuracy {thirtySteps.Test.Accuracy}");
    }

    [Fact]
    public void TheGridLeavesOutPairsWhoseDecayWouldFlipTheWeights()
    {
        // Defaults {1e-4, 0.1, 1, 10}; with learning rates 0.05 and 0.2: 0.2 x 10 = 2 >= 1 is left out, 0.05 x 10 = 0.5 stays.
        var settings = new ProbeSettings { LearningRates = new[] { 0.05, 0.2 } };

        Assert.Equal(new[] { (0.05, 1e-4), (0.05, 0.1), (0.05, 1.0), (0.05, 10.0), (0.2, 1e-4), (0.2, 0.1), (0.2, 1.0) }, settings.Grid());

        var result = LinearProbe.Fit(Blobs(60, 4), Blobs(40, 5), null, classes: 2, settings with { MinSteps = 20 });
        Assert.Equal(settings.Grid(), result.Candidates.Select(c => (c.LearningRate, c.WeightDecay)));
    }

    [Fact]
    public void AGridWithNoUsablePairIsRejected()
    {
        var settings = new ProbeSettings { LearningRates = new[] { 0.5 }, WeightDecays = new[] { 2.0, 4.0 } };

        var error = Assert.Throws<ArgumentOutOfRangeException>(settings.Validate);

        Assert.Equal(nameof(ProbeSettings.WeightDecays), error.ParamName);
        Assert.Contains("below 1", error.Message);
    }

    [Fact]
    public void TheFinalHeadRunsThoseEpochs()
    {
        var settings = new ProbeSettings { LearningRates = new[] { 0.05 }, WeightDecays = new[] { 0.0 }, Epochs = 2, MinSteps = 12, BatchSize = 16, Seed = 1 };

        // 40 + 20 samples in batches of 16: 4 per epoch, so 12 steps take 3 epochs.
        var result = LinearProbe.Fit(Blobs(40, 6), Blobs(20, 7), null, classes: 2, settings);

        Assert.Equal(3, result.FinalEpochLosses.Count);
    }

    [Fact]
    public void EachGridPointTrainsAsIfItWereAlone()
    {
        // The grid's heads train in lockstep on shared batches; a head must not see another's updates. Few steps at small
        // rates on overlapping blobs keep the validation accuracies apart (far from 1.0), so any cross-talk would show.
        var train = Blobs(400, 21);
        var validation = Blobs(1_000, 22);
        var features = train.Features.clone();
        features[.., 0] = features[.., 0] * 0.3;
        var settings = new ProbeSettings { LearningRates = new[] { 2e-4, 1e-3, 5e-3 }, WeightDecays = new[] { 0.0, 50.0 }, Epochs = 1, MinSteps = 4, BatchSize = 128, Seed = 5 };

        var grid = LinearProbe.Fit((features, train.Labels), validation, null, classes: 2, settings);

        Assert.Equal(6, grid.Candidates.Count);
        Assert.True(grid.Candidates.Select(c => c.ValidationAccuracy).Distinct().Count() >= 4,
            "the grid points should reach different accuracies: " + string.Join(", ", grid.Candidates.Select(c => c.ValidationAccuracy)));
        foreach (var candidate in grid.Candidates)
        {
            var alone = LinearProbe.Fit((features, train.Labels), validation, null, classes: 2,
                settings with { LearningRates = new[] { candidate.LearningRate }, WeightDecays = new[] { candidate.WeightDecay } });
            Assert.Equal(alone.Candidates.Single().ValidationAccuracy, candidate.ValidationAccuracy);
        }
    }

    [Fact]
    public void AProbePhaseShowsItsProgressInTheLog()
    {
        var settings = new ProbeSettings { LearningRates = new[] { 0.05 }, WeightDecays = new[] { 0.0, 0.1 }, Epochs = 8, MinSteps = 0, BatchSize = 16, Seed = 1 };
        using var log = new System.IO.StringWriter();

        LinearProbe.Fit(Blobs(40, 6), Blobs(20, 7), null, classes: 2, settings, log);

        // Redirected output gets a line at each quarter and one at the end of each phase: the grid's 2 heads, then the final head.
        string text = log.ToString();
        Assert.Contains("[probe] 2 heads [######", text);
        Assert.Contains("[probe] 2 heads 8 epochs of 40 rows", text);
        Assert.Contains("[probe] final head 8 epochs of 60 rows", text);
    }
}
