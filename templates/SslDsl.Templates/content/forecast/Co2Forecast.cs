using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDslTask;

/// <summary>
/// Forecast the last 8 weeks of a 64-week window of Mauna Loa CO2 from the first 56, on augmented windows
/// (amplitude scaling, jitter, a masked stretch of 10% of the window). Hover an argument to see its default,
/// its range and the diagnostic that guards it.
/// </summary>
[PretextTask("co2-forecast")]
[TimeSeriesInput(Channels = 1, Length = 64)]
[Scaling(Std = 0.1)]
[Jitter(Std = 0.02)]
[TimeMask(Ratio = 0.1)]
[Decoder(Hidden = 64, Layers = 1)]
[ForecastLoss(Horizon = 8)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(BatchSize = 64, Epochs = 10, Seed = 42)]
public partial class Co2Forecast
{
    /// <summary>Weeks per window.</summary>
    public const int Length = 64;

    [Encoder(OutputDim = 64)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.Conv1d(inChannels: 1, width: 32, outputDim: 64, depth: 3);
}
