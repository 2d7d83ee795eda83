using System;
using System.IO;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.Training;

/// <summary>Checks before and at the first step: device, batch size against the loss, and the settings a run reports.</summary>
public class RunChecksTests
{
    [Fact]
    public void AContrastiveBatchOfOneIsAnErrorNamingTheBatchSizeSetting()
    {
        using var data = TinyData.Images(8, seed: 1);
        using var api = new TinySimClr.Trainer(new TrainingOptions { Device = torch.CPU, BatchSize = 1, ShowProgress = false, Log = TextWriter.Null });
        var e = Assert.Throws<ArgumentException>(() => api.Fit(data));
        Assert.IsType<BatchTooSmallException>(e.InnerException);
        Assert.Contains("Task 'tiny-simclr': batches of 1 are too small for its loss. NT-Xent needs at least 2 samples per batch", e.Message);
        Assert.Contains("there are no negatives and the loss is exactly 0.", e.Message);
        Assert.DoesNotContain("(Parameter", e.Message);
        Assert.EndsWith("Use TrainingOptions.BatchSize = 2 or more.", e.Message);
        Assert.Equal(0, api.GlobalStep);

        using var cli = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, BatchSize = 1, ShowProgress = false, Log = TextWriter.Null, Names = SettingNames.CommandLine(("BatchSize", "--batch-size")),
        });
        Assert.EndsWith("Use --batch-size 2 or more.", Assert.Throws<ArgumentException>(() => cli.Fit(data)).Message);
    }

    [Fact]
    public void ABatchLargerThanTheDataNamesTheSettingInTheCallersLanguage()
    {
        using var data = TinyData.Images(8, seed: 1);
        using var trainer = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, ShowProgress = false, Log = TextWriter.Null, Names = SettingNames.CommandLine(("BatchSize", "--batch-size")),
        });
        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(data));
        Assert.StartsWith("Dataset 'tiny' holds 8 samples, fewer than one batch of 16. Lower the batch size (--batch-size) or add data.", e.Message);
    }

    [Fact]
    public void DescribeSettingsShowsTheEffectiveValuesNextToTheDeclaredOnes()
    {
        using var trainer = new TinySimClr.Trainer(new TrainingOptions { Device = torch.CPU, Epochs = 2, BatchSize = 8, Log = TextWriter.Null });
        string text = trainer.DescribeSettings();
        Assert.Contains("Training: Epochs = 2 (declared 4), BatchSize = 8 (declared 16), Seed = 3, LearningRate = 0.01, GradientClip = 0", text);
        Assert.Contains("Device: cpu; output folder: none (nothing is written); resume: no", text);
    }

    [Theory]
    [InlineData("nonsense", "Option --device: 'nonsense' is not a device; use auto, cpu, cuda or cuda:N")]
    [InlineData("cuda:x", "Option --device: 'cuda:x' is not a device")]
    [InlineData("cuda:99", "Option --device asks for cuda:99, but ")]
    public void ADeviceThatDoesNotExistHereIsAnErrorBeforeAnythingRuns(string name, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => Devices.Parse(name, "Option --device"));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void TheUsualDeviceNamesParse()
    {
        Assert.Equal(DeviceType.CPU, Devices.Parse("cpu").type);
        Assert.Equal(DeviceType.CPU, Devices.Parse(" CPU ").type);
        Assert.Equal(Devices.Best().type, Devices.Parse("auto").type);
        Assert.Equal(Devices.Best().type, Devices.Parse(null).type);
    }

    [Fact]
    public void SettingNamesSpeakTheApiOrTheCommandLine()
    {
        Assert.Equal("TrainingOptions.Seed = 7", SettingNames.Api.Set("Seed", 7L));
        Assert.Equal("TrainingOptions.Resume = true", SettingNames.Api.Set("Resume"));
        Assert.Equal("the dataset passed to Fit", SettingNames.Api[SettingNames.Dataset]);
        var cli = SettingNames.CommandLine(("Seed", "--seed"), ("Resume", "--resume"));
        Assert.Equal("--seed 7", cli.Set("Seed", 7L));
        Assert.Equal("--resume", cli.Set("Resume"));
        Assert.Equal("TrainingOptions.LearningRate = 0.5", cli.Set("LearningRate", 0.5));
    }
}
