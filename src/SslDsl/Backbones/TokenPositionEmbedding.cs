using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Token embeddings plus learned position embeddings: ids long [B,L] to float [B,L,width].</summary>
public sealed class TokenPositionEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly Embedding _tokens;
    private readonly Embedding _positions;

    /// <summary>Creates the embeddings (initialized from N(0, 0.02^2), as in BERT).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public TokenPositionEmbedding(int vocabSize, int maxLength, int width, string name = "embedding")
        : base(name)
    {
        Guard.Positive(nameof(TokenPositionEmbedding), vocabSize);
        Guard.Positive(nameof(TokenPositionEmbedding), maxLength);
        Guard.Positive(nameof(TokenPositionEmbedding), width);
        _tokens = nn.Embedding(vocabSize, width);
        _positions = nn.Embedding(maxLength, width);
        using (torch.no_grad())
        {
            nn.init.normal_(_tokens.weight!, 0, 0.02);
            nn.init.normal_(_positions.weight!, 0, 0.02);
        }

        register_module("tokens", _tokens);
        register_module("positions", _positions);
        VocabSize = vocabSize;
        MaxLength = maxLength;
    }

    /// <summary>Number of token ids.</summary>
    public int VocabSize { get; }

    /// <summary>Longest sequence the position table covers.</summary>
    public int MaxLength { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The ids are not long [B,L], L exceeds <see cref="MaxLength"/>, or an id is outside [0, VocabSize).</exception>
    public override Tensor forward(Tensor ids)
    {
        if (ids.dim() != 2 || ids.dtype != ScalarType.Int64)
        {
            throw new ArgumentException($"Token ids must be long [B,L]; got {ids.dtype} [{string.Join(",", ids.shape)}].", nameof(ids));
        }

        long length = ids.shape[1];
        if (length > MaxLength)
        {
            throw new ArgumentException($"Sequences of {length} tokens exceed the encoder's maxLength {MaxLength}; truncate them or build the encoder with a larger maxLength.", nameof(ids));
        }

        if (ids.numel() > 0)
        {
            long min = ids.min().item<long>();
            long max = ids.max().item<long>();
            if (min < 0 || max >= VocabSize)
            {
                throw new ArgumentException($"Token id {(min < 0 ? min : max)} is outside the vocabulary [0, {VocabSize}).", nameof(ids));
            }
        }

        using var scope = torch.NewDisposeScope();
        var positions = torch.arange(length, dtype: ScalarType.Int64, device: ids.device);
        var sum = _tokens.call(ids).add(_positions.call(positions).unsqueeze(0));
        return sum.MoveToOuterDisposeScope();
    }
}
