using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Multi-head self-attention that ignores padding: x [B,L,W] and a key padding mask bool [B,L]
/// (true = padding) to [B,L,W]. Padded keys get a score of -1e9 before the softmax, so their
/// weight is exactly zero for every query that has at least one real key. A causal attention
/// also hides every key after its query (autoregressive language modelling).
/// </summary>
public sealed class MaskedSelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private const double PaddingScore = -1e9;
    private readonly Linear _qkv;
    private readonly Linear _out;

    /// <summary>Creates the attention with <paramref name="heads"/> heads over <paramref name="width"/> features.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or <paramref name="width"/> is not a multiple of <paramref name="heads"/>.</exception>
    public MaskedSelfAttention(int width, int heads, bool causal = false, string name = "attention")
        : base(name)
    {
        Guard.Positive(nameof(MaskedSelfAttention), width);
        Guard.Positive(nameof(MaskedSelfAttention), heads);
        if (width % heads != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(heads), heads, $"MaskedSelfAttention: width {width} must be a multiple of heads {heads}.");
        }

        _qkv = nn.Linear(width, 3 * width);
        _out = nn.Linear(width, width);
        register_module("qkv", _qkv);
        register_module("out", _out);
        Width = width;
        Heads = heads;
        Causal = causal;
    }

    /// <summary>Whether each query sees only keys at or before its position.</summary>
    public bool Causal { get; }

    /// <summary>Model width.</summary>
    public int Width { get; }

    /// <summary>Number of heads.</summary>
    public int Heads { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor x, Tensor keyPadding)
    {
        using var scope = torch.NewDisposeScope();
        long b = x.shape[0];
        long l = x.shape[1];
        long headDim = Width / Heads;

        // [B,L,3W] -> [3,B,H,L,Dh]
        var qkv = _qkv.call(x).view(b, l, 3, Heads, headDim).permute(2, 0, 3, 1, 4);
        var q = qkv[0];
        var k = qkv[1];
        var v = qkv[2];

        var scores = q.matmul(k.transpose(-2, -1)).div_(Math.Sqrt(headDim));
        scores = scores.masked_fill(keyPadding.view(b, 1, 1, l), PaddingScore);
        if (Causal)
        {
            var future = torch.ones(l, l, ScalarType.Bool, device: x.device).triu(1);
            scores = scores.masked_fill(future.view(1, 1, l, l), PaddingScore);
        }
        var weights = scores.softmax(-1);
        var context = weights.matmul(v).transpose(1, 2).reshape(b, l, Width);
        return _out.call(context).MoveToOuterDisposeScope();
    }
}
