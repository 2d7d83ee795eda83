using System;
using System.Globalization;
using System.IO;
using System.Linq;

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
    public bool Help { get; init; }

    public const string Usage = """
        Label efficiency on Fashion-MNIST: test accuracy of the SimCLR sample's encoder (SmallCnn width 16, 128 features)
        trained from scratch on 1%/10%/100% of the training labels, linearly probed after SimCLR pretraining, and fully
        fine-tuned after it, next to logistic regression on raw pixels. Prints a markdown table.

        Usage: dotnet run --project bench/SslDsl.Bench.LabelEfficiency -c Release -- [options]
          --encoder PATH         pretrained encoder file (trainer.ExportEncoder); without it the program pretrains itself
          --pretrain-epochs N    SimCLR epochs on all 60,000 training images when no --encoder is given (default 3)
          --pretrain-limit N     pretrain on the first N training images only (quick checks)
          --seeds A,B,...        seeds of the label subsets and head/encoder initialisation (default 1,2)
          --fractions F,G,...    fractions of the 60,000 training labels, each in (0, 1] (default 0.01,0.1,1)
          --steps N              optimizer steps each supervised run aims for: epochs = ceil(N / batches per epoch) (default 470)
          --max-epochs N         cap on those epochs (default 40)
          --encoder-lr-scale X   learning-rate scale of encoder weights in the supervised runs (default 1.0)
          --probe-lr X           learning rate of the linear probes (raw pixels and (b)); default the declared 1e-3
          --full-lr X            learning rate of the supervised runs (a) and (c); default the declared 1e-3
          --methods M,N,...      rows to run, of raw, a, b, c (default all four)
          --data DIR             folder with the Fashion-MNIST IDX files
          --out DIR              output folder (default out/bench-label-efficiency)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option {arg} needs a value.");
            int Positive(string v) => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new ArgumentException($"Option {arg} needs a whole number >= 1; got '{v}'.");
            double Number(string v) => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0
                ? x : throw new ArgumentException($"Option {arg} needs a number > 0; got '{v}'.");
            o = arg switch
            {
                "--encoder" => o with { Encoder = Value() },
                "--pretrain-epochs" => o with { PretrainEpochs = Positive(Value()) },
                "--pretrain-limit" => o with { PretrainLimit = Positive(Value()) },
                "--seeds" => o with { Seeds = Value().Split(',').Select(s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"Option --seeds needs integers separated by commas; got '{s}'.")).ToArray() },
                "--fractions" => o with { Fractions = Value().Split(',').Select(s => Number(s) is var f && f <= 1 ? f : throw new ArgumentException($"Option --fractions needs numbers in (0, 1]; got '{s}'.")).ToArray() },
                "--steps" => o with { TargetSteps = Positive(Value()) },
                "--max-epochs" => o with { MaxEpochs = Positive(Value()) },
                "--encoder-lr-scale" => o with { EncoderLearningRateScale = Number(Value()) },
                "--probe-lr" => o with { ProbeLearningRate = Number(Value()) },
                "--full-lr" => o with { FullLearningRate = Number(Value()) },
                "--methods" => o with { Methods = Value().Split(',').Select(m => m is "raw" or "a" or "b" or "c" ? m : throw new ArgumentException($"Option --methods takes raw, a, b and c separated by commas; got '{m}'.")).ToArray() },
                "--data" => o with { Data = Value() },
                "--out" => o with { Output = Value() },
                "-h" or "--help" => o with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{arg}'. Run with --help for the list."),
            };
        }

        return o;
    }
}
