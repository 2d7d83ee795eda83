using static TorchSharp.torch;

namespace SslDsl;

/// <summary>A batch of time-series windows: float [B,C,T], optional labels long [B].</summary>
/// <param name="Values">The series values.</param>
/// <param name="Labels">Class labels, or null.</param>
public sealed record SeriesBatch(Tensor Values, Tensor? Labels = null) : IBatch<SeriesBatch>
{
    /// <inheritdoc />
    public long Count => Values.shape[0];

    /// <inheritdoc />
    public Tensor Inputs => Values;

    /// <inheritdoc />
    public Tensor[] Tensors => new[] { Values };

    /// <inheritdoc />
    public SeriesBatch To(Device device) =>
        Values.device == device ? this : new SeriesBatch(Values.to(device), Labels?.to(device));

    /// <inheritdoc />
    public static SeriesBatch FromTensors(Tensor[] tensors, Tensor? labels) => new(tensors[0], labels);
}
