using System;
using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Tests.Distributed;

/// <summary>
/// A forecasting task without augmentations, dropout or batch norm: its loss is the mean over the batch of
/// per-sample errors, so the gradient of a batch is the average of the gradients of its halves, and two ranks
/// with half batches must train exactly as one process with the whole batch (up to float rounding).
/// </summary>
[PretextTask("tiny-parallel-forecast")]
[TimeSeriesInput(Channels = 1, Length = 12)]
[Decoder(Hidden = 8, Layers = 1)]
[ForecastLoss(Horizon = 4)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.05, Momentum = 0.9)]
[Training(BatchSize = 8, Epochs = 2, Seed = 5)]
public partial class TinyParallelForecast
{
    /// <summary>Flatten the 8 context steps, one linear layer to 6 features, tanh.</summary>
    [Encoder(OutputDim = 6)]
    public static nn.Module<Tensor, Tensor> Encoder() => nn.Sequential(nn.Flatten(), nn.Linear(8, 6), nn.Tanh());
}

/// <summary><see cref="TinyParallelForecast"/> with two batches per optimizer update (gradient accumulation).</summary>
[PretextTask("tiny-parallel-forecast-accumulating")]
[TimeSeriesInput(Channels = 1, Length = 12)]
[Decoder(Hidden = 8, Layers = 1)]
[ForecastLoss(Horizon = 4)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.05, Momentum = 0.9)]
[Training(BatchSize = 8, Epochs = 2, Seed = 5, AccumulateSteps = 2)]
public partial class TinyParallelForecastAccumulating
{
    /// <summary>The encoder of <see cref="TinyParallelForecast"/>.</summary>
    [Encoder(OutputDim = 6)]
    public static nn.Module<Tensor, Tensor> Encoder() => TinyParallelForecast.Encoder();
}

/// <summary>
/// <see cref="TinyParallelForecast"/> with a batch-norm layer in its encoder: its batches' statistics couple the
/// samples, so two ranks of B/2 train as one process of B only when batch norm is synchronised.
/// </summary>
[PretextTask("tiny-parallel-forecast-batch-norm")]
[TimeSeriesInput(Channels = 1, Length = 12)]
[Decoder(Hidden = 8, Layers = 1)]
[ForecastLoss(Horizon = 4)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.05, Momentum = 0.9)]
[Training(BatchSize = 8, Epochs = 2, Seed = 5)]
public partial class TinyParallelForecastBatchNorm
{
    /// <summary>Flatten the 8 context steps, one linear layer to 6 features, batch norm, tanh.</summary>
    [Encoder(OutputDim = 6)]
    public static nn.Module<Tensor, Tensor> Encoder() => nn.Sequential(nn.Flatten(), nn.Linear(8, 6), nn.BatchNorm1d(6), nn.Tanh());
}

/// <summary>The series the data-parallel tests train on.</summary>
internal static class DistributedData
{
    /// <summary>Samples in <see cref="Waves"/>: 8 steps of 8 per epoch.</summary>
    public const int Count = 64;

    /// <summary>
    /// <see cref="Count"/> windows of 12 steps of sin(0.4 t + 0.7 i) + 0.2 cos(1.3 t + i); with
    /// <paramref name="nanSample"/> that one sample is all NaN (a batch with a non-finite loss).
    /// </summary>
    public static Dataset<SeriesBatch> Waves(int? nanSample = null)
    {
        var t = torch.arange(12, dtype: ScalarType.Float32).unsqueeze(0);
        var i = torch.arange(Count, dtype: ScalarType.Float32).unsqueeze(1);
        var values = torch.sin(t * 0.4f + i * 0.7f) + torch.cos(t * 1.3f + i) * 0.2f;
        if (nanSample is int bad)
        {
            values[bad].fill_(float.NaN);
        }

        return new Dataset<SeriesBatch>(new[] { values.unsqueeze(1).contiguous() }, null, "waves");
    }
}
