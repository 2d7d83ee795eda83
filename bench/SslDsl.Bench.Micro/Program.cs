using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Running;
using SslDsl.Bench.Micro;
using SslDslSamples;

// --interleaved [rounds] [steps]: the alternating generated-vs-hand-written step comparison.
// --augment-breakdown [threads]: per-operation batched vs one-image times.
// Anything else goes to BenchmarkDotNet, e.g. --filter '*TrainerStep*' or --filter '*Augmentation*'.
var interleaved = Counts("--interleaved", "alternate generated and hand-written SimCLR steps: [rounds (default 10)] [steps per round (default 3)]", 2);
var breakdown = Counts("--augment-breakdown", "per-operation batched vs one-image augmentation times: [torch threads]", 1);
var root = new RootCommand("Micro benchmarks of SslDsl. Arguments other than the options below go to BenchmarkDotNet (for example --filter '*TrainerStep*').")
{
    interleaved,
    breakdown,
};
root.TreatUnmatchedTokensAsErrors = false;
var result = root.Parse(args);
if (result.Action is ParseErrorAction parseError)
{
    parseError.ShowHelp = false;
    parseError.Invoke(result);
    return SampleExit.BadOptions;
}

if (result.Action is not null)
{
    return result.Invoke();
}

return SampleExit.Guard(() =>
{
    if (result.GetResult(interleaved) is not null)
    {
        var n = result.GetValue(interleaved)!;
        InterleavedStepComparison.Run(n.Length > 0 ? n[0] : 10, n.Length > 1 ? n[1] : 3);
    }
    else if (result.GetResult(breakdown) is not null)
    {
        if (result.GetValue(breakdown) is { Length: 1 } threads)
        {
            TorchSharp.torch.set_num_threads(threads[0]);
        }

        AugmentationBreakdown.Run(repetitions: 7);
    }
    else
    {
        BenchmarkSwitcher.FromAssembly(typeof(ShortConfig).Assembly).Run(result.UnmatchedTokens.ToArray());
    }

    return SampleExit.Success;
});

// An option followed by up to `most` whole numbers >= 1.
static Option<int[]> Counts(string name, string description, int most) => new(name)
{
    Description = description,
    Arity = new ArgumentArity(0, most),
    AllowMultipleArgumentsPerToken = true,
    CustomParser = r =>
    {
        var values = r.Tokens.Select(t => int.TryParse(t.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : 0).ToArray();
        if (values.Contains(0))
        {
            r.AddError($"Option {name} takes whole numbers >= 1; got '{string.Join(" ", r.Tokens.Select(t => t.Value))}'.");
        }

        return values;
    },
};
