using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Joint-embedding losses.</summary>
public static partial class Losses
{
    /// <summary>
    /// NT-Xent (SimCLR). With z = normalize([z1; z2]) (2N rows) and s_ij = z_i . z_j / tau,
    /// the loss is the mean over all 2N anchors of
    /// -log( exp(s_i,p(i)) / sum_{k != i} exp(s_ik) ), p(i) the other view of the same sample.
    /// </summary>
    /// <param name="z1">Embeddings of the first views, [N, D].</param>
    /// <param name="z2">Embeddings of the second views, [N, D].</param>
    /// <param name="temperature">tau &gt; 0.</param>
    public static Tensor NtXent(Tensor z1, Tensor z2, double temperature)
    {
        if (!(temperature > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The NT-Xent temperature must be > 0.");
        }

        if (!z1.shape.AsSpan().SequenceEqual(z2.shape))
        {
            throw new ArgumentException($"NT-Xent views differ in shape: [{string.Join(",", z1.shape)}] vs [{string.Join(",", z2.shape)}].");
        }

        using var scope = torch.NewDisposeScope();
        long n = z1.shape[0];
        var z = nn.functional.normalize(torch.cat(new[] { z1, z2 }, 0), dim: 1);
        var sim = z.matmul(z.t()).div(temperature);
        var self = torch.eye(2 * n, dtype: ScalarType.Bool, device: z.device);
        sim = sim.masked_fill(self, double.NegativeInfinity);
        var targets = torch.cat(new[] { torch.arange(n, 2 * n, device: z.device), torch.arange(0, n, device: z.device) }, 0);
        return nn.functional.cross_entropy(sim, targets).MoveToOuterDisposeScope();
    }
}
