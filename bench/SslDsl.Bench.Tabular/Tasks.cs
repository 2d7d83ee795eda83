using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Bench.Tabular;

// The tabular methods of the results table (docs/samples.md, "Tabular methods at one budget"). Every task has the SCARF
// sample's encoder (an MLP of two blocks of 128 units to 64 features), optimizer and batch; SCARF keeps the sample's
// recipe (samples/Tabular.Scarf/BreastCancerScarf.cs, linked for breast cancer), VIME uses the paper's p_m = 0.3 and
// alpha = 2 with linear estimators (the paper's one dense layer each). The epoch count is set at run time (--epochs).

/// <summary>VIME on the breast cancer table (30 numeric columns).</summary>
[PretextTask("bench-cancer-vime")]
[TabularInput(Features = 30)]
[VimeMask(Probability = 0.3)]
[Decoder(Hidden = 128, Layers = 1)]
[VimeLoss(Alpha = 2.0)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(BatchSize = 64, Epochs = 100, Seed = 42)]
public partial class BenchCancerVime
{
    [Encoder(OutputDim = 64)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.Mlp(inputFeatures: 30, width: 128, outputDim: 64, depth: 2);
}

/// <summary>SCARF on the digits table (64 pixel columns), the sample's recipe.</summary>
[PretextTask("bench-digits-scarf")]
[TabularInput(Features = 64)]
[Views(2)]
[FeatureCorruption(Rate = 0.6, View = 1)]
[ProjectionHead(Hidden = 128, Output = 64)]
[InfoNceLoss(Temperature = 1.0)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(BatchSize = 64, Epochs = 100, Seed = 42)]
public partial class BenchDigitsScarf
{
    [Encoder(OutputDim = 64)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.Mlp(inputFeatures: 64, width: 128, outputDim: 64, depth: 2);
}

/// <summary>VIME on the digits table.</summary>
[PretextTask("bench-digits-vime")]
[TabularInput(Features = 64)]
[VimeMask(Probability = 0.3)]
[Decoder(Hidden = 128, Layers = 1)]
[VimeLoss(Alpha = 2.0)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(BatchSize = 64, Epochs = 100, Seed = 42)]
public partial class BenchDigitsVime
{
    [Encoder(OutputDim = 64)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.Mlp(inputFeatures: 64, width: 128, outputDim: 64, depth: 2);
}
