using System;
using System.Collections.Generic;
using System.IO;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.Training;

/// <summary>Out-of-range run-time overrides fail at construction, naming the option and its value.</summary>
public class TrainingOptionsTests
{
    public static IEnumerable<object[]> OutOfRange() => new[]
    {
        new object[] { new TrainingOptions { BatchSize = 0 }, "BatchSize", "0" },
        new object[] { new TrainingOptions { BatchSize = -8 }, "BatchSize", "-8" },
        new object[] { new TrainingOptions { Epochs = 0 }, "Epochs", "0" },
        new object[] { new TrainingOptions { Epochs = -3 }, "Epochs", "-3" },
        new object[] { new TrainingOptions { LearningRate = 0 }, "LearningRate", "0" },
        new object[] { new TrainingOptions { LearningRate = double.NaN }, "LearningRate", "NaN" },
        new object[] { new TrainingOptions { LearningRate = double.PositiveInfinity }, "LearningRate", "Infinity" },
        new object[] { new TrainingOptions { MaxStepsPerEpoch = 0 }, "MaxStepsPerEpoch", "0" },
        new object[] { new TrainingOptions { CheckpointEvery = -1 }, "CheckpointEvery", "-1" },
        new object[] { new TrainingOptions { KeepEpochCheckpoints = -2 }, "KeepEpochCheckpoints", "-2" },
        new object[] { new TrainingOptions { MaxSkippedBatches = -1 }, "MaxSkippedBatches", "-1" },
        new object[] { new TrainingOptions { OnNonFiniteLoss = (NonFiniteLossPolicy)7 }, "OnNonFiniteLoss", "7" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void OutOfRangeOverrideIsRejectedNamingTheOption(TrainingOptions options, string option, string value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TinySimClr.Trainer(options));
        Assert.Equal(option, e.ParamName);
        Assert.Contains($"TrainingOptions.{option} is {value}", e.Message);
    }

    [Fact]
    public void ResumeWithoutAnOutputFolderIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new TinySimClr.Trainer(new TrainingOptions { Resume = true }));
        Assert.Equal("Resume", e.ParamName);
        Assert.Contains("OutputDirectory", e.Message);
    }

    [Fact]
    public void ANullMonitorIsRejected()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new TinySimClr.Trainer(new TrainingOptions { Monitors = { null! } }));
        Assert.Equal("Monitors", e.ParamName);
    }

    [Fact]
    public void DeclaredSettingsOutOfRangeAreRejectedByTheTrainer()
    {
        var declared = TinySimClr.DeclaredTraining with { GradientClip = -1 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BareTrainer(declared));
        Assert.Equal("GradientClip", e.ParamName);
        Assert.Contains("-1", e.Message);
    }

    [Fact]
    public void DatasetSmallerThanOneBatchIsRejectedWithWhatToDo()
    {
        using var data = TinyData.Images(10, seed: 1);
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet());
        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(data));
        Assert.Contains("holds 10 samples, fewer than one batch of 16", e.Message);
        Assert.Contains("TrainingOptions.BatchSize", e.Message);
    }

    [Fact]
    public void OverridesReplaceTheDeclaredValues()
    {
        using var trainer = new TinySimClr.Trainer(new TrainingOptions { BatchSize = 8, Epochs = 2, Seed = 9, LearningRate = 0.5, Device = torch.CPU });
        Assert.Equal(8, trainer.Settings.BatchSize);
        Assert.Equal(2, trainer.Settings.Epochs);
        Assert.Equal(9, trainer.Settings.Seed);
        Assert.Equal(0.5, trainer.Settings.Optimizer.LearningRate);
        Assert.Equal(TinySimClr.DeclaredTraining.Optimizer.Kind, trainer.Settings.Optimizer.Kind);
    }

    private sealed class BareTrainer : PretextTrainer<ImageBatch>
    {
        private readonly TorchSharp.Modules.Linear _net = torch.nn.Linear(2, 2);

        public BareTrainer(TrainingSettings settings)
            : base(settings, new TrainingOptions { Device = torch.CPU, Log = TextWriter.Null })
        {
        }

        public override torch.nn.Module Network => _net;

        protected override LossTerms ComputeLoss(ImageBatch batch) => throw new NotSupportedException();
    }
}
