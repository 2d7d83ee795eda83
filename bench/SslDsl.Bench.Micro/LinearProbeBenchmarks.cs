using BenchmarkDotNet.Attributes;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Bench.Micro;

/// <summary>
/// The runtime's linear probe at the main job's size: 55,000 training and 5,000 validation rows of 1,024 cached
/// features, 10 classes, the default grid (2 learning rates x 4 weight decays) and the refit on both splits, for 3
/// epochs without the 500-step minimum (a tenth of the default 30, so that a call of the probe before its heads
/// shared their batches, about 20 s, stays within what an in-process benchmark allows).
/// The features are Gaussian class blobs (the probe's cost does not depend on what the features mean).
/// </summary>
[Config(typeof(ShortConfig))]
public class LinearProbeBenchmarks
{
    private Tensor _trainFeatures = null!;
    private Tensor _trainLabels = null!;
    private Tensor _validationFeatures = null!;
    private Tensor _validationLabels = null!;

    /// <summary>Draws the features.</summary>
    [GlobalSetup]
    public void Setup()
    {
        // SslDsl's process settings (allocator, OpenMP wait policy) are made when its assembly is first used, which must
        // be before libtorch loads, as in a training program.
        System.Console.WriteLine(NativeRuntimeSettings.Describe());
        (_trainFeatures, _trainLabels) = Blobs(55_000, seed: 1);
        (_validationFeatures, _validationLabels) = Blobs(5_000, seed: 2);
    }

    /// <summary>LinearProbe.Fit with the default grid for 3 epochs of batch 1,024: 162 steps per head, 9 heads.</summary>
    [Benchmark]
    public double DefaultGrid() =>
        LinearProbe.Fit((_trainFeatures, _trainLabels), (_validationFeatures, _validationLabels), null, 10, new ProbeSettings { Epochs = 3, MinSteps = 0 }).ValidationAccuracy;

    /// <summary>Releases the features.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _trainFeatures.Dispose();
        _trainLabels.Dispose();
        _validationFeatures.Dispose();
        _validationLabels.Dispose();
    }

    private static (Tensor Features, Tensor Labels) Blobs(long rows, long seed)
    {
        using var generator = new Generator(unchecked((ulong)seed));
        using var centres = torch.randn(10, 1024, generator: generator);
        var labels = torch.randint(0, 10, rows, generator: generator);
        using var noise = torch.randn(rows, 1024, generator: generator).mul_(3);
        var features = centres.index_select(0, labels).add_(noise);
        return (features, labels);
    }
}
