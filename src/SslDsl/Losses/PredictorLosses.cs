using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Losses that compare an online prediction with a target from another view: SimSiam, MoCo v3 and NNCLR.</summary>
public static partial class Losses
{
    /// <summary>
    /// SimSiam's negative cosine similarity with a stop-gradient on the target: the mean over the batch of
    /// -cos(p_i, stopgrad(z_i)). The target is detached here (no momentum network is involved: the
    /// stop-gradient is what keeps SimSiam from collapsing), so gradients reach only the prediction.
    /// </summary>
    /// <param name="prediction">The predictor's output for one view, [N, D].</param>
    /// <param name="target">The projection of the other view, [N, D].</param>
    /// <returns>A scalar tensor in [-1, 1].</returns>
    /// <exception cref="ArgumentException">The inputs are not [N, D] of the same shape, or N is 0.</exception>
    public static Tensor SimSiam(Tensor prediction, Tensor target)
    {
        const string loss = "SimSiam";
        Guard.Rank(loss, prediction, 2, "[N, D]");
        Guard.SameShape(loss, prediction, target);
        Guard.MinRows(loss, prediction, 1, "the loss averages over the batch");

        using var scope = torch.NewDisposeScope();
        var cosine = nn.functional.cosine_similarity(prediction, target.detach(), dim: 1, eps: 1e-8);
        return cosine.mean().neg().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// MoCo v3's contrastive loss of queries against the momentum network's keys of the other view, with the
    /// other keys of the batch as negatives and no queue: with q and k L2-normalized,
    /// CrossEntropy(q k^T / tau, [0..N-1]) * 2 tau (the paper's scaling, which makes the gradient independent
    /// of tau). The keys are used as given (the momentum network computes them without gradients).
    /// </summary>
    /// <param name="queries">The online predictor's outputs, [N, D].</param>
    /// <param name="keys">The momentum network's projections of the other view, [N, D].</param>
    /// <param name="temperature">tau &gt; 0 (paper: 0.2).</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not &gt; 0.</exception>
    /// <exception cref="ArgumentException">The inputs are not [N, D] of the same shape.</exception>
    /// <exception cref="BatchTooSmallException">N is 1: there are no negatives.</exception>
    public static Tensor MocoV3(Tensor queries, Tensor keys, double temperature = 0.2)
    {
        const string loss = "MoCo v3";
        Guard.Positive(loss, temperature);
        Guard.Rank(loss, queries, 2, "[N, D]");
        Guard.SameShape(loss, queries, keys);
        Guard.MinBatch(loss, queries, 2, "the other keys of the batch are the negatives, and one sample has none");

        using var scope = torch.NewDisposeScope();
        return InfoNce(queries, keys, temperature).mul(2 * temperature).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// NNCLR's loss: InfoNCE between the nearest neighbours of one view's embeddings in the support set and
    /// the predictions of the other view, the other predictions of the batch being the negatives. With
    /// n and p L2-normalized: CrossEntropy(n p^T / tau, [0..N-1]). The neighbours come from the support
    /// set and carry no gradient; gradients reach the predictions.
    /// </summary>
    /// <param name="neighbours">The nearest neighbours NN(z_i) of one view's embeddings, [N, D].</param>
    /// <param name="predictions">The predictions (or embeddings, without a predictor) of the other view, [N, D].</param>
    /// <param name="temperature">tau &gt; 0 (paper: 0.1).</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not &gt; 0.</exception>
    /// <exception cref="ArgumentException">The inputs are not [N, D] of the same shape.</exception>
    /// <exception cref="BatchTooSmallException">N is 1: there are no negatives.</exception>
    public static Tensor Nnclr(Tensor neighbours, Tensor predictions, double temperature = 0.1)
    {
        const string loss = "NNCLR";
        Guard.Positive(loss, temperature);
        Guard.Rank(loss, neighbours, 2, "[N, D]");
        Guard.SameShape(loss, neighbours, predictions);
        Guard.MinBatch(loss, neighbours, 2, "the other predictions of the batch are the negatives, and one sample has none");

        using var scope = torch.NewDisposeScope();
        return InfoNce(neighbours.detach(), predictions, temperature).MoveToOuterDisposeScope();
    }
}
