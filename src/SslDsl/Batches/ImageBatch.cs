using static TorchSharp.torch;

namespace SslDsl;

/// <summary>A batch of images: float [B,C,H,W] with values in [0,1], optional labels long [B].</summary>
/// <param name="Images">The images.</param>
/// <param name="Labels">Class labels, or null.</param>
public sealed record ImageBatch(Tensor Images, Tensor? Labels = null) : IBatch<ImageBatch>
{
    /// <inheritdoc />
    public long Count => Images.shape[0];

    /// <inheritdoc />
    public Tensor Inputs => Images;

    /// <inheritdoc />
    public Tensor[] Tensors => new[] { Images };

    /// <inheritdoc />
    public ImageBatch To(Device device) =>
        Images.device == device ? this : new ImageBatch(Images.to(device), Labels?.to(device));

    /// <inheritdoc />
    public static ImageBatch FromTensors(Tensor[] tensors, Tensor? labels) => new(tensors[0], labels);
}
