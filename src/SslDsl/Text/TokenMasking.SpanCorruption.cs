using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>T5's span corruption (Raffel et al. 2020, section 3.1.4 and t5.data.preprocessors.random_spans_noise_mask).</summary>
public static partial class TokenMasking
{
    /// <summary>
    /// T5 span corruption. In each sequence (taken with probability <paramref name="p"/>) with n maskable tokens (inside
    /// the attention mask, not special), N = round(n * <paramref name="noiseDensity"/>) tokens (at least 1, at most n - 1)
    /// are noise, in K = max(1, round(N / <paramref name="meanSpan"/>)) spans; the noise and the kept tokens are each cut
    /// into K segments of at least one token at uniformly drawn cut points, and the segments alternate, kept first, as in
    /// T5's random_spans_noise_mask (round half to even, as tf.round). Span k is replaced in the input by the sentinel
    /// id <c>vocabSize - 1 - k</c> (T5's &lt;extra_id_k&gt;); the target is sentinel 0, span 0, sentinel 1, span 1, ...,
    /// then the closing sentinel K (the paper's Figure 2), cut to L tokens. Special tokens stay where they are. A sequence with fewer
    /// than 2 maskable tokens, or not taken, is kept and has no target.
    /// </summary>
    /// <param name="ids">Token ids long [B,L].</param>
    /// <param name="attentionMask">1 (or true) on tokens, 0 on padding, [B,L].</param>
    /// <param name="noiseDensity">Fraction of the maskable tokens in noise spans, in (0,1) (T5: 0.15).</param>
    /// <param name="meanSpan">Mean noise span length, at least 1 (T5: 3).</param>
    /// <param name="p">Probability that a sequence is corrupted at all (1 = always), in [0,1].</param>
    /// <param name="generator">The random source (on the tensors' device).</param>
    /// <param name="padId">The padding id, also the decoder's start token (as in T5).</param>
    /// <param name="vocabSize">Number of ids; the sentinels are its top ids.</param>
    /// <param name="specialIds">Ids never corrupted; no sentinel may be one of them.</param>
    /// <exception cref="ArgumentException">Shapes or types do not fit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A fraction, id or size is out of range, or the sentinels reach the special ids.</exception>
    public static SpanCorruptionResult SpanCorruption(Tensor ids, Tensor attentionMask, double noiseDensity, double meanSpan, double p, Generator generator, int padId, int vocabSize, long[] specialIds)
    {
        const string op = nameof(SpanCorruption);
        CheckBatch(op, ids, attentionMask);
        Guard.OpenFraction(op, noiseDensity);
        Guard.AtLeast(op, meanSpan, 1.0);
        Guard.Probability(op, p);
        Guard.Generator(op, generator);
        Guard.NotNull(op, specialIds);
        Guard.Positive(op, vocabSize);
        if (padId < 0 || padId >= vocabSize)
        {
            throw new ArgumentOutOfRangeException(nameof(padId), padId, $"{op}: padId must be an id of the vocabulary, in [0, {vocabSize}), but it is {padId}.");
        }

        int b = (int)ids.shape[0];
        int l = (int)ids.shape[1];
        long highestSpecial = specialIds.Append(padId).Max();
        int sentinels = SentinelCount(l, noiseDensity, meanSpan);
        if (vocabSize - sentinels <= highestSpecial)
        {
            throw new ArgumentOutOfRangeException(nameof(vocabSize), vocabSize,
                $"{op}: sequences of {l} tokens need up to {sentinels} sentinels, the ids {vocabSize - sentinels} to {vocabSize - 1}, but they reach the special id {highestSpecial}; raise vocabSize.");
        }

        using var scope = torch.NewDisposeScope();
        var rows = ids.cpu().data<long>().ToArray();
        var maskable = Maskable(ids, attentionMask, specialIds).cpu().data<bool>().ToArray();
        var inside = attentionMask.ne(0).cpu().data<bool>().ToArray();
        var taken = torch.rand(new long[] { b }, device: ids.device, generator: generator).lt(p).cpu().data<bool>().ToArray();

        var input = Enumerable.Repeat((long)padId, b * l).ToArray();
        var inputMask = new long[b * l];
        var decoder = Enumerable.Repeat((long)padId, b * l).ToArray();
        var targets = Enumerable.Repeat(TokenMaskResult.IgnoreIndex, b * l).ToArray();
        for (int r = 0; r < b; r++)
        {
            int offset = r * l;
            var content = Enumerable.Range(0, l).Where(j => maskable[offset + j]).ToArray();
            var noise = taken[r] && content.Length >= 2
                ? NoiseMask(content.Length, noiseDensity, meanSpan, generator, ids.device)
                : new bool[content.Length];
            var isNoise = new bool[l];
            for (int c = 0; c < content.Length; c++)
            {
                isNoise[content[c]] = noise[c];
            }

            var corrupted = new List<long>(l);
            var target = new List<long>(l);
            int span = -1;
            bool inSpan = false;
            for (int j = 0; j < l; j++)
            {
                if (!inside[offset + j])
                {
                    continue;
                }

                if (!isNoise[j])
                {
                    corrupted.Add(rows[offset + j]);
                    inSpan &= !maskable[offset + j];
                    continue;
                }

                if (!inSpan)
                {
                    span++;
                    inSpan = true;
                    corrupted.Add(vocabSize - 1 - span);
                    target.Add(vocabSize - 1 - span);
                }

                target.Add(rows[offset + j]);
            }

            if (span >= 0)
            {
                target.Add(vocabSize - 2 - span);
            }

            for (int j = 0; j < corrupted.Count; j++)
            {
                input[offset + j] = corrupted[j];
                inputMask[offset + j] = 1;
            }

            // N + K + 1 tokens fit in L unless every position is maskable: then the closing sentinel is cut.
            for (int j = 0; j < Math.Min(target.Count, l); j++)
            {
                targets[offset + j] = target[j];
                if (j + 1 < l)
                {
                    decoder[offset + j + 1] = target[j];
                }
            }
        }

        var shape = new long[] { b, l };
        var device = ids.device;
        return new SpanCorruptionResult(
            torch.tensor(input, shape).to(device).MoveToOuterDisposeScope(),
            torch.tensor(inputMask, shape).to(device).MoveToOuterDisposeScope(),
            torch.tensor(decoder, shape).to(device).MoveToOuterDisposeScope(),
            torch.tensor(targets, shape).to(device).MoveToOuterDisposeScope());
    }

