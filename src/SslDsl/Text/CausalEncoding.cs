using System;
using System.Runtime.CompilerServices;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Encodes token ids for next-token prediction, checking once per encoder that it is causal: a position's state must
/// not depend on later tokens, or predicting the next token is copying it. The generator builds its own transformer
/// causal; an <c>[Encoder]</c> member is the user's to build, so its first batch is checked: in eval mode, without
/// gradients, the last token of the first sequence is replaced and the states of every earlier position must stay
/// as they were.
/// </summary>
public static class CausalEncoding
{
    private static readonly ConditionalWeakTable<nn.Module, object> Checked = new();

    /// <summary>
    /// <paramref name="encoder"/>'s token states [B,L,D] for <paramref name="ids"/> [B,L]; the first call for an encoder
    /// first checks that it is causal.
    /// </summary>
    /// <exception cref="ArgumentException">The encoder lets a position see later tokens.</exception>
    public static Tensor Encode(nn.Module<Tensor, Tensor> encoder, Tensor ids)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(ids);
        if (!Checked.TryGetValue(encoder, out _) && Check(encoder, ids))
        {
            Checked.AddOrUpdate(encoder, true);
        }

        return encoder.call(ids);
    }

    /// <summary>
    /// Checks causality on the first sequence of <paramref name="ids"/>; false when this batch cannot tell (a single
    /// position, one distinct id, or states that are not per token), so that a later batch checks again.
    /// </summary>
    private static bool Check(nn.Module<Tensor, Tensor> encoder, Tensor ids)
    {
        if (ids.dim() != 2 || ids.shape[1] < 2)
        {
            return false;
        }

        using var scope = torch.NewDisposeScope();
        long length = ids.shape[1];
        var first = ids.narrow(0, 0, 1);
        long last = first[0, length - 1].item<long>();
        long low = ids.min().item<long>(), high = ids.max().item<long>();
        if (low == high)
        {
            return false;
        }

        var changed = first.clone();
        changed[0, length - 1] = torch.tensor(last == high ? low : high, ScalarType.Int64, device: ids.device);
        bool training = encoder.training;
        Tensor before, after;
        try
        {
            encoder.eval();
            using var noGrad = torch.no_grad();
            before = encoder.call(first);
            after = encoder.call(changed);
        }
        finally
        {
            encoder.train(training);
        }

        if (before.dim() != 3 || before.shape[1] != length)
        {
            return false;
        }

        var earlier = before.narrow(1, 0, length - 1);
        double moved = after.narrow(1, 0, length - 1).sub(earlier).abs().max().item<float>();
        double scale = Math.Max(1.0, earlier.abs().max().item<float>());
        if (moved > 1e-4 * scale)
        {
            throw new ArgumentException(
                $"Next-token prediction needs a causal encoder, but this one lets a position see later tokens: changing the last of {length} tokens moved " +
                FormattableString.Invariant($"the states of earlier positions by up to {moved:G3}. ") +
                "Build it causal (Backbones.TransformerEncoder(..., causal: true), or a causal attention mask), or declare [Backbone(BackboneKind.TransformerEncoder, ...)], which the generator builds causal; otherwise the task only learns to copy the next token.",
                nameof(encoder));
        }

        return true;
    }
}
