using static TorchSharp.torch;

namespace SslDsl;

/// <summary>The output of <see cref="TokenMasking.SpanCorruption"/>: the encoder's input and the decoder's teacher-forced target.</summary>
/// <param name="Ids">The corrupted ids long [B,L]: each noise span replaced by one sentinel, the rest shifted left, then padding.</param>
/// <param name="AttentionMask">1 on the corrupted ids, 0 on padding, long [B,L].</param>
/// <param name="DecoderIds">The decoder's input long [B,L]: the pad id (the start token) followed by the target shifted right, then padding.</param>
/// <param name="Targets">The target long [B,L]: sentinel 0, span 0, sentinel 1, span 1, ..., the closing sentinel, then -100 (ignored by the loss).</param>
public sealed record SpanCorruptionResult(Tensor Ids, Tensor AttentionMask, Tensor DecoderIds, Tensor Targets);
