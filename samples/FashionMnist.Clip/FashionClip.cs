using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionClipSample;

/// <summary>
/// CLIP on Fashion-MNIST: each image is paired with a caption built from its class name and a template; the image
/// and text encoders, each with a linear projection into a shared 64-wide embedding, are trained with the symmetric
/// InfoNCE and a learned temperature. Images are cropped and flipped; a tenth of the caption tokens are masked.
/// </summary>
[PretextTask("fashion-clip")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[TextInput(MaxLength = Captions.MaxLength, VocabSize = ByteLevelTokenizer.MinVocabSize)]
[ClipLoss(Temperature = 0.07)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 128, Epochs = 3, Seed = 42)]
[FineTune(Classes = 10, Mode = FineTuneMode.LinearProbe, Epochs = 300, LearningRate = 4e-3, BatchSize = 128)]
public partial class FashionClip
{
    /// <summary>Mini-batch of the linear probe over cached features.</summary>
    public const int ProbeBatchSize = 256;

    /// <summary>The image encoder, the same as the SimCLR baseline's: a small CNN to 128 features.</summary>
    [Encoder(OutputDim = 128, Input = Modality.Image)]
    [Projection(Output = 64)]
    [RandomResizedCrop(MinScale = 0.6)]
    [HorizontalFlip(P = 0.5)]
    internal static nn.Module<Tensor, Tensor> ImageEncoder() => Backbones.SmallCnn(inChannels: 1, width: 16, outputDim: 128);

    /// <summary>The text encoder: a one-layer transformer over the caption's bytes, mean-pooled.</summary>
    [Encoder(OutputDim = 64, Input = Modality.Text)]
    [Projection(Output = 64)]
    [MaskTokens(Probability = 0.1)]
    internal static nn.Module<Tensor, Tensor> TextEncoder() =>
        Backbones.TransformerEncoder(vocabSize: ByteLevelTokenizer.MinVocabSize, maxLength: Captions.MaxLength, width: 64, outputDim: 64, depth: 1, heads: 4);
}

/// <summary>
/// The image-only baseline at the same budget: SimCLR with the same image encoder, images, epochs, batch size,
/// optimizer and schedule (two views through the same crop and flip, plus colour jitter).
/// </summary>
[PretextTask("fashion-clip-simclr-baseline")]
[ImageInput(Channels = 1, Height = 28, Width = 28)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.4)]
[HorizontalFlip(P = 0.5)]
[ColorJitter(Brightness = 0.6, Contrast = 0.6, P = 0.8)]
[ProjectionHead(Hidden = 256, Output = 64)]
[NtXentLoss(Temperature = 0.2)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
[Training(BatchSize = 128, Epochs = 3, Seed = 42)]
[FineTune(Classes = 10, Mode = FineTuneMode.LinearProbe, Epochs = 300, LearningRate = 4e-3, BatchSize = 128)]
public partial class FashionSimClrBaseline
{
    /// <summary>The same image encoder as <see cref="FashionClip"/>'s.</summary>
    [Encoder(OutputDim = 128)]
    internal static nn.Module<Tensor, Tensor> Encoder() => FashionClip.ImageEncoder();
}
