using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Makes batch-global losses (NT-Xent, InfoNCE and through it MoCo v3 and NNCLR, DCL / DCLW, Barlow Twins,
/// VICReg) span the whole global batch when several ranks train: inside <see cref="Span"/> (the trainer opens it
/// around each loss), these losses gather every rank's embeddings, so negatives, cross-correlations and
/// variances cover all ranks' samples, as lightly's <c>gather_distributed</c> and solo-learn's gathered losses do.
/// Synchronised batch norm (<see cref="SyncBatchNorm"/>) normalises over the global batch inside a span too.
/// </summary>
/// <remarks>
/// Each rank computes the loss of the whole gathered batch, with its own rows attached to its graph and the
/// other ranks' rows as constants, and scales the loss's gradient (not its value) by the world size. The rank's
/// parameter gradient is then the world size times its own rows' share of the global gradient, and the
/// average over the ranks that follows (<see cref="GradientBuckets"/>) is exactly the gradient of the global
/// loss: the same as one process computing the loss of the concatenated batch. The cost is a loss over the
/// global batch on every rank (O((W n)^2) similarities for NT-Xent), which is small next to the encoder's.
/// </remarks>
public static class GlobalBatch
{
    private static readonly AsyncLocal<ICollectives?> Current = new();

    /// <summary>The ranks the losses gather over now, or null (a single process, or outside a span).</summary>
    public static ICollectives? Ranks => Current.Value;

    /// <summary>Makes the batch-global losses computed on this thread gather over <paramref name="ranks"/> until disposed; a no-op for one rank.</summary>
    public static IDisposable Span(ICollectives ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        var previous = Current.Value;
        Current.Value = ranks.WorldSize > 1 ? ranks : null;
        return new Restore(previous);
    }

    /// <summary>
    /// Every rank's rows of <paramref name="local"/> in rank order (ranks must have equal row counts): this rank's
    /// rows are <paramref name="local"/> itself (gradients flow into them), the others' are constants.
    /// </summary>
    public static Tensor Gather(Tensor local, ICollectives ranks)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(ranks);
        using var all = ranks.AllGather(local.detach().contiguous());
        long n = local.shape[0];
        var parts = new Tensor[ranks.WorldSize];
        for (int r = 0; r < ranks.WorldSize; r++)
        {
            parts[r] = r == ranks.Rank ? local : all.narrow(0, r * n, n);
        }

        return torch.cat(parts, 0);
    }

    /// <summary>
    /// <paramref name="loss"/> of <paramref name="z1"/> and <paramref name="z2"/>, over the global batch when a span
    /// is open (gathered, gradient scaled by the world size: see the remarks of <see cref="GlobalBatch"/>).
    /// </summary>
    internal static Tensor Over(Tensor z1, Tensor z2, Func<Tensor, Tensor, Tensor> loss)
    {
        if (Ranks is not { } ranks)
        {
            return loss(z1, z2);
        }

        using var scope = torch.NewDisposeScope();
        var value = loss(Gather(z1, ranks), Gather(z2, ranks));
        return ScaleGradient(value, ranks.WorldSize).MoveToOuterDisposeScope();
    }

    /// <summary><paramref name="value"/> with its gradient multiplied by <paramref name="factor"/> (its value unchanged).</summary>
    internal static Tensor ScaleGradient(Tensor value, int factor) =>
        factor == 1 ? value : value.mul(factor).sub(value.detach().mul(factor - 1));

    private sealed class Restore(ICollectives? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
