using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// A batch of paired samples of two modalities (an image and its caption): row i of <paramref name="First"/> is
/// the pair of row i of <paramref name="Second"/>. A multimodal task's Trainer takes exactly this type, so passing
/// a batch of one modality is a compile error.
/// </summary>
/// <typeparam name="TFirst">The first modality's batch (the one the image-side monitors and probes read).</typeparam>
/// <typeparam name="TSecond">The second modality's batch.</typeparam>
/// <param name="First">The first modality.</param>
/// <param name="Second">The second modality, with as many rows.</param>
public sealed record PairedBatch<TFirst, TSecond>(TFirst First, TSecond Second) : IBatch<PairedBatch<TFirst, TSecond>>
    where TFirst : IBatch<TFirst>
    where TSecond : IBatch<TSecond>
{
    /// <inheritdoc />
    public long Count => First.Count;

    /// <summary>The first modality's labels, or null.</summary>
    public Tensor? Labels => First.Labels;

    /// <summary>The first modality's inputs (what the first encoder reads).</summary>
    public Tensor Inputs => First.Inputs;

    /// <summary>The first modality's tensors, then the second's.</summary>
    public Tensor[] Tensors => [.. First.Tensors, .. Second.Tensors];

    /// <inheritdoc />
    public PairedBatch<TFirst, TSecond> To(Device device) => new(First.To(device), Second.To(device));

    /// <summary>
    /// Builds the pair from the first modality's tensors followed by the second's (the order of <see cref="Tensors"/>):
    /// the first batch takes what it reads from the front, the second the rest.
    /// </summary>
    public static PairedBatch<TFirst, TSecond> FromTensors(Tensor[] tensors, Tensor? labels)
    {
        var first = TFirst.FromTensors(tensors, labels);
        return new(first, TSecond.FromTensors(tensors[first.Tensors.Length..], null));
    }
}
