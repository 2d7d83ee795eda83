using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>VIME's mask generator and pretext corruption of tabular batches (Yoon et al., NeurIPS 2020).</summary>
public static class VimeMasking
{
    /// <summary>
    /// Draws a mask m ~ Bernoulli(<paramref name="probability"/>) per row and column and replaces every masked column
    /// by the value of the SAME column in a uniformly random OTHER row of the batch (a draw from the column's empirical
    /// marginal, as VIME's pretext generator), drawn independently per entry. A column is a numeric feature, a whole
    /// one-hot block or an embedded column's index (<paramref name="columns"/>; null: every feature is numeric), so a
    /// categorical value is always replaced by a valid one. Rows not selected (probability 1 - <paramref name="p"/>),
    /// and every row when the batch has fewer than 2 rows (no other row to draw from), keep all their values and an
    /// all-zero mask. Draw order: [B,C] mask noise, [B,C] donor offsets, then the row selection mask.
    /// </summary>
    /// <returns>The corrupted rows and the mask, 1 where a column was replaced (its new value may equal the old one when the other row has the same value).</returns>
    /// <exception cref="System.ArgumentException">x is not [B,F] with F = columns.Features, probability is outside (0, 1) or p outside [0, 1].</exception>
    public static TabularMaskResult VimeMask(Tensor x, double probability, double p, Generator generator, TabularColumns? columns = null)
    {
        const string op = nameof(VimeMask);
        Guard.FloatRank(op, x, 2, "[B,F]");
        Guard.Generator(op, generator);
        Guard.OpenFraction(op, probability);
        Guard.Probability(op, p);
        columns ??= TabularColumns.Plain((int)x.shape[1]);
        Guard.LastDimension(op, x, 2, columns.Features, "[B, columns.Features]");

        long b = x.shape[0];
        var device = x.device;
        if (b < 2)
        {
            return new TabularMaskResult(x.clone(), torch.zeros(new[] { b, (long)columns.Count }, x.dtype, device));
        }

        using var scope = torch.NewDisposeScope();
        long count = columns.Count;
        var masked = torch.rand(new[] { b, count }, device: device, generator: generator).lt(probability);
        var offset = torch.randint(1, b, new[] { b, count }, dtype: ScalarType.Int64, device: device, generator: generator);
        var apply = AugmentSampling.ApplyMask(b, p, generator, device).view(-1, 1);
        masked = masked.logical_and(apply);
        var row = torch.arange(b, dtype: ScalarType.Int64, device: device).view(-1, 1);
        var donor = row.add(offset).remainder(b);                                   // uniform over the other B - 1 rows
        var owner = torch.tensor(columns.ColumnOfFeature(), device: device);
        var featureDonor = donor.index_select(1, owner);                            // a one-hot block shares its donor
        var replacement = x.gather(0, featureDonor);                                // replacement[i, f] = x[donor[i, col(f)], f]
        var corrupted = torch.where(masked.index_select(1, owner), replacement, x);
        return new TabularMaskResult(corrupted.MoveToOuterDisposeScope(), masked.to(x.dtype).MoveToOuterDisposeScope());
    }
}
