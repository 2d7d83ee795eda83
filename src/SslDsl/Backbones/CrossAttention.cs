using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Multi-head attention from queries x [B,T,W] to a memory [B,L,W] (an encoder's token states), ignoring the
/// memory's padding (bool [B,L], true = padding): the cross-attention of a transformer decoder.
/// </summary>
public sealed class CrossAttention : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private const double PaddingScore = -1e9;
    private readonly Linear _query;
    private readonly Linear _keyValue;
    private readonly Linear _out;

    /// <summary>Creates the attention with <paramref name="heads"/> heads over <paramref name="width"/> features.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or <paramref name="width"/> is not a multiple of <paramref name="heads"/>.</exception>
    public CrossAttention(int width, int heads, string name = "cross_attention")
        : base(name)
    {
        Guard.Positive(nameof(CrossAttention), width);
        Guard.Positive(nameof(CrossAttention), heads);
        if (width % heads != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(heads), heads, $"CrossAttention: width {width} must be a multiple of heads {heads}.");
        }

        _query = nn.Linear(width, width);
        _keyValue = nn.Linear(width, 2 * width);
        _out = nn.Linear(width, width);
        register_module("query", _query);
        register_module("key_value", _keyValue);
        register_module("out", _out);
        Width = width;
        Heads = heads;
    }

    /// <summary>Model width.</summary>
    public int Width { get; }

    /// <summary>Number of heads.</summary>
    public int Heads { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor x, Tensor memory, Tensor memoryPadding)
    {
        using var scope = torch.NewDisposeScope();
        long b = x.shape[0];
        long t = x.shape[1];
        long l = memory.shape[1];
        long headDim = Width / Heads;
        var q = _query.call(x).view(b, t, Heads, headDim).transpose(1, 2);                          // [B,H,T,Dh]
        var kv = _keyValue.call(memory).view(b, l, 2, Heads, headDim).permute(2, 0, 3, 1, 4);        // [2,B,H,L,Dh]
        var scores = q.matmul(kv[0].transpose(-2, -1)).div_(Math.Sqrt(headDim));
        scores = scores.masked_fill(memoryPadding.view(b, 1, 1, l), PaddingScore);
        var context = scores.softmax(-1).matmul(kv[1]).transpose(1, 2).reshape(b, t, Width);
        return _out.call(context).MoveToOuterDisposeScope();
    }
}