    /// <summary>
    /// The most sentinels <see cref="SpanCorruption"/> uses for a sequence of <paramref name="length"/> positions: one per
    /// noise span plus the closing one. Reserve that many ids at the top of the vocabulary (T5 reserves 100).
    /// </summary>
    /// <remarks>
    /// T5's span count never falls as the sequence grows (every term of <see cref="SpanCounts"/> is non-decreasing in n),
    /// so the most over all lengths up to <paramref name="length"/> is the count at <paramref name="length"/> itself.
    /// </remarks>
    public static int SentinelCount(int length, double noiseDensity, double meanSpan) =>
        length < 2 ? 0 : SpanCounts(length, noiseDensity, meanSpan).Spans + 1;

    /// <summary>T5's counts for n tokens: N noise tokens, in K spans (each span, and each kept segment, at least one token).</summary>
    internal static (int Noise, int Spans) SpanCounts(int n, double noiseDensity, double meanSpan)
    {
        int noise = Math.Min(Math.Max((int)Math.Round(n * noiseDensity), 1), n - 1);
        int spans = Math.Max((int)Math.Round(noise / meanSpan), 1);
        return (noise, Math.Min(spans, Math.Min(noise, n - noise)));
    }

    /// <summary>T5's random_spans_noise_mask over n tokens: kept and noise segments alternating, kept first.</summary>
    internal static bool[] NoiseMask(int n, double noiseDensity, double meanSpan, Generator generator, Device device)
    {
        var (noise, spans) = SpanCounts(n, noiseDensity, meanSpan);
        var noiseLengths = RandomSegmentation(noise, spans, generator, device);
        var keptLengths = RandomSegmentation(n - noise, spans, generator, device);
        var mask = new bool[n];
        int position = 0;
        for (int s = 0; s < spans; s++)
        {
            position += keptLengths[s];
            for (int k = 0; k < noiseLengths[s]; k++)
            {
                mask[position++] = true;
            }
        }

        return mask;
    }

    /// <summary>Cuts <paramref name="items"/> into <paramref name="segments"/> non-empty runs at uniformly drawn cut points (T5's _random_segmentation).</summary>
    private static int[] RandomSegmentation(int items, int segments, Generator generator, Device device)
    {
        using var order = torch.randperm(items - 1, generator: generator, device: device).cpu();
        var cuts = order.data<long>().Take(segments - 1).Select(c => (int)c + 1).OrderBy(c => c).Append(items).ToArray();
        var lengths = new int[segments];
        int start = 0;
        for (int s = 0; s < segments; s++)
        {
            lengths[s] = cuts[s] - start;
            start = cuts[s];
        }

        return lengths;
    }
}
