using BenchmarkDotNet.Attributes;
using FashionSimClrSample;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Bench.Micro;

/// <summary>One SimCLR update on a batch of 256 Fashion-MNIST images: the generated Trainer.Step against the hand-written loop.</summary>
[Config(typeof(ShortConfig))]
public class TrainerStepBenchmarks
{
    private FashionSimClr.Trainer _generated = null!;
    private HandWrittenSimClr _hand = null!;
    private ImageBatch _batch = null!;

    /// <summary>Builds both trainers and loads the batch.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _batch = new ImageBatch(BenchData.FashionImages(256));
        // In float32, as the hand-written step computes (the declaration asks for Auto, mixed bfloat16 where the CPU has it).
        _generated = new FashionSimClr.Trainer(new TrainingOptions { Device = torch.CPU, Seed = 42, ShowProgress = false, Precision = TrainingPrecision.Float32 });
        _hand = new HandWrittenSimClr(42);
    }

    /// <summary>The generated FashionSimClr.Trainer.Step.</summary>
    [Benchmark]
    public float Generated() => _generated.Step(_batch);

    /// <summary>The hand-written TorchSharp loop.</summary>
    [Benchmark(Baseline = true)]
    public float HandWritten() => _hand.Step(_batch.Images);

    /// <summary>Releases both.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _generated.Dispose();
        _hand.Dispose();
        _batch.Images.Dispose();
    }
}
