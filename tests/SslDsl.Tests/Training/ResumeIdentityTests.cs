using System.IO;
using System.Threading;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.Training;

/// <summary>A resume must train the same run: another seed, batch size or dataset is refused, naming the setting to change.</summary>
[Collection(GlobalRngCollection.Name)]
public class ResumeIdentityTests
{
    /// <summary>A run of 64 samples stopped after 6 steps (in the middle of epoch 2).</summary>
    private static string StoppedMidEpoch()
    {
        string dir = TinyData.TempFolder();
        using var data = TinyData.Images(64, seed: 11);
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet(dir));
        using var stop = new CancellationTokenSource();
        trainer.StepCompleted += (_, s) =>
        {
            if (s.Step == 6)
            {
                stop.Cancel();
            }
        };
        trainer.Fit(data, stop.Token);
        return dir;
    }

    private static ResumeException Resume(string dir, Dataset<ImageBatch> data, long? seed = null, int? batchSize = null, SettingNames? names = null)
    {
        using var trainer = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, OutputDirectory = dir, Resume = true, Seed = seed, BatchSize = batchSize, Names = names ?? SettingNames.Api,
            ShowProgress = false, Log = TextWriter.Null, WritePlots = false,
        });
        return Assert.Throws<ResumeException>(() => trainer.Fit(data));
    }

    [Fact]
    public void AnotherSeedIsRefusedNamingTheSeedToUse()
    {
        string dir = StoppedMidEpoch();
        using var data = TinyData.Images(64, seed: 11);

        var api = Resume(dir, data, seed: 7);
        Assert.Contains($"Cannot resume 'tiny-simclr' from {Path.Combine(dir, "checkpoints", "last.ckpt")}: it was started with seed 3, this run uses 7: resume with TrainingOptions.Seed = 3", api.Message);

        var cli = Resume(dir, data, seed: 7, names: SettingNames.CommandLine(("Seed", "--seed"), ("OutputDirectory", "--out"), ("Overwrite", "--overwrite")));
        Assert.Contains("resume with --seed 3", cli.Message);
        Assert.Contains("another --out, or --overwrite to replace this one", cli.Message);
    }

    [Fact]
    public void AnotherDatasetSizeOrContentIsRefused()
    {
        string dir = StoppedMidEpoch();
        using var fewer = TinyData.Images(48, seed: 11);
        var size = Resume(dir, fewer, names: SettingNames.CommandLine((SettingNames.Dataset, "--train-limit")));
        Assert.Contains("it was trained on 64 samples of 'tiny', this run has 48 of 'tiny': resume with the same data (--train-limit)", size.Message);

        using var other = TinyData.Images(64, seed: 12);
        var content = Resume(dir, other);
        Assert.Contains("'tiny' with 64 samples, this run's 'tiny' has as many but other contents: resume with the same data (the dataset passed to Fit)", content.Message);
    }

    [Fact]
    public void AnotherBatchSizeIsRefused()
    {
        string dir = StoppedMidEpoch();
        using var data = TinyData.Images(64, seed: 11);
        var e = Resume(dir, data, batchSize: 32);
        Assert.Contains("it was trained with batch size 16, this run uses 32: resume with TrainingOptions.BatchSize = 16", e.Message);
    }

    [Fact]
    public void TheFingerprintDependsOnContentAndSizeButNotOnTheObject()
    {
        using var a = TinyData.Images(64, seed: 11);
        using var b = TinyData.Images(64, seed: 11);
        using var c = TinyData.Images(64, seed: 12);
        using var d = TinyData.Images(63, seed: 11);
        Assert.Equal(a.Fingerprint(), b.Fingerprint());
        Assert.NotEqual(a.Fingerprint(), c.Fingerprint());
        Assert.NotEqual(a.Fingerprint(), d.Fingerprint());
        Assert.Equal(32, a.Fingerprint().Length);
    }
}
