using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Masking of token batches for masked-language-model objectives (BERT, SpanBERT). Whole-batch tensor code;
/// all randomness comes from the <c>generator</c>, so a seed reproduces the result. Special tokens and padding
/// (attention mask 0) are never selected.
/// </summary>
public static class TokenMasking
{
    /// <summary>
    /// BERT masking with HuggingFace <c>DataCollatorForLanguageModeling</c> semantics: each non-special, non-padding
    /// token is selected with <paramref name="probability"/>; of the selected, a fraction <paramref name="replaceWithMask"/>
    /// becomes <paramref name="maskId"/>, a fraction <paramref name="replaceWithRandom"/> becomes an id drawn uniformly
    /// from the non-special ids of [0, <paramref name="vocabSize"/>), and the rest stay unchanged.
    /// Labels hold the original id at selected positions and -100 elsewhere.
    /// </summary>
    /// <param name="ids">Token ids long [B,L].</param>
    /// <param name="attentionMask">1 (or true) on tokens, 0 on padding, [B,L].</param>
    /// <param name="probability">Selection probability per token, in [0,1].</param>
    /// <param name="replaceWithMask">Fraction of selected tokens replaced by [MASK].</param>
    /// <param name="replaceWithRandom">Fraction of selected tokens replaced by a random token; with replaceWithMask at most 1.</param>
    /// <param name="p">Probability that a sequence is masked at all (1 = always), in [0,1].</param>
    /// <param name="generator">The random source (on the tensors' device).</param>
    /// <param name="maskId">The [MASK] id.</param>
    /// <param name="vocabSize">Number of ids; random replacements are drawn below it.</param>
    /// <param name="specialIds">Ids never selected and never drawn as random replacements (e.g. pad, cls, sep, mask).</param>
    /// <exception cref="ArgumentException">Shapes or types do not fit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A probability, id or size is out of range.</exception>
    public static TokenMaskResult MaskTokens(Tensor ids, Tensor attentionMask, double probability, double replaceWithMask, double replaceWithRandom, double p, Generator generator, int maskId, int vocabSize, long[] specialIds)
    {
        const string op = nameof(MaskTokens);
        CheckBatch(op, ids, attentionMask);
        Guard.Generator(op, generator);
        Guard.NotNull(op, specialIds);
        Guard.Probability(op, probability);
        Guard.Probability(op, replaceWithMask);
        Guard.Probability(op, replaceWithRandom);
        Guard.Probability(op, p);
        if (replaceWithMask + replaceWithRandom > 1 + 1e-12)
        {
            throw new ArgumentOutOfRangeException(nameof(replaceWithRandom), replaceWithRandom,
                $"{op}: replaceWithMask + replaceWithRandom must be at most 1, but it is {replaceWithMask} + {replaceWithRandom}.");
        }

        Guard.Positive(op, vocabSize);
        if (maskId < 0 || maskId >= vocabSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maskId), maskId, $"{op}: maskId must be an id of the vocabulary, in [0, {vocabSize}), but it is {maskId}.");
        }

        int specialsInVocabulary = specialIds.Where(id => id >= 0 && id < vocabSize).Distinct().Count();
        if (specialsInVocabulary == vocabSize && replaceWithRandom > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(specialIds), $"{op}: specialIds must leave an id to draw as a random replacement, but every id of the vocabulary is special.");
        }

        using var scope = torch.NewDisposeScope();
        var device = ids.device;
        long b = ids.shape[0];
        long l = ids.shape[1];
        var maskable = Maskable(ids, attentionMask, specialIds);

        var gate = torch.rand(new[] { b, 1L }, device: device, generator: generator).lt(p);
        var selected = torch.rand(new[] { b, l }, device: device, generator: generator).lt(probability)
            .logical_and(maskable).logical_and(gate);
        var u = torch.rand(new[] { b, l }, device: device, generator: generator);
        var toMask = selected.logical_and(u.lt(replaceWithMask));
        var toRandom = selected.logical_and(u.ge(replaceWithMask)).logical_and(u.lt(replaceWithMask + replaceWithRandom));

        // The non-special ids of the vocabulary (just [MASK] when there are none: then nothing is drawn from it).
        var vocabulary = torch.arange(vocabSize, dtype: ScalarType.Int64, device: device);
        var pool = specialsInVocabulary == vocabSize
            ? torch.tensor(new long[] { maskId }, device: device)
            : vocabulary.masked_select(Maskable(vocabulary, torch.ones_like(vocabulary), specialIds));
        var draws = torch.randint(0, pool.shape[0], new[] { b, l }, dtype: ScalarType.Int64, device: device, generator: generator);
        var randomIds = pool.index_select(0, draws.flatten()).view(b, l);

        var corrupted = torch.where(toRandom, randomIds, ids.masked_fill(toMask, maskId));
        var labels = ids.masked_fill(selected.logical_not(), TokenMaskResult.IgnoreIndex);
        return new TokenMaskResult(corrupted.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// SpanBERT-style span masking: in each sequence (taken with probability <paramref name="p"/>) spans are placed
    /// one at a time, each starting at a uniformly drawn not-yet-masked maskable position and with a length drawn from
    /// the geometric distribution P(k) = q (1-q)^(k-1), q = 1/<paramref name="meanSpan"/> (mean <paramref name="meanSpan"/>),
    /// cut so the total never exceeds the budget max(1, floor(<paramref name="ratio"/> * n + 0.5)) of the sequence's
    /// n maskable tokens; placing stops when the budget is reached, so exactly that many tokens are masked. Every masked
    /// token becomes <paramref name="maskId"/>; labels hold the original ids there and -100 elsewhere. A span skips
    /// (never masks) special tokens and padding inside it.
    /// </summary>
    /// <param name="ids">Token ids long [B,L].</param>
    /// <param name="attentionMask">1 (or true) on tokens, 0 on padding, [B,L].</param>
    /// <param name="meanSpan">Mean span length, at least 1 (1 = single tokens).</param>
    /// <param name="ratio">Fraction of the maskable tokens masked, in (0,1).</param>
    /// <param name="p">Probability that a sequence is masked at all (1 = always), in [0,1].</param>
    /// <param name="generator">The random source (on the tensors' device).</param>
    /// <param name="maskId">The [MASK] id.</param>
    /// <param name="specialIds">Ids never masked.</param>
    /// <exception cref="ArgumentException">Shapes or types do not fit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">meanSpan, ratio or p is out of range.</exception>
    public static TokenMaskResult SpanMask(Tensor ids, Tensor attentionMask, double meanSpan, double ratio, double p, Generator generator, int maskId, long[] specialIds)
    {
        const string op = nameof(SpanMask);
        CheckBatch(op, ids, attentionMask);
        Guard.Generator(op, generator);
        Guard.NotNull(op, specialIds);
        Guard.AtLeast(op, meanSpan, 1.0);
        Guard.OpenFraction(op, ratio);
        Guard.Probability(op, p);

        using var scope = torch.NewDisposeScope();
        var device = ids.device;
        long b = ids.shape[0];
        long l = ids.shape[1];
        var maskable = Maskable(ids, attentionMask, specialIds);
        var gate = torch.rand(new[] { b }, device: device, generator: generator).lt(p);

        var n = maskable.sum(1, type: ScalarType.Int64);
        var budget = n.to_type(ScalarType.Float64).mul(ratio).add(0.5).floor().to_type(ScalarType.Int64)
            .clamp_min(1).minimum(n).mul(gate.to_type(ScalarType.Int64));

        var masked = torch.zeros(new[] { b, l }, dtype: ScalarType.Bool, device: device);
        var count = torch.zeros(new[] { b }, dtype: ScalarType.Int64, device: device);
        var positions = torch.arange(l, dtype: ScalarType.Int64, device: device).unsqueeze(0);
        double logKeep = meanSpan > 1 ? Math.Log(1 - (1 / meanSpan)) : double.NegativeInfinity;

        // Each round adds at least one token to every row still under budget, so L rounds always suffice.
        for (long round = 0; round < l; round++)
        {
            using var roundScope = torch.NewDisposeScope();
            var active = count.lt(budget);
            if (!active.any().item<bool>())
            {
                break;
            }

            var candidates = maskable.logical_and(masked.logical_not()).logical_and(active.unsqueeze(1));
            var keys = torch.rand(new[] { b, l }, device: device, generator: generator).masked_fill(candidates.logical_not(), -1);
            var start = keys.argmax(1, keepdim: true);

            // Geometric length by inversion: 1 + floor(ln V / ln(1-q)), V uniform in (0,1].
            var v = torch.rand(new[] { b, 1L }, dtype: ScalarType.Float64, device: device, generator: generator).neg().add(1);
            var length = meanSpan > 1
                ? v.log().div(logKeep).floor().add(1).clamp_max(l).to_type(ScalarType.Int64)
                : torch.ones(new[] { b, 1L }, dtype: ScalarType.Int64, device: device);
            length = length.minimum(budget.sub(count).unsqueeze(1));

            var inSpan = positions.ge(start).logical_and(positions.lt(start.add(length)));
            var added = inSpan.logical_and(candidates);
            masked.logical_or_(added);
            count.add_(added.sum(1, type: ScalarType.Int64));
        }

        var corrupted = ids.masked_fill(masked, maskId);
        var labels = ids.masked_fill(masked.logical_not(), TokenMaskResult.IgnoreIndex);
        return new TokenMaskResult(corrupted.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }

    /// <summary>True where a token may be masked: inside the attention mask and not a special id.</summary>
    internal static Tensor Maskable(Tensor ids, Tensor attentionMask, long[] specialIds)
    {
        var inside = attentionMask.ne(0);
        if (specialIds.Length == 0)
        {
            return inside;
        }

        using var special = torch.tensor(specialIds, device: ids.device);
        return inside.logical_and(torch.isin(ids, special).logical_not());
    }

    /// <summary>Throws unless <paramref name="ids"/> is long [B,L] and <paramref name="attentionMask"/> has its shape.</summary>
    internal static void CheckBatch(string operation, Tensor ids, Tensor attentionMask)
    {
        Guard.Rank(operation, ids, 2, "[B,L]");
        Guard.Int64(operation, ids);
        Guard.SameShape(operation, ids, attentionMask);
    }
}
