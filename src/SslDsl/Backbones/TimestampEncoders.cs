using System;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Calls the per-step encoding of an encoder held as a plain <c>nn.Module&lt;Tensor, Tensor&gt;</c>.</summary>
public static class TimestampEncoders
{
    /// <summary>
    /// <paramref name="encoder"/>'s per-step representations [B,T,D] of <paramref name="x"/> [B,C,T], the steps where
    /// <paramref name="kept"/> is false masked.
    /// </summary>
    /// <exception cref="ArgumentException">The encoder does not implement <see cref="ITimestampEncoder"/> (for example one that pools over time).</exception>
    public static Tensor Encode(nn.Module<Tensor, Tensor> encoder, Tensor x, Tensor? kept)
    {
        Guard.NotNull(nameof(Encode), encoder);
        return encoder is ITimestampEncoder timestamps
            ? timestamps.EncodeTimestamps(x, kept)
            : throw new ArgumentException(
                $"TS2Vec needs an encoder that gives a representation per time step (ITimestampEncoder, e.g. Backbones.DilatedConv), but the encoder is a {encoder.GetType().Name}, which does not.",
                nameof(encoder));
    }
}
