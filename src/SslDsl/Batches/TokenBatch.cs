using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// A batch of token sequences: ids long [B,L], attention mask (1 = token, 0 = padding), optional labels, and
/// optional word starts (for whole-word masking).
/// </summary>
/// <param name="Ids">Token ids.</param>
/// <param name="AttentionMask">1 where a token is present, 0 on padding (long [B,L]).</param>
/// <param name="Labels">Sequence-level class labels, or null.</param>
/// <param name="WordStarts">
/// 1 at the first token of every word and at every special token, 0 on the later tokens of a word and on padding
/// (long [B,L]), or null when the words are not known. <see cref="ByteLevelTokenizer.ToDataset"/> fills it: a word
/// is one piece of the pre-tokenizer (a run of letters, of digits or of other symbols, led by at most one space).
/// </param>
public sealed record TokenBatch(Tensor Ids, Tensor AttentionMask, Tensor? Labels = null, Tensor? WordStarts = null) : IBatch<TokenBatch>
{
    /// <inheritdoc />
    public long Count => Ids.shape[0];

    /// <inheritdoc />
    public Tensor Inputs => Ids;

    /// <inheritdoc />
    public Tensor[] Tensors => WordStarts is null ? new[] { Ids, AttentionMask } : new[] { Ids, AttentionMask, WordStarts };

    /// <inheritdoc />
    public TokenBatch To(Device device) =>
        Ids.device == device ? this : new TokenBatch(Ids.to(device), AttentionMask.to(device), Labels?.to(device), WordStarts?.to(device));

    /// <inheritdoc />
    public static TokenBatch FromTensors(Tensor[] tensors, Tensor? labels) => new(tensors[0], tensors[1], labels, tensors.Length > 2 ? tensors[2] : null);
}
