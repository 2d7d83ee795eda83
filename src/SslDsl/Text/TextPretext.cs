using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Sequence-level pretext tasks on token batches (whole-batch tensor code, seeded by a generator).</summary>
public static class TextPretext
{
    /// <summary>
    /// Next-sentence pairs (BERT's NSP). Each sequence's content tokens (inside the attention mask and not
    /// [CLS]/[SEP]/[PAD]) are split into halves A (the first floor(n/2)) and B (the rest). With probability 0.5 B is
    /// replaced by the second half of another, uniformly drawn sequence of the batch (label 0), otherwise B is kept
    /// (label 1). Sequences are rebuilt as <c>[CLS] A [SEP] B [SEP]</c> and padded with <paramref name="padId"/> to the
    /// batch's length L (A, then B, are cut from the end if the pair does not fit in L).
    /// </summary>
    /// <param name="batch">The batch (at least two sequences of length at least 3).</param>
    /// <param name="generator">The random source (on the batch's device).</param>
    /// <param name="clsId">The [CLS] id.</param>
    /// <param name="sepId">The [SEP] id.</param>
    /// <param name="padId">The padding id.</param>
    /// <returns>The pair batch (its class labels carried over) and the NSP labels long [B] (1 = B follows A, 0 = B is from another sequence).</returns>
    /// <exception cref="ArgumentException">The batch has fewer than two sequences, sequences shorter than 3, or a malformed mask.</exception>
    public static (TokenBatch Batch, Tensor Labels) NextSentencePairs(TokenBatch batch, Generator generator, int clsId, int sepId, int padId)
    {
        const string op = nameof(NextSentencePairs);
        Guard.NotNull(op, batch);
        Guard.Generator(op, generator);
        var ids = batch.Ids;
        TokenMasking.CheckBatch(op, ids, batch.AttentionMask);
        long b = ids.shape[0];
        long l = ids.shape[1];
        if (b < 2)
        {
            throw new ArgumentException($"Next-sentence pairs need at least 2 sequences in the batch to draw a random second half from; got {b}.", nameof(batch));
        }

        if (l < 3)
        {
            throw new ArgumentException($"Next-sentence pairs need sequences of at least 3 positions ([CLS] [SEP] [SEP]); got {l}.", nameof(batch));
        }

        using var scope = torch.NewDisposeScope();
        var device = ids.device;
        var content = TokenMasking.Maskable(ids, batch.AttentionMask, new long[] { clsId, sepId, padId });
        var n = content.sum(1, type: ScalarType.Int64);                                   // [B]
        var positions = torch.arange(l, dtype: ScalarType.Int64, device: device).unsqueeze(0);   // [1,L]

        // Content tokens packed to the left, in order.
        var order = content.logical_not().to_type(ScalarType.Int64).mul(l).add(positions).argsort(1);
        var packed = ids.gather(1, order);

        var half = n.div(2, rounding_mode: RoundingMode.floor);
        var replace = torch.rand(new[] { b }, device: device, generator: generator).lt(0.5);
        var offset = torch.randint(1, b, new[] { b }, dtype: ScalarType.Int64, device: device, generator: generator);
        var self = torch.arange(b, dtype: ScalarType.Int64, device: device);
        var source = torch.where(replace, self.add(offset).remainder(b), self);

        var sourceStart = half.index_select(0, source);
        var sourceLength = n.index_select(0, source).sub(sourceStart);
        var lengthA = half.clamp_max(l - 3);
        var lengthB = sourceLength.minimum(lengthA.neg().add(l - 3));

        var a = lengthA.unsqueeze(1);
        var bl = lengthB.unsqueeze(1);
        var valuesA = packed.gather(1, positions.sub(1).clamp(0, l - 1).expand(b, l));
        var startB = a.add(2);
        var indexB = sourceStart.unsqueeze(1).add(positions).sub(startB).clamp(0, l - 1);
        var valuesB = packed.index_select(0, source).gather(1, indexB);

        var pairs = torch.full(new[] { b, l }, padId, dtype: ScalarType.Int64, device: device);
        pairs = torch.where(positions.ge(startB).logical_and(positions.lt(startB.add(bl))), valuesB, pairs);
        pairs = pairs.masked_fill(positions.eq(startB.add(bl)), sepId);
        pairs = pairs.masked_fill(positions.eq(a.add(1)), sepId);
        pairs = torch.where(positions.ge(1).logical_and(positions.le(a)), valuesA, pairs);
        pairs = pairs.masked_fill(positions.eq(0).expand(b, l), clsId);

        var mask = positions.lt(a.add(bl).add(3)).to_type(batch.AttentionMask.dtype);
        var labels = replace.logical_not().to_type(ScalarType.Int64);
        return (new TokenBatch(pairs.MoveToOuterDisposeScope(), mask.MoveToOuterDisposeScope(), batch.Labels), labels.MoveToOuterDisposeScope());
    }
}
