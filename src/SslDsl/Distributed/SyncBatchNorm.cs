using System;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Batch normalisation over the global batch of every rank (PyTorch's <c>SyncBatchNorm</c>): in training, each
/// rank's per-channel mean, biased variance and sample count are all-gathered and combined into the statistics of
/// the whole global batch, which normalise every rank's samples and update the running statistics (the global mean
/// and the unbiased global variance). The all-gather is differentiable (<see cref="AllGatherFunction"/>), so the
/// backward pass sums over the ranks the gradient terms that flow through the statistics (PyTorch's
/// <c>sum(dy)</c> and <c>sum(dy * xhat)</c>): two ranks of B/2 train as one process of B.
/// </summary>
public static class SyncBatchNorm
{
    /// <summary>
    /// <paramref name="norm"/> applied in training mode to this rank's <paramref name="input"/> ([N, C] or
    /// [N, C, ...]) with the statistics of every rank's input; updates the running statistics and the batch count
    /// as <paramref name="norm"/>'s own training forward would for the concatenated batch.
    /// </summary>
    /// <exception cref="ArgumentException">The input has fewer than 2 dimensions, or not <c>num_features</c> channels.</exception>
    /// <exception cref="DistributedException">The global batch holds one value per channel (no variance), or a collective failed.</exception>
    public static Tensor Normalize(BatchNorm norm, Tensor input, ICollectives ranks)
    {
        ArgumentNullException.ThrowIfNull(norm);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(ranks);
        if (input.dim() < 2 || input.shape[1] != norm.num_features)
        {
            throw new ArgumentException($"Batch norm of {norm.num_features} channels got an input of shape [{string.Join(", ", input.shape)}]; it takes [N, {norm.num_features}, ...].", nameof(input));
        }

        using var scope = torch.NewDisposeScope();
        long channels = input.shape[1];
        long[] reduced = Enumerable.Range(0, (int)input.dim()).Where(d => d != 1).Select(d => (long)d).ToArray();
        long count = input.NumberOfElements / channels;

        // This rank's statistics, one row: mean (C), biased variance (C), count (1); gathered into W rows.
        var (variance, mean) = torch.var_mean(input, reduced, unbiased: false);
        var counts = torch.full(1, (double)count, dtype: input.dtype, device: input.device);
        var local = torch.cat(new[] { mean, variance, counts }, 0).unsqueeze(0);
        var all = AllGatherFunction.Gather(local, ranks);
        var rankMeans = all.narrow(1, 0, channels);
        var rankVariances = all.narrow(1, channels, channels);
        var rankCounts = all.narrow(1, 2 * channels, 1);

        // Chan's combination: total count, weighted mean, and within- plus between-rank sums of squares.
        double total = rankCounts.sum().to(ScalarType.Float64).item<double>();
        if (total <= 1)
        {
            throw new DistributedException($"Synchronised batch norm needs more than one value per channel over all ranks; the global batch has {total}. Use a larger batch.");
        }

        var globalMean = rankMeans.mul(rankCounts).sum(dim: 0).div(total);
        var globalVariance = rankVariances.add(rankMeans.sub(globalMean).square()).mul(rankCounts).sum(dim: 0).div(total);
        UpdateRunningStatistics(norm, globalMean, globalVariance, total);

        long[] perChannel = Enumerable.Repeat(1L, (int)input.dim()).ToArray();
        perChannel[1] = channels;
        var normalized = input.sub(globalMean.view(perChannel)).mul(globalVariance.add(norm.eps).rsqrt().view(perChannel));
        if (norm.affine)
        {
            normalized = normalized.mul(norm.weight!.view(perChannel)).add(norm.bias!.view(perChannel));
        }

        return normalized.MoveToOuterDisposeScope();
    }

    /// <summary>The running mean and (unbiased) variance move towards the global batch's by the momentum (a cumulative average without one).</summary>
    private static void UpdateRunningStatistics(BatchNorm norm, Tensor mean, Tensor variance, double total)
    {
        if (!norm.track_running_stats || norm.running_mean is null || norm.running_var is null)
        {
            return;
        }

        using var noGrad = torch.no_grad();
        norm.num_batches_tracked?.add_(1);
        double factor = norm.momentum ?? 1.0 / norm.num_batches_tracked!.item<long>();
        norm.running_mean.mul_(1 - factor).add_(mean.detach().mul(factor));
        norm.running_var.mul_(1 - factor).add_(variance.detach().mul(factor * total / (total - 1)));
    }
}
