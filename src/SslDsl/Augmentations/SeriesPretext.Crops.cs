using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

public static partial class SeriesPretext
{
    /// <summary>
    /// TS2Vec's contextual consistency views (Yue et al. 2022, and <c>TS2Vec.fit</c> of the reference code): two
    /// overlapping crops of every series and a timestamp mask for each. With T steps and m = 2^(temporalUnit+1):
    /// the overlap length l ~ U{m..T}, its start a ~ U{0..T-l} (so it ends at b = a + l), the first crop's start
    /// a1 ~ U{0..a} and the second crop's end b2 ~ U{b..T}; each series is then shifted by its own offset
    /// ~ U{-a1..T-b2}, and the crops are [a1, b) and [a, b2) of the shifted positions. The crop lengths are shared by
    /// the batch; the positions differ per series. Each step's latent vector is kept with probability
    /// 1 - <paramref name="maskRatio"/> (the paper's binomial timestamp masking, p = 0.5). Draw order: l, a, a1, b2
    /// (one draw each), the offsets [B], the first crop's mask [B,L1], the second's [B,L2].
    /// </summary>
    /// <param name="x">The series, [B,C,T].</param>
    /// <param name="temporalUnit">The crops share at least 2^(temporalUnit+1) steps (the reference's <c>temporal_unit</c>).</param>
    /// <param name="maskRatio">The probability that a step's latent vector is zeroed, in (0, 1).</param>
    /// <param name="generator">The source of every draw.</param>
    /// <exception cref="ArgumentException">x is not [B,C,T], maskRatio is outside (0,1), temporalUnit is negative, or T &lt; 2^(temporalUnit+1).</exception>
    public static SeriesCrops OverlappingCrops(Tensor x, int temporalUnit, double maskRatio, Generator generator)
    {
        const string op = nameof(OverlappingCrops);
        Guard.FloatRank(op, x, 3, "[B,C,T]");
        Guard.Generator(op, generator);
        Guard.OpenFraction(op, maskRatio);
        long steps = x.shape[2];
        Guard.InRange(op, temporalUnit, 0, 30, "the crops share at least 2^(temporalUnit+1) steps");
        long shortest = 1L << (temporalUnit + 1);
        if (steps < shortest)
        {
            throw new ArgumentException(
                $"{op}: the series must have at least 2^(temporalUnit+1) = {shortest} steps so that the crops can share that many, but it has {steps}.", nameof(x));
        }

        long b = x.shape[0];
        var device = x.device;
        long overlap = Draw(shortest, steps + 1, generator, device);
        long start = Draw(0, steps - overlap + 1, generator, device);
        long end = start + overlap;
        long firstStart = Draw(0, start + 1, generator, device);
        long secondEnd = Draw(end, steps + 1, generator, device);
        using var scope = torch.NewDisposeScope();
        var offset = torch.randint(-firstStart, steps - secondEnd + 1, new[] { b }, dtype: ScalarType.Int64, device: device, generator: generator);
        var first = Take(x, offset + firstStart, end - firstStart);
        var second = Take(x, offset + start, secondEnd - start);
        var firstKept = torch.rand(new[] { b, end - firstStart }, device: device, generator: generator).ge(maskRatio);
        var secondKept = torch.rand(new[] { b, secondEnd - start }, device: device, generator: generator).ge(maskRatio);
        return new SeriesCrops(first.MoveToOuterDisposeScope(), second.MoveToOuterDisposeScope(),
            firstKept.MoveToOuterDisposeScope(), secondKept.MoveToOuterDisposeScope(), overlap);
    }

    /// <summary>One integer uniform in [low, high).</summary>
    private static long Draw(long low, long high, Generator generator, Device device)
    {
        using var draw = torch.randint(low, high, new[] { 1L }, dtype: ScalarType.Int64, device: device, generator: generator);
        return draw.item<long>();
    }

    /// <summary>x[i, :, starts[i] : starts[i] + length] for every series i, as [B,C,length].</summary>
    private static Tensor Take(Tensor x, Tensor starts, long length)
    {
        var index = starts.view(-1, 1) + torch.arange(length, dtype: ScalarType.Int64, device: x.device).view(1, -1);
        return x.gather(2, index.unsqueeze(1).expand(x.shape[0], x.shape[1], length));
    }
}
