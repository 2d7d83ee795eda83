using static TorchSharp.torch;

namespace SslDsl;

/// <summary>A masked image batch and its mask.</summary>
/// <param name="Input">The masked images [B,C,H,W]: hidden pixels set to 0, visible pixels unchanged.</param>
/// <param name="Mask">Float [B,1,H,W] in the input's dtype: 1 where a pixel is hidden, 0 where it is visible.</param>
public sealed record MaskResult(Tensor Input, Tensor Mask);
