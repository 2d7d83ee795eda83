using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMaeSample;

/// <summary>
/// MAE-style masked image modelling on Fashion-MNIST: 75% of the 4x4 patches are hidden (they show a learned mask
/// token), the encoder sees the rest, and a decoder reconstructs the hidden patches' normalized pixels; the loss counts
/// the hidden patches only. The linear probe trains 300 epochs on cached features (a convex problem: enough to converge
/// on a few thousand images) with its learning rate chosen from {4e-3, 1.6e-2} on validation.
/// </summary>
[PretextTask("fashion-mae")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[PatchMask(PatchSize = 4, Ratio = 0.75)]
[Decoder(Hidden = 64, Layers = 2)]
[ReconstructionLoss(MaskedOnly = true)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 128, Epochs = 3, Seed = 42)]
[FineTune(Classes = 10, Mode = FineTuneMode.LinearProbe, Epochs = 300, LearningRate = 4e-3, BatchSize = 128)]
public partial class FashionMae
{
    /// <summary>Mini-batch of the linear probe over cached features (the declared FineTune batch is the supervised baseline's).</summary>
    public const int ProbeBatchSize = 256;

    /// <summary>The encoder shared by the MAE and every baseline: a small CNN to 128 features.</summary>
    [Encoder(OutputDim = 128)]
    internal static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, width: 16, outputDim: 128);
}
