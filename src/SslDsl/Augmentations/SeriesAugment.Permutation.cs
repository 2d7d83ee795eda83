using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

public static partial class SeriesAugment
{
    /// <summary>
    /// TS-TCC's permutation (Eldele et al. 2021, the "strong" augmentation): each selected series is cut at random
    /// steps into K contiguous segments, K uniform in {1, ..., <paramref name="maxSegments"/>}, and the segments are
    /// put back in a uniformly random order (every channel the same way). K = 1, or a draw of the identity order,
    /// leaves the series unchanged, as in TS-TCC. The K - 1 cuts are distinct and drawn uniformly among the T - 1
    /// places between steps, so every segment has at least one step. Draw order: mask [B], K [B], cut keys [B,T-1],
    /// segment order keys [B,maxSegments].
    /// </summary>
    /// <remarks>
    /// TS-TCC draws K with <c>np.random.randint(1, max_segments)</c>, which excludes its bound; here
    /// <paramref name="maxSegments"/> is the largest number of segments itself.
    /// </remarks>
    /// <exception cref="ArgumentException">x is not [B,C,T], p is outside [0,1], or maxSegments is not in [2, T].</exception>
    public static Tensor SegmentPermutation(Tensor x, int maxSegments, double p, Generator generator)
    {
        const string op = nameof(SegmentPermutation);
        Check(x, p, generator, op);
        long b = x.shape[0], channels = x.shape[1], steps = x.shape[2];
        Guard.InRange(op, maxSegments, 2, steps, "2 (one segment permutes nothing) to the series length");
        var device = x.device;
        using var scope = torch.NewDisposeScope();
        var apply = AugmentSampling.ApplyMask(b, p, generator, device);
        var segments = AugmentSampling.IntegerBelow(torch.full(b, maxSegments, ScalarType.Int64, device), generator).add_(1);

        // The K - 1 cuts: the places whose random key ranks among the K - 1 smallest of their series.
        var cutRank = torch.rand(new[] { b, steps - 1 }, device: device, generator: generator).argsort(1).argsort(1);
        var cuts = cutRank.lt(segments.sub(1).view(-1, 1));
        var segmentOfStep = torch.cat(new[] { torch.zeros(new[] { b, 1L }, ScalarType.Int64, device: device), cuts.to(ScalarType.Int64).cumsum(1) }, 1);

        // Each segment's place in the new order; a step sorts by (its segment's place, its own position).
        var place = torch.rand(new[] { b, (long)maxSegments }, device: device, generator: generator).argsort(1).argsort(1);
        var key = place.gather(1, segmentOfStep).mul_(steps).add_(torch.arange(steps, dtype: ScalarType.Int64, device: device));
        var source = key.argsort(1).unsqueeze(1).expand(b, channels, steps);
        return AugmentSampling.Select(apply, x.gather(2, source), x).MoveToOuterDisposeScope();
    }
}
