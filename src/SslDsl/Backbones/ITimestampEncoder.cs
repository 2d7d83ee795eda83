using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// An encoder that gives a representation per time step ([B,T,D]), as TS2Vec needs. Its <c>forward</c> still
/// maps [B,C,T] to one vector per series [B,D] (for probes, fine-tuning and the other objectives).
/// </summary>
public interface ITimestampEncoder
{
    /// <summary>
    /// The per-step representations [B,T,D] of the series <paramref name="x"/> [B,C,T]. Where <paramref name="kept"/>
    /// (bool [B,T]) is false, the step's latent vector is zeroed after the input projection (TS2Vec's timestamp
    /// masking); null keeps every step.
    /// </summary>
    Tensor EncodeTimestamps(Tensor x, Tensor? kept = null);
}
