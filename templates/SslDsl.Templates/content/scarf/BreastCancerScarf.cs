using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDslTask;

/// <summary>
/// SCARF on the Wisconsin breast cancer table: view 0 is the row, view 1 the row with 60% of its features
/// replaced by draws from their marginals (the same feature of another row); InfoNCE pulls the two together.
/// Hover an argument to see its default, its range and the diagnostic that guards it.
/// </summary>
[PretextTask("breast-cancer-scarf")]
[TabularInput(Features = 30)]
[Views(2)]
[FeatureCorruption(Rate = 0.6, View = 1)]
[ProjectionHead(Hidden = 128, Output = 64)]
[InfoNceLoss(Temperature = 1.0)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(BatchSize = 64, Epochs = 100, Seed = 42)]
[FineTune(Classes = 2, Mode = FineTuneMode.LinearProbe, Epochs = 50, LearningRate = 1e-2, BatchSize = 64)]
public partial class BreastCancerScarf
{
    [Encoder(OutputDim = 64)]
    static nn.Module<Tensor, Tensor> Encoder() => Backbones.Mlp(inputFeatures: 30, width: 128, outputDim: 64, depth: 2);
}
