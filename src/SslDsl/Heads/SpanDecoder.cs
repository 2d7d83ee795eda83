using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// T5's decoder as a light head on a text encoder: the teacher-forced target ids [B,T] are embedded (token and
/// position), pass <c>layers</c> pre-norm decoder layers (causal self-attention, cross-attention to the encoder's
/// token states, feed-forward) and a final LayerNorm and Linear to token logits [B,T,V]. Width = the encoder's
/// output width, so no projection sits between them.
/// </summary>
public sealed class SpanDecoder : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly TokenPositionEmbedding _embedding;
    private readonly List<PreNormDecoderLayer> _layers = new();
    private readonly Sequential _head;

    /// <summary>Creates the decoder.</summary>
    /// <param name="inputDim">Width D of the encoder's token states (and of the decoder).</param>
    /// <param name="vocabSize">Vocabulary size V, sentinels included.</param>
    /// <param name="maxLength">Longest target.</param>
    /// <param name="layers">Number of decoder layers.</param>
    /// <param name="heads">Attention heads; must divide <paramref name="inputDim"/>.</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or heads does not divide inputDim.</exception>
    public SpanDecoder(int inputDim, int vocabSize, int maxLength, int layers, int heads, string name = "span_decoder")
        : base(name)
    {
        Guard.Positive(nameof(SpanDecoder), inputDim);
        Guard.Positive(nameof(SpanDecoder), vocabSize);
        Guard.Positive(nameof(SpanDecoder), maxLength);
        Guard.Positive(nameof(SpanDecoder), layers);
        Guard.Positive(nameof(SpanDecoder), heads);
        if (inputDim % heads != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(heads), heads, $"{nameof(SpanDecoder)}: inputDim {inputDim} must be a multiple of heads {heads}.");
        }

        _embedding = new TokenPositionEmbedding(vocabSize, maxLength, inputDim);
        register_module("embedding", _embedding);
        for (int i = 0; i < layers; i++)
        {
            var layer = new PreNormDecoderLayer(inputDim, heads);
            _layers.Add(layer);
            register_module($"layer{i}", layer);
        }

        _head = nn.Sequential(
            ("norm", nn.LayerNorm(inputDim)),
            ("linear", nn.Linear(inputDim, vocabSize)));
        register_module("head", _head);
        InputDim = inputDim;
        VocabSize = vocabSize;
    }

    /// <summary>Width of the encoder's token states.</summary>
    public int InputDim { get; }

    /// <summary>Vocabulary size.</summary>
    public int VocabSize { get; }

    /// <summary>Token logits [B,T,V] for the decoder input <paramref name="decoderIds"/> long [B,T].</summary>
    /// <param name="states">The encoder's token states [B,L,D].</param>
    /// <param name="attentionMask">1 on the encoder's tokens, 0 on padding, [B,L].</param>
    /// <param name="decoderIds">The teacher-forced decoder input long [B,T] (start token, then the target shifted right).</param>
    /// <exception cref="ArgumentException">The shapes do not fit.</exception>
    public override Tensor forward(Tensor states, Tensor attentionMask, Tensor decoderIds)
    {
        Guard.LastDimension(nameof(SpanDecoder), states, 3, InputDim, "[B, L, inputDim]");
        if (attentionMask.dim() != 2 || attentionMask.shape[0] != states.shape[0] || attentionMask.shape[1] != states.shape[1])
        {
            throw new ArgumentException($"{nameof(SpanDecoder)}: attentionMask must be [B, L] = [{states.shape[0]}, {states.shape[1]}] to match the states, but its shape is {Guard.Shape(attentionMask)}.", nameof(attentionMask));
        }

        using var scope = torch.NewDisposeScope();
        var padding = attentionMask.eq(0);
        var x = _embedding.call(decoderIds);
        foreach (var layer in _layers)
        {
            x = layer.call(x, states, padding);
        }

        return _head.call(x).MoveToOuterDisposeScope();
    }
}
