using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Self-prediction losses: predict hidden tokens, the next token, a pretext class, or future values.</summary>
public static partial class Losses
{
    /// <summary>The label that <see cref="MaskedToken"/> and <see cref="NextToken"/> ignore (as PyTorch's default).</summary>
    public const long IgnoreIndex = -100;

    /// <summary>
    /// T5's span-corruption loss: the mean cross-entropy of the decoder's logits over the target tokens (sentinels and
    /// span tokens; positions labelled <see cref="IgnoreIndex"/> are padding). 0 (with a zero gradient) when a batch
    /// has no target at all.
    /// </summary>
    /// <param name="logits">The decoder's token scores, [B, T, V].</param>
    /// <param name="targets">The target ids and -100 on padding, [B, T], int64 (<see cref="SpanCorruptionResult.Targets"/>).</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentException">The shapes or the target dtype are wrong.</exception>
    public static Tensor SpanCorruption(Tensor logits, Tensor targets)
    {
        const string loss = "SpanCorruption";
        Guard.Rank(loss, logits, 3, "[B, T, V]");
        Guard.Int64(loss, targets);
        if (targets.dim() != 2 || targets.shape[0] != logits.shape[0] || targets.shape[1] != logits.shape[1])
        {
            throw new ArgumentException($"{loss}: targets must be [B, T] = [{logits.shape[0]}, {logits.shape[1]}] to match logits {Guard.Shape(logits)}, but its shape is {Guard.Shape(targets)}.", nameof(targets));
        }

        using var scope = torch.NewDisposeScope();
        return TokenCrossEntropy(logits, targets).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Masked-token prediction (BERT's MLM): the mean cross-entropy over the positions whose label is
    /// not <see cref="IgnoreIndex"/> (-100). If every position is ignored the loss is 0 (with a gradient
    /// of zeros) instead of 0/0, so a batch without masked tokens does not stop training.
    /// </summary>
    /// <param name="logits">Token scores, [B, L, V].</param>
    /// <param name="labels">Original token ids at masked positions and -100 elsewhere, [B, L], int64.</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentException">The shapes or the label dtype are wrong.</exception>
    public static Tensor MaskedToken(Tensor logits, Tensor labels)
    {
        const string loss = "MaskedToken";
        Guard.Rank(loss, logits, 3, "[B, L, V]");
        Guard.Int64(loss, labels);
        if (labels.dim() != 2 || labels.shape[0] != logits.shape[0] || labels.shape[1] != logits.shape[1])
        {
            throw new ArgumentException($"{loss}: labels must be [B, L] = [{logits.shape[0]}, {logits.shape[1]}] to match logits {Guard.Shape(logits)}, but its shape is {Guard.Shape(labels)}.", nameof(labels));
        }

        using var scope = torch.NewDisposeScope();
        return TokenCrossEntropy(logits, labels).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Next-token prediction (causal language modeling): logits[:, t] predicts ids[:, t + 1] for
    /// t = 0 .. L - 2; a position whose next token is padding (attentionMask[:, t + 1] == 0) is ignored.
    /// The loss is the mean cross-entropy over the remaining positions (0 when none remain).
    /// </summary>
    /// <param name="logits">Token scores, [B, L, V].</param>
    /// <param name="ids">Token ids, [B, L], int64, L &gt;= 2.</param>
    /// <param name="attentionMask">[B, L], non-zero for real tokens and 0 for padding.</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentException">The shapes or the id dtype are wrong.</exception>
    public static Tensor NextToken(Tensor logits, Tensor ids, Tensor attentionMask)
    {
        const string loss = "NextToken";
        Guard.Rank(loss, logits, 3, "[B, L, V]");
        Guard.Int64(loss, ids);
        Guard.NotNull(loss, attentionMask);
        if (ids.dim() != 2 || ids.shape[0] != logits.shape[0] || ids.shape[1] != logits.shape[1])
        {
            throw new ArgumentException($"{loss}: ids must be [B, L] = [{logits.shape[0]}, {logits.shape[1]}] to match logits {Guard.Shape(logits)}, but its shape is {Guard.Shape(ids)}.", nameof(ids));
        }

        Guard.SameShape(loss, ids, attentionMask);
        long length = ids.shape[1];
        if (length < 2)
        {
            throw new ArgumentException($"{loss}: ids must be sequences of length L >= 2 (the last token has no next token to predict), but L is {length}.", nameof(ids));
        }

        using var scope = torch.NewDisposeScope();
        var scores = logits.narrow(1, 0, length - 1);
        var next = ids.narrow(1, 1, length - 1);
        var real = attentionMask.narrow(1, 1, length - 1).ne(0);
        var labels = torch.where(real, next, torch.full_like(next, IgnoreIndex));
        return TokenCrossEntropy(scores, labels).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Pretext classification (rotation, jigsaw permutation, relative patch position, next sentence):
    /// the mean cross-entropy of <paramref name="logits"/> against <paramref name="labels"/>.
    /// </summary>
    /// <param name="logits">Class scores, [N, C].</param>
    /// <param name="labels">Class indices in [0, C), [N], int64.</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentException">The shapes or the label dtype are wrong.</exception>
    public static Tensor Classification(Tensor logits, Tensor labels)
    {
        const string loss = "Classification";
        Guard.Rank(loss, logits, 2, "[N, C]");
        Guard.Int64(loss, labels);
        if (labels.dim() != 1 || labels.shape[0] != logits.shape[0])
        {
            throw new ArgumentException($"{loss}: labels must be [N] = [{logits.shape[0]}] to match logits {Guard.Shape(logits)}, but its shape is {Guard.Shape(labels)}.", nameof(labels));
        }

        Guard.MinRows(loss, logits, 1, "the loss averages over the batch");
        return nn.functional.cross_entropy(logits, labels);
    }

    /// <summary>Forecasting: the mean squared error between the predicted and the true future values.</summary>
    /// <param name="prediction">Predicted values, any shape (e.g. [B, C, horizon] or [B, horizon]).</param>
    /// <param name="target">True values, the same shape.</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentException">The shapes differ or the tensors are empty.</exception>
    public static Tensor Forecast(Tensor prediction, Tensor target)
    {
        const string loss = "Forecast";
        Guard.SameShape(loss, prediction, target);
        if (target.numel() == 0)
        {
            throw new ArgumentException($"{loss}: target must be non-empty, but its shape is {Guard.Shape(target)}.", nameof(target));
        }

        return nn.functional.mse_loss(prediction, target);
    }

    /// <summary>Mean cross-entropy of [B, L, V] logits over the labels that are not <see cref="IgnoreIndex"/>; 0 when all are.</summary>
    private static Tensor TokenCrossEntropy(Tensor logits, Tensor labels)
    {
        long vocabulary = logits.shape[2];
        var flatLabels = labels.reshape(-1);
        var perToken = nn.functional.cross_entropy(logits.reshape(-1, vocabulary), flatLabels, ignore_index: IgnoreIndex, reduction: nn.Reduction.None);
        var count = flatLabels.ne(IgnoreIndex).sum().to(perToken.dtype);
        return perToken.sum() / count.clamp_min(1);
    }
}
