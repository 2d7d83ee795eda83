using System.Globalization;
using System.IO;
using FashionSimClrSample;
using SslDslSamples;

namespace SslDsl.Bench.LabelEfficiency;

/// <summary>Command-line options of the label-efficiency benchmark; each value is checked with a message that says what to pass.</summary>
internal sealed record BenchOptions
{
    public string? Encoder { get; init; }
    public int PretrainEpochs { get; init; } = 3;
    public int? PretrainLimit { get; init; }
    public SslDsl.TrainingPrecision? Precision { get; init; }
    public long[] Seeds { get; init; } = { 1, 2, 3 };
    public double[] Fractions { get; init; } = { 0.01, 0.1, 1.0 };
    public int TargetSteps { get; init; } = 2150;
    public int MaxEpochs { get; init; } = 200;
    public double[] EncoderLearningRateScales { get; init; } = { 0.1, 1.0 };
    public int ProbeEpochs { get; init; } = 30;
    // What the runtime's probe tries by default: the declared fine-tune rate and 4x it (FineTuner's grid).
    public double[] ProbeLearningRates { get; init; } = { FashionSimClr.DeclaredFineTune!.LearningRate, 4 * FashionSimClr.DeclaredFineTune!.LearningRate };
    // AdamW's decoupled decay at lr 1e-3 over ~500 steps shrinks weights by about exp(-lr * wd * 250): 0.1 barely
    // regularises a probe fitted on 550 labels. The runtime's default grid reaches 10; this bench also tries 100.
    public double[] ProbeWeightDecays { get; init; } = { 1e-4, 0.1, 1, 10, 100 };
    public double[] FullLearningRates { get; init; } = { 1e-3, 3e-3 };
    public string[] Methods { get; init; } = { "raw", "a", "b", "c" };
    public string? Data { get; init; }
    public string Output { get; init; } = Path.Combine("out", "bench-label-efficiency");

    /// <summary>The command line: every property above as an option, with its default.</summary>
    public static SampleCommand<BenchOptions> CommandLine()
    {
        var d = new BenchOptions();
        return new SampleCommand<BenchOptions>(
            """
            Label efficiency on Fashion-MNIST: test accuracy of the main job's encoder (samples/FashionMnist.SimClr) trained
            from scratch on 1%/10%/100% of 55,000 training labels, linearly probed after SimCLR pretraining, and fully
            fine-tuned after it, next to logistic regression on raw pixels. Every method's settings are chosen on the last
            5,000 training images; the test set is scored once per run. Prints a markdown table (mean and spread over seeds).
            """, d)
            .Add(CliOptions.ExistingFile("--encoder", "pretrained encoder file (trainer.ExportEncoder); without it the program pretrains itself"), (o, v) => o with { Encoder = v })
            .Add(CliOptions.Positive("--pretrain-epochs", "SimCLR epochs on all 60,000 training images when no --encoder is given", d.PretrainEpochs), (o, v) => o with { PretrainEpochs = v })
            .Add(CliOptions.OptionalPositive("--pretrain-limit", "pretrain on the first N training images only (quick checks)"), (o, v) => o with { PretrainLimit = v })
            .Add(CliOptions.Precision(), (o, v) => o with { Precision = v })
            .Add(CliOptions.List("--seeds", "seeds of the label subsets and head/encoder initialisation", d.Seeds,
                s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null, "integers"), (o, v) => o with { Seeds = v })
            .Add(CliOptions.List("--fractions", "fractions of the 60,000 training labels, each in (0, 1]", d.Fractions,
                s => CliOptions.PositiveNumber(s) is double f && f <= 1 ? f : null, "numbers in (0, 1]"), (o, v) => o with { Fractions = v })
            .Add(CliOptions.Positive("--steps", "optimizer steps each end-to-end run aims for: epochs = ceil(N / batches per epoch)", d.TargetSteps), (o, v) => o with { TargetSteps = v })
            .Add(CliOptions.Positive("--max-epochs", "cap on those epochs", d.MaxEpochs), (o, v) => o with { MaxEpochs = v })
            .Add(CliOptions.List("--encoder-lr-scales", "encoder learning-rate scales tried for (c), with each --full-lrs value (chosen on validation with the first seed)", d.EncoderLearningRateScales,
                s => CliOptions.PositiveNumber(s), "numbers > 0"), (o, v) => o with { EncoderLearningRateScales = v })
            .Add(CliOptions.Positive("--probe-epochs", "epochs of each linear probe over cached features (raw pixels and (b))", d.ProbeEpochs), (o, v) => o with { ProbeEpochs = v })
            .Add(CliOptions.List("--probe-lrs", "the probes' learning rates to choose from on validation (default: the sample's declared fine-tune rate and 4x it)", d.ProbeLearningRates,
                CliOptions.PositiveNumber, "numbers > 0"), (o, v) => o with { ProbeLearningRates = v })
            .Add(CliOptions.List("--probe-wds", "the probes' (AdamW) weight decays to choose from on validation", d.ProbeWeightDecays,
                CliOptions.NonNegativeNumber, "numbers >= 0"), (o, v) => o with { ProbeWeightDecays = v })
            .Add(CliOptions.List("--full-lrs", "learning rates tried (with the first seed, chosen on validation) for (a) and (c)", d.FullLearningRates,
                s => CliOptions.PositiveNumber(s), "numbers > 0"), (o, v) => o with { FullLearningRates = v })
            .Add(CliOptions.Words("--methods", "rows to run", d.Methods), (o, v) => o with { Methods = v })
            .Add(CliOptions.OptionalText("--data", "folder with the Fashion-MNIST IDX files", "DIR"), (o, v) => o with { Data = v })
            .Add(CliOptions.Text("--out", "output folder", d.Output, "DIR"), (o, v) => o with { Output = v });
    }
}
