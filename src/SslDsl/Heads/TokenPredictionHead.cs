using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// BERT's language-model head: Linear(D, D) - GELU - LayerNorm(D) - Linear(D, V), applied to every
/// position: [B, L, D] -> [B, L, V] token logits (masked-token and next-token prediction).
/// </summary>
public sealed class TokenPredictionHead : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    /// <summary>Creates the head.</summary>
    /// <param name="inputDim">Width D of the token representations.</param>
    /// <param name="vocabSize">Vocabulary size V.</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public TokenPredictionHead(int inputDim, int vocabSize, string name = "token_prediction")
        : base(name)
    {
        Guard.Positive(nameof(TokenPredictionHead), inputDim);
        Guard.Positive(nameof(TokenPredictionHead), vocabSize);
        _layers = nn.Sequential(
            ("transform", nn.Linear(inputDim, inputDim)),
            ("gelu", nn.GELU()),
            ("norm", nn.LayerNorm(inputDim)),
            ("decoder", nn.Linear(inputDim, vocabSize)));
        InputDim = inputDim;
        VocabSize = vocabSize;
        RegisterComponents();
    }

    /// <summary>Width of the token representations.</summary>
    public int InputDim { get; }

    /// <summary>Vocabulary size.</summary>
    public int VocabSize { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Guard.LastDimension(nameof(TokenPredictionHead), input, 3, InputDim, "[B, L, inputDim]");
        return _layers.call(input);
    }
}
