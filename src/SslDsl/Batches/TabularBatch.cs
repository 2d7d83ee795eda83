using static TorchSharp.torch;

namespace SslDsl;

/// <summary>A batch of table rows: float [B,F], optional labels long [B].</summary>
/// <param name="Features">The features.</param>
/// <param name="Labels">Class labels, or null.</param>
public sealed record TabularBatch(Tensor Features, Tensor? Labels = null) : IBatch<TabularBatch>
{
    /// <inheritdoc />
    public long Count => Features.shape[0];

    /// <inheritdoc />
    public Tensor Inputs => Features;

    /// <inheritdoc />
    public Tensor[] Tensors => new[] { Features };

    /// <inheritdoc />
    public TabularBatch To(Device device) =>
        Features.device == device ? this : new TabularBatch(Features.to(device), Labels?.to(device));

    /// <inheritdoc />
    public static TabularBatch FromTensors(Tensor[] tensors, Tensor? labels) => new(tensors[0], labels);
}
