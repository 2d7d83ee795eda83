using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// A pre-norm transformer encoder layer: x + Attention(LN(x)), then x + FFN(LN(x)) with a GELU FFN
/// of 4 x width hidden units. Takes x [B,L,W] and a key padding mask bool [B,L] (true = padding).
/// </summary>
public sealed class PreNormEncoderLayer : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly LayerNorm _norm1;
    private readonly MaskedSelfAttention _attention;
    private readonly LayerNorm _norm2;
    private readonly Sequential _feedForward;

    /// <summary>Creates the layer.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">A size is not positive, or width is not a multiple of heads.</exception>
    public PreNormEncoderLayer(int width, int heads, bool causal = false, string name = "layer")
        : base(name)
    {
        _attention = new MaskedSelfAttention(width, heads, causal);
        _norm1 = nn.LayerNorm(width);
        _norm2 = nn.LayerNorm(width);
        _feedForward = nn.Sequential(
            ("linear1", nn.Linear(width, 4 * width)),
            ("gelu", nn.GELU()),
            ("linear2", nn.Linear(4 * width, width)));
        register_module("norm1", _norm1);
        register_module("attention", _attention);
        register_module("norm2", _norm2);
        register_module("feed_forward", _feedForward);
    }

    /// <summary>Runs <paramref name="x"/> [B, L, W] through <paramref name="layers"/> in order, every token attending to every other (no padding).</summary>
    public static Tensor Unpadded(IEnumerable<PreNormEncoderLayer> layers, Tensor x)
    {
        using var noPadding = torch.zeros(new[] { x.shape[0], x.shape[1] }, dtype: ScalarType.Bool, device: x.device);
        foreach (var layer in layers)
        {
            x = layer.call(x, noPadding);
        }

        return x;
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x, Tensor keyPadding)
    {
        using var scope = torch.NewDisposeScope();
        var h = x.add(_attention.call(_norm1.call(x), keyPadding));
        var y = h.add(_feedForward.call(_norm2.call(h)));
        return y.MoveToOuterDisposeScope();
    }
}
