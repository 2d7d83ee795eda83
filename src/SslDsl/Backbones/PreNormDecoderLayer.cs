using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// A pre-norm transformer decoder layer: x + CausalSelfAttention(LN(x)), then x + CrossAttention(LN(x), memory),
/// then x + FFN(LN(x)) with a GELU FFN of 4 x width hidden units. Takes x [B,T,W], the memory [B,L,W] and the
/// memory's padding mask bool [B,L] (true = padding).
/// </summary>
public sealed class PreNormDecoderLayer : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly LayerNorm _norm1;
    private readonly MaskedSelfAttention _selfAttention;
    private readonly LayerNorm _norm2;
    private readonly CrossAttention _crossAttention;
    private readonly LayerNorm _norm3;
    private readonly Sequential _feedForward;

    /// <summary>Creates the layer.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">A size is not positive, or width is not a multiple of heads.</exception>
    public PreNormDecoderLayer(int width, int heads, string name = "decoder_layer")
        : base(name)
    {
        _norm1 = nn.LayerNorm(width);
        _selfAttention = new MaskedSelfAttention(width, heads, causal: true);
        _norm2 = nn.LayerNorm(width);
        _crossAttention = new CrossAttention(width, heads);
        _norm3 = nn.LayerNorm(width);
        _feedForward = nn.Sequential(
            ("linear1", nn.Linear(width, 4 * width)),
            ("gelu", nn.GELU()),
            ("linear2", nn.Linear(4 * width, width)));
        register_module("norm1", _norm1);
        register_module("self_attention", _selfAttention);
        register_module("norm2", _norm2);
        register_module("cross_attention", _crossAttention);
        register_module("norm3", _norm3);
        register_module("feed_forward", _feedForward);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x, Tensor memory, Tensor memoryPadding)
    {
        using var scope = torch.NewDisposeScope();

        // Causal attention alone keeps each position from seeing later ones; the start token is the pad id, so no key padding here.
        var none = torch.zeros(x.shape[0], x.shape[1], ScalarType.Bool, device: x.device);
        var h = x.add(_selfAttention.call(_norm1.call(x), none));
        h = h.add(_crossAttention.call(_norm2.call(h), memory, memoryPadding));
        var y = h.add(_feedForward.call(_norm3.call(h)));
        return y.MoveToOuterDisposeScope();
    }
}
