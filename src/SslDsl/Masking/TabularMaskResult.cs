using static TorchSharp.torch;

namespace SslDsl;

/// <summary>A corrupted tabular batch and the columns that were replaced.</summary>
/// <param name="Input">The corrupted rows [B,F]: replaced columns hold another row's values, the others are unchanged.</param>
/// <param name="Mask">Float [B,C] in the input's dtype, one entry per column (<see cref="TabularColumns.Count"/>): 1 where the column was replaced.</param>
public sealed record TabularMaskResult(Tensor Input, Tensor Mask);
