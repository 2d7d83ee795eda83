using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Batched augmentations of tabular batches, float [B,F] (rows are samples, columns features).</summary>
public static class TabularAugment
{
    /// <summary>
    /// SCARF feature corruption. In each selected row exactly q = round(<paramref name="rate"/> · F) features
    /// (halves rounded away from zero), chosen uniformly at random without replacement per row (argsort of uniform
    /// noise), are replaced by the value of the SAME feature in a uniformly random OTHER row of the batch, drawn
    /// independently per entry: a draw from the feature's empirical marginal, as in SCARF. Rows not selected,
    /// and every row when the batch has fewer than 2 rows (no other row to draw from), are returned unchanged.
    /// Draw order: [B,F] selection noise, [B,F] donor offsets, then the row selection mask.
    /// </summary>
    /// <exception cref="ArgumentException">x is not [B,F], or rate or p is outside [0,1].</exception>
    public static Tensor FeatureCorruption(Tensor x, double rate, double p, Generator generator)
    {
        const string op = nameof(FeatureCorruption);
        Guard.FloatRank(op, x, 2, "[B,F]");
        Guard.Generator(op, generator);
        Guard.Probability(op, rate);
        Guard.Probability(op, p);

        long b = x.shape[0], features = x.shape[1];
        if (b < 2)
        {
            return x.clone();
        }

        var device = x.device;
        long q = AugmentSampling.RoundCount(rate, features);
        using var scope = torch.NewDisposeScope();
        var noise = torch.rand(new[] { b, features }, device: device, generator: generator);
        // rank of each feature in its row's random order; the q lowest ranks are corrupted.
        var rank = noise.argsort(1).argsort(1);
        var offset = torch.randint(1, b, new[] { b, features }, dtype: ScalarType.Int64, device: device, generator: generator);
        var apply = AugmentSampling.ApplyMask(b, p, generator, device).view(-1, 1);
        var row = torch.arange(b, dtype: ScalarType.Int64, device: device).view(-1, 1);
        var donor = row.add(offset).remainder(b);                 // uniform over the other B - 1 rows
        var replacement = x.gather(0, donor);                     // replacement[i, j] = x[donor[i, j], j]
        var corrupt = rank.lt(q).logical_and(apply);
        return torch.where(corrupt, replacement, x).MoveToOuterDisposeScope();
    }
}
