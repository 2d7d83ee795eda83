using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>TS2Vec's hierarchical contrastive loss on per-timestamp representations (Yue et al. 2022).</summary>
public static partial class Losses
{
    /// <summary>
    /// TS2Vec's hierarchical contrastive loss (<c>hierarchical_contrastive_loss</c> of the reference code). At every
    /// scale k = 0, 1, ... while T_k &gt; 1 it adds alpha · <see cref="InstanceContrastive"/> and, once k &gt;=
    /// <paramref name="temporalUnit"/>, (1 - alpha) · <see cref="TemporalContrastive"/>; then it max-pools both
    /// sequences along time with kernel and stride 2 (an odd last step is dropped). At length 1 it adds a last
    /// alpha · instance term. The sum is divided by the number of scales. A term whose weight is 0 is not computed.
    /// </summary>
    /// <param name="z1">Per-step representations of the overlap in the first crop, [B,T,D].</param>
    /// <param name="z2">The same steps in the second crop, [B,T,D].</param>
    /// <param name="alpha">The instance term's weight in [0, 1]; the temporal term has 1 - alpha (the paper uses 0.5).</param>
    /// <param name="temporalUnit">The first scale with a temporal term (0: every scale).</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentException">The representations are not [B,T,D] of one shape with B, T &gt;= 1, alpha is outside [0,1], or temporalUnit is negative.</exception>
    public static Tensor HierarchicalContrastive(Tensor z1, Tensor z2, double alpha, int temporalUnit)
    {
        const string loss = "Hierarchical contrastive";
        Guard.Rank(loss, z1, 3, "[B,T,D]");
        Guard.SameShape(loss, z1, z2);
        Guard.MinRows(loss, z1, 1, "the loss averages over the batch");
        Guard.Probability(loss, alpha);
        Guard.InRange(loss, temporalUnit, 0, int.MaxValue, "the first scale with a temporal term");
        if (z1.shape[1] < 1)
        {
            throw new ArgumentException($"{loss}: the representations must have at least one step, but they have 0.", nameof(z1));
        }

        using var scope = torch.NewDisposeScope();
        var total = torch.zeros(Array.Empty<long>(), dtype: z1.dtype, device: z1.device);
        var a = z1;
        var b = z2;
        int scales = 0;
        while (a.shape[1] > 1)
        {
            if (alpha != 0)
            {
                total = total + alpha * InstanceContrastive(a, b);
            }

            if (scales >= temporalUnit && alpha != 1)
            {
                total = total + (1 - alpha) * TemporalContrastive(a, b);
            }

            scales++;
            a = nn.functional.max_pool1d(a.transpose(1, 2), 2).transpose(1, 2);
            b = nn.functional.max_pool1d(b.transpose(1, 2), 2).transpose(1, 2);
        }

        if (alpha != 0)
        {
            total = total + alpha * InstanceContrastive(a, b);
        }

        scales++;
        return total.div(scales).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// TS2Vec's instance-wise contrast: at every step t, the 2B representations of both crops are compared by dot
    /// product; each one's positive is the same series' step in the other crop, its negatives the other 2B - 2
    /// (the same step of every other series, in both crops). The loss is the mean cross-entropy over steps and
    /// anchors, -log softmax_{j != i}(z_i · z_j)[positive]. 0 when B = 1 (no negatives).
    /// </summary>
    /// <param name="z1">[B,T,D].</param>
    /// <param name="z2">[B,T,D].</param>
    public static Tensor InstanceContrastive(Tensor z1, Tensor z2) =>
        z1.shape[0] == 1 ? z1.new_zeros(Array.Empty<long>()) : PairedCrossEntropy(torch.cat(new[] { z1, z2 }, 0).transpose(0, 1));

    /// <summary>
    /// TS2Vec's temporal contrast: within every series, the 2T step representations of both crops are compared by dot
    /// product; each step's positive is the same step in the other crop, its negatives the other 2T - 2 steps. The
    /// loss is the mean cross-entropy over series and anchors. 0 when T = 1.
    /// </summary>
    /// <param name="z1">[B,T,D].</param>
    /// <param name="z2">[B,T,D].</param>
    public static Tensor TemporalContrastive(Tensor z1, Tensor z2) =>
        z1.shape[1] == 1 ? z1.new_zeros(Array.Empty<long>()) : PairedCrossEntropy(torch.cat(new[] { z1, z2 }, 1));

    /// <summary>
    /// For groups z [G, 2N, D] whose rows i and N + i are positives: the mean over groups and rows of
    /// -log softmax over the other 2N - 1 rows of the dot products, at the positive.
    /// </summary>
    private static Tensor PairedCrossEntropy(Tensor z)
    {
        long n = z.shape[1] / 2;
        var similarity = torch.matmul(z, z.transpose(1, 2));
        var self = torch.eye(2 * n, dtype: ScalarType.Bool, device: z.device);
        var logProbability = nn.functional.log_softmax(similarity.masked_fill(self, double.NegativeInfinity), -1);
        var rows = torch.arange(2 * n, dtype: ScalarType.Int64, device: z.device);
        var positive = rows.add(n).remainder(2 * n);
        var atPositive = logProbability.index_select(1, rows).gather(2, positive.view(1, -1, 1).expand(z.shape[0], 2 * n, 1));
        return atPositive.mean().neg();
    }
}
