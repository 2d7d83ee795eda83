using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// TS2Vec's encoder (<c>TSEncoder</c> of the reference code): a linear input projection of every step to
/// <c>width</c> features, TS2Vec's timestamp masking on those latent vectors, <c>depth</c> <see cref="DilatedConvBlock"/>s
/// of <c>width</c> channels with dilations 1, 2, 4, ... and a last block to <see cref="OutputDim"/> (dilation 2^depth),
/// then dropout 0.1. <see cref="EncodeTimestamps"/> gives [B,T,D]; <see cref="forward"/> max-pools it over time to
/// the series' representation [B,D] (TS2Vec's instance-level representation).
/// </summary>
public sealed class DilatedConvEncoder : nn.Module<Tensor, Tensor>, ITimestampEncoder
{
    private readonly Linear input;
    private readonly Sequential blocks;
    private readonly Dropout dropout;

    /// <summary>Creates the encoder for series of <paramref name="inChannels"/> channels.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">A size is not positive, or depth is above 30.</exception>
    public DilatedConvEncoder(int inChannels, int width, int outputDim, int depth, string name = "dilated_conv")
        : base(name)
    {
        const string op = nameof(DilatedConvEncoder);
        Guard.Positive(op, inChannels);
        Guard.Positive(op, width);
        Guard.Positive(op, outputDim);
        Guard.InRange(op, depth, 1, 30, "dilations up to 2^depth");
        input = nn.Linear(inChannels, width);
        var list = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int i = 0; i <= depth; i++)
        {
            bool last = i == depth;
            list.Add(($"block{i}", new DilatedConvBlock(width, last ? outputDim : width, dilation: 1 << i, final: last)));
        }

        blocks = nn.Sequential(list);
        dropout = nn.Dropout(0.1);
        OutputDim = outputDim;
        RegisterComponents();
    }

    /// <summary>Width of every step's representation.</summary>
    public int OutputDim { get; }

    /// <inheritdoc />
    public Tensor EncodeTimestamps(Tensor x, Tensor? kept = null)
    {
        const string op = nameof(EncodeTimestamps);
        Guard.FloatRank(op, x, 3, "[B,C,T]");
        using var scope = torch.NewDisposeScope();
        var latent = input.call(x.transpose(1, 2));
        if (kept is not null)
        {
            if (kept.dim() != 2 || kept.shape[0] != x.shape[0] || kept.shape[1] != x.shape[2])
            {
                throw new System.ArgumentException(
                    $"{op}: kept must be a [B,T] mask of the series' {x.shape[0]} x {x.shape[2]} steps, but its shape is {Guard.Shape(kept)}.", nameof(kept));
            }

            latent = latent.masked_fill(kept.logical_not().unsqueeze(2), 0.0);
        }

        var states = dropout.call(blocks.call(latent.transpose(1, 2)));
        return states.transpose(1, 2).MoveToOuterDisposeScope();
    }

    /// <summary>The representation of each series [B,D]: the per-step states max-pooled over time.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        return EncodeTimestamps(input).amax(1).MoveToOuterDisposeScope();
    }
}
