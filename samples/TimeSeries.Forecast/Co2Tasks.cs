using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace TimeSeriesForecastSample;

/// <summary>Shapes shared by the two tasks: 64-week windows, the last 8 weeks forecast from the first 56.</summary>
public static class Co2Windows
{
    /// <summary>Weeks per window.</summary>
    public const int Length = 64;

    /// <summary>Weeks forecast.</summary>
    public const int Horizon = 8;

    /// <summary>Weeks the encoder sees.</summary>
    public const int Context = Length - Horizon;

    /// <summary>The encoder of both tasks: a 1-D CNN (3 blocks, 32-64-128 channels) to 64 features.</summary>
    public static nn.Module<Tensor, Tensor> Encoder() => Backbones.Conv1d(inChannels: 1, width: 32, outputDim: 64, depth: 3);
}

/// <summary>
/// The self-supervised pretext: forecast the last 8 weeks of a window from the first 56, on augmented windows
/// (amplitude scaling, jitter, a masked stretch of 10% of the window).
/// </summary>
[PretextTask("co2-forecast-pretext")]
[TimeSeriesInput(Channels = 1, Length = 64)]
[Scaling(Std = 0.1)]
[Jitter(Std = 0.02)]
[TimeMask(Ratio = 0.1)]
[Decoder(Hidden = 64, Layers = 1)]
[ForecastLoss(Horizon = 8)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(BatchSize = 64, Epochs = 10, Seed = 42)]
public partial class Co2ForecastPretext
{
    [Encoder(OutputDim = 64)]
    internal static nn.Module<Tensor, Tensor> Encoder() => Co2Windows.Encoder();
}

/// <summary>
/// The downstream task: the same forecast on clean windows (no augmentation). It fine-tunes the pretrained encoder
/// with a new head, and trains the from-scratch baselines.
/// </summary>
[PretextTask("co2-forecaster")]
[TimeSeriesInput(Channels = 1, Length = 64)]
[Decoder(Hidden = 64, Layers = 1)]
[ForecastLoss(Horizon = 8)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(BatchSize = 64, Epochs = 10, Seed = 42)]
public partial class Co2Forecaster
{
    [Encoder(OutputDim = 64)]
    internal static nn.Module<Tensor, Tensor> Encoder() => Co2Windows.Encoder();
}
