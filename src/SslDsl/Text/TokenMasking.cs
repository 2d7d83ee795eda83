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
public static partial class TokenMasking
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
        Guard.Probability(op, probability);
        CheckReplacement(op, replaceWithMask, replaceWithRandom, p, generator, maskId, vocabSize, specialIds);

        using var scope = torch.NewDisposeScope();
        long b = ids.shape[0];
        long l = ids.shape[1];
        var gate = torch.rand(new[] { b, 1L }, device: ids.device, generator: generator).lt(p);
        var selected = torch.rand(new[] { b, l }, device: ids.device, generator: generator).lt(probability)
            .logical_and(Maskable(ids, attentionMask, specialIds)).logical_and(gate);
        return Replace(ids, selected, replaceWithMask, replaceWithRandom, generator, maskId, vocabSize, specialIds).MoveToOuterScope();
    }

    /// <summary>
    /// Whole-word masking (BERT's wwm): each word is selected with <paramref name="probability"/>, and every
    /// maskable token of a selected word is selected with it, so a word is hidden whole or not at all and a model
    /// cannot guess a sub-token from the rest of its word. The selected tokens are then replaced as in
    /// <see cref="MaskTokens"/>: a fraction <paramref name="replaceWithMask"/> by [MASK], <paramref name="replaceWithRandom"/>
    /// by a random non-special id, the rest kept (each token drawn on its own, as in BERT's create_pretraining_data).
    /// A word starts at every position where <paramref name="wordStarts"/> is non-zero and runs to the next start.
    /// </summary>
    /// <param name="ids">Token ids long [B,L].</param>
    /// <param name="attentionMask">1 (or true) on tokens, 0 on padding, [B,L].</param>
    /// <param name="wordStarts">Non-zero at the first token of each word (<see cref="TokenBatch.WordStarts"/>), [B,L].</param>
    /// <param name="probability">Selection probability per word, in [0,1].</param>
    /// <param name="replaceWithMask">Fraction of selected tokens replaced by [MASK].</param>
    /// <param name="replaceWithRandom">Fraction of selected tokens replaced by a random token; with replaceWithMask at most 1.</param>
    /// <param name="p">Probability that a sequence is masked at all (1 = always), in [0,1].</param>
    /// <param name="generator">The random source (on the tensors' device).</param>
    /// <param name="maskId">The [MASK] id.</param>
    /// <param name="vocabSize">Number of ids; random replacements are drawn below it.</param>
    /// <param name="specialIds">Ids never selected and never drawn as random replacements.</param>
    /// <exception cref="ArgumentException">Shapes or types do not fit, or the batch has no word starts.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A probability, id or size is out of range.</exception>
    public static TokenMaskResult WholeWordMask(Tensor ids, Tensor attentionMask, Tensor? wordStarts, double probability, double replaceWithMask, double replaceWithRandom, double p, Generator generator, int maskId, int vocabSize, long[] specialIds)
    {
        const string op = nameof(WholeWordMask);
        CheckBatch(op, ids, attentionMask);
        if (wordStarts is null)
        {
            throw new ArgumentException($"{op}: the batch has no word starts (TokenBatch.WordStarts); tokenize with ByteLevelTokenizer.ToDataset, which marks them, or set them yourself.", nameof(wordStarts));
        }

        Guard.SameShape(op, ids, wordStarts);
        Guard.Probability(op, probability);
        CheckReplacement(op, replaceWithMask, replaceWithRandom, p, generator, maskId, vocabSize, specialIds);

        using var scope = torch.NewDisposeScope();
        long b = ids.shape[0];
        long l = ids.shape[1];
        var gate = torch.rand(new[] { b, 1L }, device: ids.device, generator: generator).lt(p);

        // Word w of a row is the run of tokens after its w-th start; one draw per word, read by each of its tokens.
        var word = wordStarts.ne(0).cumsum(1, type: ScalarType.Int64);
        var draws = torch.rand(new[] { b, l + 1 }, device: ids.device, generator: generator);
        var selected = draws.gather(1, word).lt(probability)
            .logical_and(Maskable(ids, attentionMask, specialIds)).logical_and(gate);
        return Replace(ids, selected, replaceWithMask, replaceWithRandom, generator, maskId, vocabSize, specialIds).MoveToOuterScope();
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

    /// <summary>Checks the arguments BERT's 80/10/10 replacement shares between <see cref="MaskTokens"/> and <see cref="WholeWordMask"/>.</summary>
    private static void CheckReplacement(string op, double replaceWithMask, double replaceWithRandom, double p, Generator generator, int maskId, int vocabSize, long[] specialIds)
    {
        Guard.Generator(op, generator);
        Guard.NotNull(op, specialIds);
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

        if (specialIds.Where(id => id >= 0 && id < vocabSize).Distinct().Count() == vocabSize && replaceWithRandom > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(specialIds), $"{op}: specialIds must leave an id to draw as a random replacement, but every id of the vocabulary is special.");
        }
    }

    /// <summary>
    /// BERT's replacement of the <paramref name="selected"/> tokens: [MASK] below u &lt; replaceWithMask, a random
    /// non-special id for the next replaceWithRandom, unchanged otherwise; labels are the original ids there, -100 elsewhere.
    /// </summary>
    private static TokenMaskResult Replace(Tensor ids, Tensor selected, double replaceWithMask, double replaceWithRandom, Generator generator, int maskId, int vocabSize, long[] specialIds)
    {
        var device = ids.device;
        long b = ids.shape[0];
        long l = ids.shape[1];
        var u = torch.rand(new[] { b, l }, device: device, generator: generator);
        var toMask = selected.logical_and(u.lt(replaceWithMask));
        var toRandom = selected.logical_and(u.ge(replaceWithMask)).logical_and(u.lt(replaceWithMask + replaceWithRandom));

        // The non-special ids of the vocabulary (just [MASK] when there are none: then nothing is drawn from it).
        var vocabulary = torch.arange(vocabSize, dtype: ScalarType.Int64, device: device);
        var pool = specialIds.Where(id => id >= 0 && id < vocabSize).Distinct().Count() == vocabSize
            ? torch.tensor(new long[] { maskId }, device: device)
            : vocabulary.masked_select(Maskable(vocabulary, torch.ones_like(vocabulary), specialIds));
        var draws = torch.randint(0, pool.shape[0], new[] { b, l }, dtype: ScalarType.Int64, device: device, generator: generator);
        var randomIds = pool.index_select(0, draws.flatten()).view(b, l);

        var corrupted = torch.where(toRandom, randomIds, ids.masked_fill(toMask, maskId));
        var labels = ids.masked_fill(selected.logical_not(), TokenMaskResult.IgnoreIndex);
        return new TokenMaskResult(corrupted, labels);
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
