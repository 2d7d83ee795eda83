using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Contrastive losses: pull views of the same sample together, push other samples apart.</summary>
public static partial class Losses
{
    /// <summary>
    /// NT-Xent (SimCLR). With z = normalize([z1; z2]) (2N rows) and s_ij = z_i . z_j / tau,
    /// the loss is the mean over all 2N anchors of
    /// -log( exp(s_i,p(i)) / sum_{k != i} exp(s_ik) ), p(i) the other view of the same sample.
    /// </summary>
    /// <param name="z1">Embeddings of the first views, [N, D].</param>
    /// <param name="z2">Embeddings of the second views, [N, D].</param>
    /// <param name="temperature">tau &gt; 0.</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not &gt; 0.</exception>
    /// <exception cref="ArgumentException">The views are not [N, D] of the same shape, or N is 0.</exception>
    /// <exception cref="BatchTooSmallException">N is 1: there are no negatives.</exception>
    /// <remarks>Inside a <see cref="GlobalBatch.Span"/> of several ranks, the batch is every rank's rows (<see cref="GlobalBatch"/>).</remarks>
    public static Tensor NtXent(Tensor z1, Tensor z2, double temperature)
    {
        const string loss = "NT-Xent";
        Guard.Positive(loss, temperature);
        Guard.Rank(loss, z1, 2, "[N, D]");
        Guard.SameShape(loss, z1, z2);
        Guard.MinRows(loss, z1, 1, "the loss averages over the batch");
        Guard.MinBatch(loss, z1, 2, "with one sample the only other embedding is its positive, so there are no negatives and the loss is exactly 0");
        return GlobalBatch.Over(z1, z2, (a, b) => NtXentOf(a, b, temperature));
    }

    private static Tensor NtXentOf(Tensor z1, Tensor z2, double temperature)
    {
        using var scope = torch.NewDisposeScope();
        long n = z1.shape[0];
        var z = nn.functional.normalize(torch.cat(new[] { z1, z2 }, 0), dim: 1);
        var sim = z.matmul(z.t()).div(temperature);
        var self = torch.eye(2 * n, dtype: ScalarType.Bool, device: z.device);
        sim = sim.masked_fill(self, double.NegativeInfinity);
        var targets = torch.cat(new[] { torch.arange(n, 2 * n, device: z.device), torch.arange(0, n, device: z.device) }, 0);
        return nn.functional.cross_entropy(sim, targets).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// InfoNCE (CPC / MoCo). Queries, keys and negatives are L2-normalized here (a no-op for
    /// inputs that already are). Without <paramref name="negatives"/> the other keys of the batch
    /// are the negatives: logits = q . k^T / tau ([N, N]) and the target of row i is i. With
    /// <paramref name="negatives"/> [K, D] (a MoCo queue), row i has logits
    /// [q_i . k_i | q_i . neg_1 .. q_i . neg_K] / tau ([N, 1 + K]) and target 0. The loss is the
    /// mean cross-entropy over the N queries.
    /// </summary>
    /// <param name="queries">Query embeddings, [N, D].</param>
    /// <param name="keys">Positive keys, [N, D] (row i is the positive of query i).</param>
    /// <param name="temperature">tau &gt; 0.</param>
    /// <param name="negatives">Optional negative keys, [K, D] (K &gt;= 1); the caller detaches them.</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not &gt; 0.</exception>
    /// <exception cref="ArgumentException">A shape is wrong (see the message).</exception>
    /// <exception cref="BatchTooSmallException">One query and no <paramref name="negatives"/>: there are no negatives.</exception>
    /// <remarks>Inside a <see cref="GlobalBatch.Span"/> of several ranks, queries and keys are every rank's rows (<see cref="GlobalBatch"/>); the negatives are used as given.</remarks>
    public static Tensor InfoNce(Tensor queries, Tensor keys, double temperature, Tensor? negatives = null)
    {
        const string loss = "InfoNCE";
        Guard.Positive(loss, temperature);
        Guard.Rank(loss, queries, 2, "[N, D]");
        Guard.SameShape(loss, queries, keys);
        Guard.MinRows(loss, queries, 1, "the loss averages over the batch");
        if (negatives is null)
        {
            Guard.MinBatch(loss, queries, 2, "without a queue the other keys of the batch are the negatives, and one sample has none, so the loss is exactly 0");
        }
        else
        {
            Guard.Rank(loss, negatives, 2, "[K, D]");
            if (negatives.shape[1] != queries.shape[1] || negatives.shape[0] < 1)
            {
                throw new ArgumentException($"{loss}: negatives must be [K, D] with K >= 1 and D = {queries.shape[1]} (the query width), but its shape is {Guard.Shape(negatives)}.", nameof(negatives));
            }
        }

        return GlobalBatch.Over(queries, keys, (q, k) => InfoNceOf(q, k, temperature, negatives));
    }

    private static Tensor InfoNceOf(Tensor queries, Tensor keys, double temperature, Tensor? negatives)
    {
        using var scope = torch.NewDisposeScope();
        var q = nn.functional.normalize(queries, dim: 1);
        var k = nn.functional.normalize(keys, dim: 1);
        long n = q.shape[0];
        Tensor logits;
        Tensor targets;
        if (negatives is null)
        {
            logits = q.matmul(k.t());
            targets = torch.arange(n, device: q.device);
        }
        else
        {
            var neg = nn.functional.normalize(negatives.to(q.dtype), dim: 1);
            var positive = (q * k).sum(1, keepdim: true);
            logits = torch.cat(new[] { positive, q.matmul(neg.t()) }, 1);
            targets = torch.zeros(n, ScalarType.Int64, device: q.device);
        }

        return nn.functional.cross_entropy(logits.div(temperature), targets).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The Siamese margin loss: the distance d(z1_i, z2_i) of a positive pair (two views of one
    /// sample) is pulled down, and the distance of a negative pair (z1_i, z2_{(i+1) mod N}) (views of
    /// two different samples) is pushed above the margin. The loss is the mean over the 2N pair
    /// terms: ( sum_i d(z1_i, z2_i)^2 + sum_i max(0, margin - d(z1_i, z2_{(i+1) mod N}))^2 ) / (2N),
    /// d the Euclidean distance. The negative distance is computed as sqrt(max(squared, 1e-20)) so the
    /// gradient stays finite when a negative pair coincides.
    /// </summary>
    /// <param name="z1">Embeddings of the first views, [N, D], N &gt;= 2.</param>
    /// <param name="z2">Embeddings of the second views, [N, D].</param>
    /// <param name="margin">The distance negatives are pushed beyond, &gt; 0.</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The margin is not &gt; 0.</exception>
    /// <exception cref="ArgumentException">The views are not [N, D] of the same shape, or N &lt; 2.</exception>
    public static Tensor ContrastiveMargin(Tensor z1, Tensor z2, double margin = 1.0)
    {
        const string loss = "ContrastiveMargin";
        Guard.Positive(loss, margin);
        Guard.Rank(loss, z1, 2, "[N, D]");
        Guard.SameShape(loss, z1, z2);
        Guard.MinBatch(loss, z1, 2, "negative pairs pair each sample with the next one in the batch");

        using var scope = torch.NewDisposeScope();
        long n = z1.shape[0];
        var positive = (z1 - z2).pow(2).sum(1);
        var shifted = torch.roll(z2, -1, 0);
        var negativeDistance = (z1 - shifted).pow(2).sum(1).clamp_min(1e-20).sqrt();
        var negative = (margin - negativeDistance).clamp_min(0).pow(2);
        return positive.sum().add(negative.sum()).div(2 * n).MoveToOuterDisposeScope();
    }
}
