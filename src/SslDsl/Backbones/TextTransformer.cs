using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// A small pre-norm transformer encoder for token ids long [B,L] that returns token states
/// float [B,L,OutputDim]. Padding (ids equal to <see cref="PadId"/>) is masked out of every
/// attention, so tokens at padded positions do not change the states at real positions.
/// Top-level children: <c>embedding</c>, <c>layer0</c> to <c>layer{depth-1}</c>, <c>head</c> (final LayerNorm and Linear).
/// Pool the states with <see cref="Backbones.MeanPool"/> for a sequence representation.
/// </summary>
public sealed class TextTransformer : nn.Module<Tensor, Tensor>
{
    private readonly TokenPositionEmbedding _embedding;
    private readonly List<PreNormEncoderLayer> _layers = new();
    private readonly Sequential _head;

    /// <summary>Creates the encoder; see <see cref="Backbones.TransformerEncoder"/>.</summary>
    public TextTransformer(int vocabSize, int maxLength, int width, int outputDim, int depth, int heads, int padId, bool causal = false, string name = "transformer")
        : base(name)
    {
        const string backbone = nameof(Backbones.TransformerEncoder);
        Guard.Positive(backbone, vocabSize);
        Guard.Positive(backbone, maxLength);
        Guard.Positive(backbone, width);
        Guard.Positive(backbone, outputDim);
        Guard.Positive(backbone, depth);
        Guard.Positive(backbone, heads);
        if (width % heads != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(heads), heads, $"{backbone}: width {width} must be a multiple of heads {heads}.");
        }

        if (padId < 0 || padId >= vocabSize)
        {
            throw new ArgumentOutOfRangeException(nameof(padId), padId, $"{backbone}: padId must be in [0, vocabSize {vocabSize}).");
        }

        _embedding = new TokenPositionEmbedding(vocabSize, maxLength, width);
        register_module("embedding", _embedding);
        for (int i = 0; i < depth; i++)
        {
            var layer = new PreNormEncoderLayer(width, heads, causal);
            _layers.Add(layer);
            register_module($"layer{i}", layer);
        }

        _head = nn.Sequential(
            ("norm", nn.LayerNorm(width)),
            ("linear", nn.Linear(width, outputDim)));
        register_module("head", _head);

        VocabSize = vocabSize;
        MaxLength = maxLength;
        Width = width;
        OutputDim = outputDim;
        Depth = depth;
        Heads = heads;
        PadId = padId;
        Causal = causal;
    }

    /// <summary>Whether attention is causal (each token sees only itself and earlier tokens).</summary>
    public bool Causal { get; }

    /// <summary>Number of token ids.</summary>
    public int VocabSize { get; }

    /// <summary>Longest sequence accepted.</summary>
    public int MaxLength { get; }

    /// <summary>Model width.</summary>
    public int Width { get; }

    /// <summary>Width of each token state.</summary>
    public int OutputDim { get; }

    /// <summary>Number of encoder layers.</summary>
    public int Depth { get; }

    /// <summary>Attention heads.</summary>
    public int Heads { get; }

    /// <summary>The padding id: keys holding it are ignored by attention.</summary>
    public int PadId { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The ids are not long [B,L], too long, or outside the vocabulary.</exception>
    public override Tensor forward(Tensor ids)
    {
        using var scope = torch.NewDisposeScope();
        var keyPadding = ids.eq(PadId);
        var x = _embedding.call(ids);
        foreach (var layer in _layers)
        {
            x = layer.call(x, keyPadding);
        }

        return _head.call(x).MoveToOuterDisposeScope();
    }
}
