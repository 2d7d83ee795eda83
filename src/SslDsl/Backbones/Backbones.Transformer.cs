using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

public static partial class Backbones
{
    /// <summary>
    /// A small transformer encoder for token ids long [B,L] (L &lt;= <paramref name="maxLength"/>) returning token
    /// states float [B,L,<paramref name="outputDim"/>]: token plus learned position embeddings, <paramref name="depth"/>
    /// pre-norm layers of multi-head self-attention that ignores padding (keys whose id is <paramref name="padId"/>)
    /// and a GELU feed-forward, a final LayerNorm and a linear layer. See <see cref="TextTransformer"/>.
    /// With <paramref name="causal"/>, every token attends only to itself and earlier tokens (next-token prediction).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, width is not a multiple of heads, or padId is outside the vocabulary.</exception>
    public static TextTransformer TransformerEncoder(int vocabSize, int maxLength, int width = 32, int outputDim = 128, int depth = 2, int heads = 4, int padId = 0, bool causal = false) =>
        new(vocabSize, maxLength, width, outputDim, depth, heads, padId, causal);

    /// <summary>
    /// Mean of the token states over the real (non-padding) tokens: [B,L,D] and an attention mask [B,L]
    /// (1 or true = token, 0 = padding) to [B,D]. A sequence with no real token pools to zeros.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not match.</exception>
    public static Tensor MeanPool(Tensor states, Tensor attentionMask)
    {
        if (states.dim() != 3 || attentionMask.dim() != 2 || states.shape[0] != attentionMask.shape[0] || states.shape[1] != attentionMask.shape[1])
        {
            throw new ArgumentException(
                $"MeanPool needs states [B,L,D] and an attention mask [B,L]; got [{string.Join(",", states.shape)}] and [{string.Join(",", attentionMask.shape)}].",
                nameof(attentionMask));
        }

        using var scope = torch.NewDisposeScope();
        var weights = attentionMask.ne(0).to_type(states.dtype).unsqueeze(-1);
        var sum = states.mul(weights).sum(1);
        var count = weights.sum(1).clamp_min(1);
        return sum.div(count).MoveToOuterDisposeScope();
    }
}
