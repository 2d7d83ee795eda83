using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Bench.Micro;

/// <summary>Input batches for the micro benchmarks.</summary>
internal static class BenchData
{
    /// <summary>The first <paramref name="count"/> Fashion-MNIST training images, [count, 1, 28, 28] in [0, 1].</summary>
    public static Tensor FashionImages(int count)
    {
        using var data = FashionMnist.Load(FashionMnistSplit.Train, limit: count);
        return data.Tensors[0].clone();
    }

    /// <summary>Uniform random colour images [count, 3, 32, 32] in [0, 1] from a fixed seed.</summary>
    public static Tensor RandomRgbImages(int count)
    {
        using var generator = new Generator(7);
        return torch.rand(new long[] { count, 3, 32, 32 }, generator: generator);
    }
}
