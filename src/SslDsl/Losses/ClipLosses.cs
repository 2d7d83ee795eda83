using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Image-text contrastive losses (CLIP).</summary>
public static partial class Losses
{
    /// <summary>
    /// CLIP's symmetric InfoNCE. With u = normalize(<paramref name="first"/>), v = normalize(<paramref name="second"/>)
    /// and logits = s u v^T ([N, N], s = <paramref name="logitScale"/>), the loss is
    /// (CE(logits, i) + CE(logits^T, i)) / 2: row i of each side has its pair i as the positive and the other
    /// side's N - 1 samples as negatives.
    /// </summary>
    /// <param name="first">Embeddings of the first modality (images), [N, D].</param>
    /// <param name="second">Embeddings of the second modality (texts), [N, D]; row i is the pair of row i of <paramref name="first"/>.</param>
    /// <param name="logitScale">The multiplier s = 1 / temperature, a scalar tensor (from <see cref="LogitScale"/>, so it is learned).</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentException">The embeddings are not [N, D] of the same shape, N is 0, or the scale is not a scalar.</exception>
    /// <exception cref="BatchTooSmallException">N is 1: there are no negatives.</exception>
    public static Tensor Clip(Tensor first, Tensor second, Tensor logitScale)
    {
        const string loss = "CLIP";
        Guard.Rank(loss, first, 2, "[N, D]");
        Guard.SameShape(loss, first, second);
        Guard.Rank(loss, logitScale, 0, "a scalar");
        Guard.MinRows(loss, first, 1, "the loss averages over the batch");
        Guard.MinBatch(loss, first, 2, "with one pair there are no negatives, so the loss is exactly 0");
        using var scope = torch.NewDisposeScope();
        var logits = ClipLogits(first, second, logitScale);
        var targets = torch.arange(first.shape[0], device: first.device);
        var firstToSecond = nn.functional.cross_entropy(logits, targets);
        var secondToFirst = nn.functional.cross_entropy(logits.t(), targets);
        return firstToSecond.add(secondToFirst).div(2).MoveToOuterDisposeScope();
    }

    /// <summary>The logits s normalize(first) normalize(second)^T, [N, M]: scaled cosine similarities.</summary>
    /// <param name="first">[N, D].</param>
    /// <param name="second">[M, D].</param>
    /// <param name="logitScale">The multiplier s, a scalar tensor.</param>
    public static Tensor ClipLogits(Tensor first, Tensor second, Tensor logitScale)
    {
        using var scope = torch.NewDisposeScope();
        var u = nn.functional.normalize(first, dim: 1);
        var v = nn.functional.normalize(second, dim: 1);
        return u.matmul(v.t()).mul(logitScale).MoveToOuterDisposeScope();
    }
}
