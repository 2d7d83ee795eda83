using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>A batch of samples of one modality, optionally with integer class labels.</summary>
public interface IBatch
{
    /// <summary>Number of samples in the batch.</summary>
    long Count { get; }

    /// <summary>Class labels (long [B]) when the batch is labelled, otherwise null.</summary>
    Tensor? Labels { get; }

    /// <summary>The tensor the encoder reads (images, token ids, features or series values).</summary>
    Tensor Inputs { get; }
}

/// <summary>A batch type that can move itself to a device.</summary>
/// <typeparam name="TSelf">The batch type.</typeparam>
public interface IBatch<TSelf> : IBatch
    where TSelf : IBatch<TSelf>
{
    /// <summary>Returns the batch on <paramref name="device"/> (the same instance when it is already there).</summary>
    TSelf To(Device device);

    /// <summary>Builds a batch of this type from its tensors, in the order of <see cref="Tensors"/>.</summary>
    static abstract TSelf FromTensors(Tensor[] tensors, Tensor? labels);

    /// <summary>The batch's tensors other than the labels, first the <see cref="IBatch.Inputs"/>.</summary>
    Tensor[] Tensors { get; }
}
