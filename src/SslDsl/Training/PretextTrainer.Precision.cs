using System;
using TorchSharp;

namespace SslDsl;

/// <summary>The arithmetic of a step: float32, or bfloat16 autocast inside the network's modules.</summary>
public abstract partial class PretextTrainer<TBatch>
{
    private MixedPrecision? _mixedPrecision;

    /// <summary>
    /// The precision this run trains in: the declared or overriding <see cref="TrainingSettings.Precision"/> with
    /// <see cref="TrainingPrecision.Auto"/> resolved for this device (never Auto).
    /// </summary>
    public TrainingPrecision Precision { get; }

    /// <summary>Opens one step's bfloat16 autocast around the network's modules when the run trains in mixed precision; null otherwise.</summary>
    private IDisposable? LowerPrecision()
    {
        if (Precision != TrainingPrecision.MixedBFloat16)
        {
            return null;
        }

        _mixedPrecision ??= new MixedPrecision(Network, Device.type);
        return _mixedPrecision.Open();
    }
}
