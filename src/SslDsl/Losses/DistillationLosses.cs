using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Self-distillation losses: an online network predicts a target network's embedding.</summary>
public static partial class Losses
{
    /// <summary>
    /// BYOL's regression loss: the mean over the batch of
    /// ||normalize(online_i) - normalize(target_i)||^2 = 2 - 2 cos(online_i, target_i).
    /// The target is used as given: the caller detaches it (it comes from the momentum network).
    /// </summary>
    /// <param name="online">The online network's predictions, [N, D].</param>
    /// <param name="target">The target network's projections, [N, D].</param>
    /// <returns>A scalar tensor in [0, 4].</returns>
    /// <exception cref="ArgumentException">The inputs are not [N, D] of the same shape, or N is 0.</exception>
    public static Tensor Byol(Tensor online, Tensor target)
    {
        const string loss = "BYOL";
        Guard.Rank(loss, online, 2, "[N, D]");
        Guard.SameShape(loss, online, target);
        Guard.MinRows(loss, online, 1, "the loss averages over the batch");

        using var scope = torch.NewDisposeScope();
        var p = nn.functional.normalize(online, dim: 1);
        var z = nn.functional.normalize(target, dim: 1);
        var cosine = (p * z).sum(1);
        return cosine.mul(-2).add(2).mean().MoveToOuterDisposeScope();
    }
}
