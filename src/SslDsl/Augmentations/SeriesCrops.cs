using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// TS2Vec's two overlapping crops of a batch of series and their timestamp masks. Both crops hold the same
/// <see cref="Overlap"/> steps of every series: the last <see cref="Overlap"/> steps of <see cref="First"/> and the first
/// <see cref="Overlap"/> steps of <see cref="Second"/>.
/// </summary>
/// <param name="First">The first crop, [B,C,L1].</param>
/// <param name="Second">The second crop, [B,C,L2].</param>
/// <param name="FirstKept">Bool [B,L1]: true where the encoder keeps the latent vector of a step of the first crop, false where it zeroes it.</param>
/// <param name="SecondKept">Bool [B,L2]: the same for the second crop.</param>
/// <param name="Overlap">Steps the crops share (at least 2^(temporalUnit+1)).</param>
public sealed record SeriesCrops(Tensor First, Tensor Second, Tensor FirstKept, Tensor SecondKept, long Overlap)
{
    /// <summary>The overlap's states in the first crop's per-step states [B,L1,D]: its last <see cref="Overlap"/> steps.</summary>
    public Tensor OverlapOfFirst(Tensor states) => states.narrow(1, states.shape[1] - Overlap, Overlap);

    /// <summary>The overlap's states in the second crop's per-step states [B,L2,D]: its first <see cref="Overlap"/> steps.</summary>
    public Tensor OverlapOfSecond(Tensor states) => states.narrow(1, 0, Overlap);
}
