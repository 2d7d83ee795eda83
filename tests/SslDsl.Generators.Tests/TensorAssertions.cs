using System.Linq;
using TorchSharp;

namespace SslDsl.Generators.Tests;

/// <summary>Exact comparisons of tensors in assertions.</summary>
internal static class TensorAssertions
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> have the same shape and the same elements.</summary>
    public static bool Same(this torch.Tensor a, torch.Tensor b) =>
        a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();
}
