using static TorchSharp.torch;

namespace SslDsl;

/// <summary>A batch of token sequences: ids long [B,L], attention mask (1 = token, 0 = padding), optional labels.</summary>
/// <param name="Ids">Token ids.</param>
/// <param name="AttentionMask">1 where a token is present, 0 on padding (long [B,L]).</param>
/// <param name="Labels">Sequence-level class labels, or null.</param>
public sealed record TokenBatch(Tensor Ids, Tensor AttentionMask, Tensor? Labels = null) : IBatch<TokenBatch>
{
    /// <inheritdoc />
    public long Count => Ids.shape[0];

    /// <inheritdoc />
    public Tensor Inputs => Ids;

    /// <inheritdoc />
    public Tensor[] Tensors => new[] { Ids, AttentionMask };

    /// <inheritdoc />
    public TokenBatch To(Device device) =>
        Ids.device == device ? this : new TokenBatch(Ids.to(device), AttentionMask.to(device), Labels?.to(device));

    /// <inheritdoc />
    public static TokenBatch FromTensors(Tensor[] tensors, Tensor? labels) => new(tensors[0], tensors[1], labels);
}
