using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// MAE's light decoder: the encoder's states [B, 1 + K, D] (CLS, then the K visible patches in shuffled order) are
/// projected to the decoder's width, a learned mask token fills the N - K hidden places, the sequence is put back in
/// patch order (<see cref="PatchShuffle.Unshuffle"/>), a fixed 2-D sine-cosine position embedding is added, and a few
/// narrow pre-norm blocks, a LayerNorm and a linear layer predict every patch's p·p·C pixels: [B, N, p·p·C] (the CLS
/// state is dropped). The mask token starts at N(0, 0.02²) as in MAE.
/// </summary>
public sealed class MaeDecoder : nn.Module<Tensor, Tensor, Tensor>
{
    private const string MaskTokenName = "mask_token";
    private const string PositionsName = "positions";
    private readonly Linear _embedding;
    private readonly List<PreNormEncoderLayer> _layers = new();
    private readonly LayerNorm _norm;
    private readonly Linear _prediction;

    /// <summary>Creates the decoder.</summary>
    /// <param name="encoderWidth">Width D of the encoder's tokens.</param>
    /// <param name="rows">Rows of the patch grid.</param>
    /// <param name="columns">Columns of the patch grid.</param>
    /// <param name="patchValues">Values per patch, p·p·C.</param>
    /// <param name="hidden">The decoder's width (a multiple of 4 and of <paramref name="heads"/>).</param>
    /// <param name="layers">Number of blocks.</param>
    /// <param name="heads">Attention heads per block.</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or the width is not a multiple of 4 and of the heads.</exception>
    public MaeDecoder(int encoderWidth, int rows, int columns, int patchValues, int hidden, int layers, int heads, string name = "mae_decoder")
        : base(name)
    {
        const string op = nameof(MaeDecoder);
        Guard.Positive(op, encoderWidth);
        Guard.Positive(op, patchValues);
        Guard.Positive(op, layers);
        Guard.Positive(op, heads);
        if (hidden % heads != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hidden), hidden, $"{op}: hidden {hidden} must be a multiple of heads {heads}.");
        }

        _embedding = nn.Linear(encoderWidth, hidden);
        register_module("embedding", _embedding);
        register_parameter(MaskTokenName, nn.Parameter(torch.randn(1, 1, hidden).mul_(0.02)));
        register_buffer(PositionsName, SinCosPositions.Grid(rows, columns, hidden).unsqueeze(0), persistent: false);
        for (int i = 0; i < layers; i++)
        {
            var layer = new PreNormEncoderLayer(hidden, heads);
            _layers.Add(layer);
            register_module($"layer{i}", layer);
        }

        _norm = nn.LayerNorm(hidden);
        _prediction = nn.Linear(hidden, patchValues);
        register_module("norm", _norm);
        register_module("prediction", _prediction);
        Patches = rows * columns;
        Hidden = hidden;
    }

    /// <summary>Patches per image, N.</summary>
    public int Patches { get; }

    /// <summary>The decoder's width.</summary>
    public int Hidden { get; }

    /// <summary>The learned token of a hidden patch [1, 1, Hidden].</summary>
    public Tensor MaskToken => get_parameter(MaskTokenName)!;

    /// <summary>The fixed sine-cosine position embedding [1, N, Hidden].</summary>
    public Tensor Positions => get_buffer(PositionsName)!;

    /// <summary>Predicts every patch from the encoder's states of the visible ones.</summary>
    /// <param name="latent">The encoder's states [B, 1 + K, D]: CLS, then the visible patches in shuffled order.</param>
    /// <param name="restore">long [B, N]: <see cref="PatchShuffle.Restore"/>.</param>
    /// <returns>[B, N, p·p·C], in patch order.</returns>
    /// <exception cref="ArgumentException">The shapes do not fit.</exception>
    public override Tensor forward(Tensor latent, Tensor restore)
    {
        const string op = nameof(MaeDecoder);
        Guard.Rank(op, latent, 3, "[B, 1 + K, D]");
        Guard.Int64(op, restore);
        if (restore.dim() != 2 || restore.shape[0] != latent.shape[0] || restore.shape[1] != Patches || latent.shape[1] - 1 > Patches)
        {
            throw new ArgumentException($"{op}: restore must be long [B, {Patches}] for the latent {Guard.Shape(latent)}, but its shape is {Guard.Shape(restore)}.", nameof(restore));
        }

        using var scope = torch.NewDisposeScope();
        long batch = latent.shape[0];
        var x = _embedding.call(latent);
        var cls = x.narrow(1, 0, 1);
        var visible = x.narrow(1, 1, x.shape[1] - 1);
        var masks = MaskToken.expand(batch, Patches - visible.shape[1], Hidden);
        var tokens = PatchShuffle.Gather(torch.cat(new[] { visible, masks }, 1), restore).add(Positions);
        x = PreNormEncoderLayer.Unpadded(_layers, torch.cat(new[] { cls, tokens }, 1));
        var predicted = _prediction.call(_norm.call(x));
        return predicted.narrow(1, 1, Patches).MoveToOuterDisposeScope();
    }
}
