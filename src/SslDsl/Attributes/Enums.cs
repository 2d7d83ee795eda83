namespace SslDsl;

/// <summary>The optimizer a task trains with.</summary>
public enum OptimizerKind
{
    /// <summary>Stochastic gradient descent with momentum.</summary>
    Sgd,
    /// <summary>Adam.</summary>
    Adam,
    /// <summary>Adam with decoupled weight decay.</summary>
    AdamW,
    /// <summary>Layer-wise adaptive rate scaling on top of SGD with momentum (large-batch SimCLR/BYOL).</summary>
    Lars,
}

/// <summary>How the learning rate changes over training.</summary>
public enum ScheduleKind
{
    /// <summary>The learning rate stays at its base value.</summary>
    Constant,
    /// <summary>Cosine decay from the base value to <c>MinLearningRate</c>.</summary>
    Cosine,
    /// <summary>Linear warm-up for <c>WarmupEpochs</c>, then cosine decay.</summary>
    WarmupCosine,
    /// <summary>Multiply by <c>Gamma</c> every <c>StepEpochs</c> epochs.</summary>
    Step,
}

/// <summary>How a fine-tune head is trained on top of the pretrained encoder.</summary>
public enum FineTuneMode
{
    /// <summary>The encoder is frozen; only a linear classifier is trained.</summary>
    LinearProbe,
    /// <summary>Encoder and classifier are trained together.</summary>
    Full,
    /// <summary>Only the last <c>UnfreezeLastLayers</c> blocks of the encoder are trained, with a lower learning rate.</summary>
    PartialUnfreeze,
}

/// <summary>The arithmetic a pretraining step runs its network in (see docs/precision.md).</summary>
public enum TrainingPrecision
{
    /// <summary>float32 throughout: the default.</summary>
    Float32,
    /// <summary>
    /// Mixed precision, as PyTorch's <c>torch.autocast(dtype=torch.bfloat16)</c>: inside the network's modules,
    /// convolutions, linear layers and matrix products run in bfloat16; weights, gradients, optimizer state,
    /// augmentations and losses stay float32.
    /// </summary>
    MixedBFloat16,
    /// <summary>
    /// <see cref="MixedBFloat16"/> where the device computes bfloat16 natively (a CPU with AVX512-BF16 or AMX-BF16
    /// instructions) and one process trains; <see cref="Float32"/> elsewhere.
    /// </summary>
    Auto,
}

/// <summary>Built-in encoders.</summary>
public enum BackboneKind
{
    /// <summary>A small convolutional network for small images.</summary>
    SmallCnn,
    /// <summary>A small residual network for small images.</summary>
    ResNet,
    /// <summary>A multi-layer perceptron for tabular features.</summary>
    Mlp,
    /// <summary>A small transformer encoder over token ids.</summary>
    TransformerEncoder,
    /// <summary>A 1-D convolutional network for time series.</summary>
    Conv1d,
    /// <summary>A Vision Transformer (patch embedding, position embedding, CLS token, pre-norm blocks) for images of one size; with [PatchMask] and [ReconstructionLoss] it trains as MAE (the encoder sees only the visible patches).</summary>
    VisionTransformer,
    /// <summary>TS2Vec's dilated convolutional encoder for time series: it keeps the time axis (a representation per step) and max-pools it for the series' representation.</summary>
    DilatedConv,
}

/// <summary>How a categorical table column becomes model input.</summary>
public enum CategoricalEncoding
{
    /// <summary>One feature per category: 1 for the row's category, 0 for the others.</summary>
    OneHot,
    /// <summary>One feature holding the category's index (0..Cardinality-1), which <see cref="CategoricalEmbedding"/> turns into a learned vector.</summary>
    Embedding,
}

/// <summary>The input an encoder of a multimodal task reads.</summary>
public enum Modality
{
    /// <summary>The <see cref="ImageInputAttribute"/>.</summary>
    Image,
    /// <summary>The <see cref="TextInputAttribute"/>.</summary>
    Text,
    /// <summary>The <see cref="TabularInputAttribute"/>.</summary>
    Tabular,
    /// <summary>The <see cref="TimeSeriesInputAttribute"/>.</summary>
    TimeSeries,
}
