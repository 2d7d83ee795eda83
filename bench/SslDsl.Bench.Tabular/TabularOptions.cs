using System.IO;
using SslDslSamples;

namespace SslDsl.Bench.Tabular;

/// <summary>Command-line options of the tabular methods bench; each value is checked with a message that says what to pass.</summary>
internal sealed record TabularOptions
{
    public string[] Tables { get; init; } = [];
    public int Epochs { get; init; } = 100;
    public long[] Seeds { get; init; } = [42, 43, 44];
    public double LabelFraction { get; init; } = 0.1;
    public int SupervisedEpochs { get; init; } = 100;
    public int ProbeSteps { get; init; } = 500;
    public string? Data { get; init; }
    public string Output { get; init; } = Path.Combine("out", "bench-tabular");

    /// <summary>The command line: the tables to run (all by default), then every option above with its default.</summary>
    public static SampleCommand<TabularOptions> CommandLine(string[] tables)
    {
        var d = new TabularOptions();
        return new SampleCommand<TabularOptions>(
            """
            Tabular methods at one budget: SCARF and VIME pretrain the same MLP on the training rows (labels unused); their
            frozen features, the untrained MLP's and the raw features go through the same linear probe (features cached,
            learning rate and weight decay chosen on a validation split of the training rows, the test rows scored once),
            next to the MLP trained from scratch with the labels (its learning rate chosen on the same validation split),
            with all training labels and with a fraction of them, over several seeds.
            """, d)
            .Add(CliOptions.Choices("table", "the tables to run, in order (default: all)", tables, optional: true), (o, v) => o with { Tables = v })
            .Add(CliOptions.Positive("--epochs", "pretraining epochs of SCARF and VIME", d.Epochs), (o, v) => o with { Epochs = v })
            .Add(CliOptions.List("--seeds", "seeds of the split, the weights, the corruptions and the probe", d.Seeds, s => long.TryParse(s, out long v) ? v : null, "whole numbers"), (o, v) => o with { Seeds = v })
            .Add(CliOptions.Fraction("--label-fraction", "the fraction of the training labels of the few-label setting", d.LabelFraction), (o, v) => o with { LabelFraction = v })
            .Add(CliOptions.Positive("--supervised-epochs", "epochs of the MLP trained from scratch", d.SupervisedEpochs), (o, v) => o with { SupervisedEpochs = v })
            .Add(CliOptions.Positive("--probe-steps", "the fewest optimizer steps of each linear probe fit", d.ProbeSteps), (o, v) => o with { ProbeSteps = v })
            .Add(CliOptions.OptionalText("--data", "data folder of scripts/fetch-data.sh (default $SSLDSL_DATA, else ./.data)", "DIR"), (o, v) => o with { Data = v })
            .Add(CliOptions.Text("--out", "output folder: results.md and one line per run in runs.md", d.Output, "DIR"), (o, v) => o with { Output = v });
    }
}
