using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// MAE's random masking of a batch of patch sequences: every sample gets its own random order of its N patches;
/// the first <see cref="Kept"/> of that order stay visible (the encoder sees only them), the rest are hidden.
/// </summary>
/// <param name="Keep">long [B, K]: the indices of the visible patches, in shuffled order.</param>
/// <param name="Restore">long [B, N]: the inverse permutation; gathering [visible, hidden] tokens with it restores patch order.</param>
/// <param name="Mask">float [B, N]: 1 where a patch is hidden, 0 where it is visible, in patch order.</param>
public sealed record PatchShuffle(Tensor Keep, Tensor Restore, Tensor Mask) : IDisposable
{
    /// <summary>How many of <paramref name="patches"/> patches stay visible when <paramref name="ratio"/> of them are hidden: ⌊N·(1 - ratio)⌋, as MAE.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The ratio is outside (0, 1) or the count is not positive.</exception>
    public static int Kept(int patches, double ratio)
    {
        const string op = nameof(PatchShuffle);
        Guard.Positive(op, patches);
        Guard.OpenFraction(op, ratio);
        return (int)(patches * (1 - ratio));
    }

    /// <summary>Draws a shuffle for <paramref name="batch"/> samples of <paramref name="patches"/> patches, hiding <paramref name="ratio"/> of each.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, the ratio is outside (0, 1), or it keeps no patch.</exception>
    public static PatchShuffle Random(long batch, int patches, double ratio, Generator? generator, Device device)
    {
        const string op = nameof(PatchShuffle);
        Guard.Positive(op, (double)batch, nameof(batch));
        int kept = Kept(patches, ratio);
        if (kept < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, $"{op}: hiding {ratio} of {patches} patches keeps none visible; use a ratio below {1 - 1.0 / patches}.");
        }

        using var scope = torch.NewDisposeScope();
        var noise = torch.rand(new[] { batch, (long)patches }, generator: generator, device: device);
        var order = noise.argsort(1);
        var restore = order.argsort(1);
        var keep = order.narrow(1, 0, kept);
        var hidden = torch.ones(new[] { batch, (long)patches }, device: device);
        hidden.narrow(1, 0, kept).zero_();
        var mask = hidden.gather(1, restore);
        return new PatchShuffle(keep.MoveToOuterDisposeScope(), restore.MoveToOuterDisposeScope(), mask.MoveToOuterDisposeScope());
    }

    /// <summary>The tokens [B, N, D] at <paramref name="indices"/> long [B, K] of every sample: [B, K, D].</summary>
    /// <exception cref="ArgumentException">The shapes do not match.</exception>
    public static Tensor Gather(Tensor tokens, Tensor indices)
    {
        const string op = nameof(Gather);
        Guard.Rank(op, tokens, 3, "[B, N, D]");
        Guard.Int64(op, indices);
        if (indices.dim() != 2 || indices.shape[0] != tokens.shape[0])
        {
            throw new ArgumentException($"{op}: indices must be long [B, K] with the tokens' B = {tokens.shape[0]}, but their shape is {Guard.Shape(indices)}.", nameof(indices));
        }

        return tokens.gather(1, indices.unsqueeze(-1).expand(indices.shape[0], indices.shape[1], tokens.shape[2]));
    }

    /// <summary>The visible tokens of <paramref name="tokens"/> [B, N, D]: [B, K, D] in shuffled order.</summary>
    public Tensor Visible(Tensor tokens) => Gather(tokens, Keep);

    /// <summary>Tokens in shuffled order [B, N, D] (the visible ones first) back in patch order.</summary>
    public Tensor Unshuffle(Tensor shuffled) => Gather(shuffled, Restore);

    /// <summary>Releases the three tensors.</summary>
    public void Dispose()
    {
        Keep.Dispose();
        Restore.Dispose();
        Mask.Dispose();
    }
}
