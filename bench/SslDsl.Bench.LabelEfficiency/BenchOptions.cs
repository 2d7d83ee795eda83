using System.Globalization;
using System.IO;
using SslDslSamples;

namespace SslDsl.Bench.LabelEfficiency;

/// <summary>Command-line options of the label-efficiency benchmark; each value is checked with a message that says what to pass.</summary>
internal sealed record BenchOptions
{
    public string? Encoder { get; init; }
    public int PretrainEpochs { get; init; } = 3;
    public int? PretrainLimit { get; init; }
    public long[] Seeds { get; init; } = { 1, 2 };
    public double[] Fractions { get; init; } = { 0.01, 0.1, 1.0 };
    public int TargetSteps { get; init; } = 470;
    public int MaxEpochs { get; init; } = 40;
    public double EncoderLearningRateScale { get; init; } = 1.0;
    public double? ProbeLearningRate { get; init; }
    public double? FullLearningRate { get; init; }
    public string[] Methods { get; init; } = { "raw", "a", "b", "c" };
    public string? Data { get; init; }
    public string Output { get; init; } = Path.Combine("out", "bench-label-efficiency");

    /// <summary>The command line: every property above as an option, with its default.</summary>
    public static SampleCommand<BenchOptions> CommandLine()
    {
        var d = new BenchOptions();
        return new SampleCommand<BenchOptions>(
            """
            Label efficiency on Fashion-MNIST: test accuracy of the SimCLR sample's encoder (SmallCnn width 16, 128 features)
            trained from scratch on 1%/10%/100% of the training labels, linearly probed after SimCLR pretraining, and fully
            fine-tuned after it, next to logistic regression on raw pixels. Prints a markdown table.
            """, d)
            .Add(CliOptions.ExistingFile("--encoder", "pretrained encoder file (trainer.ExportEncoder); without it the program pretrains itself"), (o, v) => o with { Encoder = v })
            .Add(CliOptions.Positive("--pretrain-epochs", "SimCLR epochs on all 60,000 training images when no --encoder is given", d.PretrainEpochs), (o, v) => o with { PretrainEpochs = v })
            .Add(CliOptions.OptionalPositive("--pretrain-limit", "pretrain on the first N training images only (quick checks)"), (o, v) => o with { PretrainLimit = v })
            .Add(CliOptions.List("--seeds", "seeds of the label subsets and head/encoder initialisation", d.Seeds,
                s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null, "integers"), (o, v) => o with { Seeds = v })
            .Add(CliOptions.List("--fractions", "fractions of the 60,000 training labels, each in (0, 1]", d.Fractions,
                s => CliOptions.PositiveNumber(s) is double f && f <= 1 ? f : null, "numbers in (0, 1]"), (o, v) => o with { Fractions = v })
            .Add(CliOptions.Positive("--steps", "optimizer steps each supervised run aims for: epochs = ceil(N / batches per epoch)", d.TargetSteps), (o, v) => o with { TargetSteps = v })
            .Add(CliOptions.Positive("--max-epochs", "cap on those epochs", d.MaxEpochs), (o, v) => o with { MaxEpochs = v })
            .Add(CliOptions.PositiveNumber("--encoder-lr-scale", "learning-rate scale of encoder weights in the supervised runs", d.EncoderLearningRateScale), (o, v) => o with { EncoderLearningRateScale = v })
            .Add(CliOptions.OptionalPositiveNumber("--probe-lr", "learning rate of the linear probes (raw pixels and (b)); default the declared 1e-3"), (o, v) => o with { ProbeLearningRate = v })
            .Add(CliOptions.OptionalPositiveNumber("--full-lr", "learning rate of the supervised runs (a) and (c); default the declared 1e-3"), (o, v) => o with { FullLearningRate = v })
            .Add(CliOptions.Words("--methods", "rows to run", d.Methods), (o, v) => o with { Methods = v })
            .Add(CliOptions.OptionalText("--data", "folder with the Fashion-MNIST IDX files", "DIR"), (o, v) => o with { Data = v })
            .Add(CliOptions.Text("--out", "output folder", d.Output, "DIR"), (o, v) => o with { Output = v });
    }
}
