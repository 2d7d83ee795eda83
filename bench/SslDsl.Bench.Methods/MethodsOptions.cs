using System.IO;
using SslDslSamples;

namespace SslDsl.Bench.Methods;

/// <summary>Command-line options of the methods bench; each value is checked with a message that says what to pass.</summary>
internal sealed record MethodsOptions
{
    public string[] Names { get; init; } = [];
    public int Epochs { get; init; } = 3;
    public int TrainLimit { get; init; } = 20_000;
    public int ProbeEpochs { get; init; } = 30;
    public long Seed { get; init; } = 42;
    public string Output { get; init; } = Path.Combine("out", "bench-methods");

    /// <summary>The command line: the methods to run (all by default), then every option above with its default.</summary>
    public static SampleCommand<MethodsOptions> CommandLine(string[] methods)
    {
        var d = new MethodsOptions();
        return new SampleCommand<MethodsOptions>(
            """
            Every image method at one budget on Fashion-MNIST: each pretrains the main job's encoder for the same epochs on the
            first --train-limit training images, then its frozen features are scored with 20-NN and the linear probe (settings
            chosen on the last 5,000 training images, the test images scored once), next to raw pixels and the untrained encoder.
            """, d)
            .Add(CliOptions.Choices("method", "the rows to run, in order (default: all)", methods, optional: true), (o, v) => o with { Names = v })
            .Add(CliOptions.Positive("--epochs", "pretraining epochs of each method", d.Epochs), (o, v) => o with { Epochs = v })
            .Add(CliOptions.Positive("--train-limit", "pretrain on the first N training images (at least one batch)", d.TrainLimit), (o, v) => o with { TrainLimit = v })
            .Add(CliOptions.Positive("--probe-epochs", "epochs of each linear probe over cached features", d.ProbeEpochs), (o, v) => o with { ProbeEpochs = v })
            .Add(CliOptions.Integer("--seed", "seed of weights, shuffling, augmentations and the probe", d.Seed), (o, v) => o with { Seed = v })
            .Add(CliOptions.Text("--out", "output folder: one run folder per method and results.md", d.Output, "DIR"), (o, v) => o with { Output = v });
    }
}
