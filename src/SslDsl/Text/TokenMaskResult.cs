using static TorchSharp.torch;

namespace SslDsl;

/// <summary>The output of <see cref="TokenMasking"/>.</summary>
/// <param name="Ids">The corrupted ids long [B,L] the encoder reads.</param>
/// <param name="Labels">The original id at each selected position and -100 (ignored by the loss) elsewhere, long [B,L].</param>
public sealed record TokenMaskResult(Tensor Ids, Tensor Labels)
{
    /// <summary>The label of positions that carry no prediction target (cross-entropy's ignore_index).</summary>
    public const long IgnoreIndex = -100;

    /// <summary>Moves both tensors out of the current dispose scope.</summary>
    internal TokenMaskResult MoveToOuterScope() => new(Ids.MoveToOuterDisposeScope(), Labels.MoveToOuterDisposeScope());
}
