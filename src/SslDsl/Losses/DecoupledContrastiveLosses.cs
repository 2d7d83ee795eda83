using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Decoupled contrastive learning (Yeh et al., 2022): NT-Xent without the positive pair in the denominator.</summary>
public static partial class Losses
{
    /// <summary>
    /// DCL. With u = normalize(z1), v = normalize(z2) and tau the temperature, the loss of anchor u_i is
    /// -u_i.v_i / tau + log( sum_{k != i} exp(u_i.u_k / tau) + sum_{k != i} exp(u_i.v_k / tau) ): the positive
    /// pair is left out of the denominator (the decoupling). The result is the mean over the N anchors of each
    /// view, averaged over the two directions (z1 as anchors, then z2), as lightly's DCLLoss.
    /// </summary>
    /// <param name="z1">Embeddings of the first views, [N, D], N &gt;= 2.</param>
    /// <param name="z2">Embeddings of the second views, [N, D].</param>
    /// <param name="temperature">tau &gt; 0 (paper: 0.1).</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not &gt; 0.</exception>
    /// <exception cref="ArgumentException">The views are not [N, D] of the same shape.</exception>
    /// <exception cref="BatchTooSmallException">N is 1: there are no negatives.</exception>
    /// <remarks>Inside a <see cref="GlobalBatch.Span"/> of several ranks, the batch is every rank's rows (<see cref="GlobalBatch"/>).</remarks>
    public static Tensor Dcl(Tensor z1, Tensor z2, double temperature = 0.1)
    {
        const string loss = "DCL";
        Guard.Positive(loss, temperature);
        CheckDecoupledViews(loss, z1, z2);
        return GlobalBatch.Over(z1, z2, (a, b) => Decoupled(a, b, temperature, sigma: null));
    }

    /// <summary>
    /// DCLW: <see cref="Dcl"/> with the positive term of anchor i weighted by the negative von Mises-Fisher
    /// weight w_i = 2 - N * softmax_i(u_i.v_i / sigma) (computed without gradients), which gives hard
    /// positives (dissimilar views) more weight. The weights average to 1 over the batch.
    /// </summary>
    /// <param name="z1">Embeddings of the first views, [N, D], N &gt;= 2.</param>
    /// <param name="z2">Embeddings of the second views, [N, D].</param>
    /// <param name="temperature">tau &gt; 0 (paper: 0.1).</param>
    /// <param name="sigma">The weighting's temperature, &gt; 0 (paper: 0.5).</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The temperature or sigma is not &gt; 0.</exception>
    /// <exception cref="ArgumentException">The views are not [N, D] of the same shape.</exception>
    /// <exception cref="BatchTooSmallException">N is 1: there are no negatives.</exception>
    /// <remarks>Inside a <see cref="GlobalBatch.Span"/> of several ranks, the batch (and the weights' softmax) is every rank's rows (<see cref="GlobalBatch"/>).</remarks>
    public static Tensor Dclw(Tensor z1, Tensor z2, double temperature = 0.1, double sigma = 0.5)
    {
        const string loss = "DCLW";
        Guard.Positive(loss, temperature);
        Guard.Positive(loss, sigma);
        CheckDecoupledViews(loss, z1, z2);
        return GlobalBatch.Over(z1, z2, (a, b) => Decoupled(a, b, temperature, sigma));
    }

    private static void CheckDecoupledViews(string loss, Tensor z1, Tensor z2)
    {
        Guard.Rank(loss, z1, 2, "[N, D]");
        Guard.SameShape(loss, z1, z2);
        Guard.MinBatch(loss, z1, 2, "every anchor needs another sample of the batch as a negative");
    }

    private static Tensor Decoupled(Tensor z1, Tensor z2, double temperature, double? sigma)
    {
        using var scope = torch.NewDisposeScope();
        var u = nn.functional.normalize(z1, dim: 1);
        var v = nn.functional.normalize(z2, dim: 1);
        var total = OneDirection(u, v).add(OneDirection(v, u)).mul(0.5);
        return total.MoveToOuterDisposeScope();

        Tensor OneDirection(Tensor anchors, Tensor others)
        {
            long n = anchors.shape[0];
            var same = anchors.matmul(anchors.t()).div(temperature);
            var cross = anchors.matmul(others.t()).div(temperature);
            var positive = cross.diagonal().neg();
            if (sigma is double s)
            {
                using var noGrad = torch.no_grad();
                var weight = nn.functional.softmax((anchors * others).sum(1).div(s), 0).mul(-n).add(2);
                positive = positive * weight;
            }

            var self = torch.eye(n, dtype: ScalarType.Bool, device: anchors.device);
            var negatives = torch.cat(new[] { same.masked_fill(self, double.NegativeInfinity), cross.masked_fill(self, double.NegativeInfinity) }, 1);
            return positive.add(negatives.logsumexp(1)).mean();
        }
    }
}
