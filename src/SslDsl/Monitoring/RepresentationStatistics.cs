using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Statistics of a batch of representations that reveal collapse.</summary>
public static class RepresentationStatistics
{
    /// <summary>
    /// The standard deviation over samples (n - 1 in the denominator) of the L2-normalized
    /// embeddings, averaged over dimensions (as in SimSiam). Complete collapse gives 0; embeddings
    /// spread uniformly over the unit sphere of R^D give about 1/sqrt(D).
    /// </summary>
    /// <param name="embeddings">[N, D] with N &gt;= 2.</param>
    public static double NormalizedStd(Tensor embeddings)
    {
        Require(embeddings);
        using var scope = torch.NewDisposeScope();
        var z = nn.functional.normalize(embeddings.to_type(ScalarType.Float64), p: 2, dim: 1);
        return z.std(0).mean().item<double>();
    }

    /// <summary>
    /// The effective rank of the embedding matrix (Roy and Vetterli 2007; RankMe, Garrido et al.
    /// 2023): exp(-sum_k p_k ln p_k) with p_k = s_k / sum_j s_j over the singular values s of the
    /// (uncentered) [N, D] matrix. Between 1 (all embeddings on one line) and min(N, D).
    /// </summary>
    /// <param name="embeddings">[N, D] with N &gt;= 2.</param>
    public static double EffectiveRank(Tensor embeddings)
    {
        Require(embeddings);
        using var scope = torch.NewDisposeScope();
        var s = torch.linalg.svdvals(embeddings.to_type(ScalarType.Float64));
        double sum = s.sum().item<double>();
        if (!(sum > 0))
        {
            return 0.0;
        }

        var p = s / sum;
        var positive = p.masked_select(p.gt(0));
        double entropy = -(positive * positive.log()).sum().item<double>();
        return Math.Exp(entropy);
    }

    private static void Require(Tensor embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.dim() != 2 || embeddings.shape[0] < 2 || embeddings.shape[1] < 1)
        {
            throw new ArgumentException(
                $"Expected embeddings [N, D] with N >= 2 and D >= 1; got [{string.Join(",", embeddings.shape)}].", nameof(embeddings));
        }
    }
}
