using System;
using BenchmarkDotNet.Attributes;
using FashionSimClrSample;
using SslDsl.Bench;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Bench.Micro;

/// <summary>
/// Two augmented views of 256 images through the generated Pipeline: the whole batch at once against
/// one image at a time (batch of 1, same pipeline). Times are per image (OperationsPerInvoke = 256).
/// </summary>
[Config(typeof(ShortConfig))]
public class AugmentationBenchmarks
{
    private const int Images = 256;
    private Func<Tensor, Tensor[]> _views = null!;
    private IDisposable _pipeline = null!;
    private Tensor _images = null!;

    /// <summary>The input shape: 1x28x28 (Fashion-MNIST, FashionSimClr's pipeline) or 3x32x32 (random colour images, RgbSimClr's pipeline).</summary>
    [Params("1x28x28", "3x32x32")]
    public string Shape { get; set; } = "1x28x28";

    /// <summary>Builds the pipeline and the batch.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (Shape == "1x28x28")
        {
            var pipeline = new FashionSimClr.Pipeline(torch.CPU, 42);
            (_pipeline, _views, _images) = (pipeline, pipeline.Views, BenchData.FashionImages(Images));
        }
        else
        {
            var pipeline = new RgbSimClr.Pipeline(torch.CPU, 42);
            (_pipeline, _views, _images) = (pipeline, pipeline.Views, BenchData.RandomRgbImages(Images));
        }
    }

    /// <summary>The batch of 256 in one call.</summary>
    [Benchmark(OperationsPerInvoke = Images)]
    public long Batched()
    {
        using var scope = torch.NewDisposeScope();
        var views = _views(_images);
        return views[1].shape[0];
    }

    /// <summary>256 calls, one image each.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Images)]
    public long OneImageAtATime()
    {
        long n = 0;
        for (int i = 0; i < Images; i++)
        {
            using var scope = torch.NewDisposeScope();
            n += _views(_images.narrow(0, i, 1))[1].shape[0];
        }

        return n;
    }

    /// <summary>Releases the pipeline and the images.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _pipeline.Dispose();
        _images.Dispose();
    }
}
