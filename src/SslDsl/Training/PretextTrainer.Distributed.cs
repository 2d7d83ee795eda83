using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Data-parallel training: every rank (process) holds the whole model, reads its own shard of each epoch's
/// order in batches of <c>BatchSize / WorldSize</c>, and the ranks keep identical weights by starting from
/// rank 0's parameters and buffers and by applying the same averaged gradients. Only rank 0 writes files
/// and messages. With one process every operation here is a no-op.
/// </summary>
public abstract partial class PretextTrainer<TBatch>
{
    private readonly ICollectives _collectives;
    private readonly Stopwatch _communication = new();
    private GradientBuckets? _buckets;
    private BatchNormSynchronization? _syncNorms;
    private bool _syncNormsChecked;

    /// <summary>The metric that <see cref="EpochMetrics.Extra"/> gets when several ranks train: milliseconds per step spent in collectives (waiting for the slowest rank included).</summary>
    public const string CommunicationMetric = "communication_ms_per_step";

    /// <summary>
    /// The ranks training together: <see cref="TrainingOptions.Collectives"/>, else those this process was started
    /// with (<see cref="SslDsl.Collectives.For"/>: alone, or MPI / NCCL under <c>mpiexec</c>).
    /// </summary>
    public ICollectives Collectives => _collectives;

    /// <summary>Whether this process is rank 0, the one that writes checkpoints, metrics, plots and messages.</summary>
    public bool IsMainRank => _collectives.Rank == 0;

    /// <summary>Samples per batch on this rank: the batch size in force divided by the world size.</summary>
    public int LocalBatchSize => Settings.BatchSize / _collectives.WorldSize;

    private bool IsDistributed => _collectives.WorldSize > 1;

    private DataShard Shard => new(_collectives.Rank, _collectives.WorldSize);

    private static ICollectives ResolveCollectives(TrainingOptions options, TrainingSettings settings, out Device device)
    {
        var world = options.Collectives ?? SslDsl.Collectives.World;
        device = options.Device ?? SslDsl.Collectives.DefaultDevice(world);
        Devices.EnsureAvailable(device, options.Names[nameof(TrainingOptions.Device)]);
        if (settings.BatchSize % world.WorldSize != 0)
        {
            throw new ArgumentException(
                $"Task '{settings.TaskName}': the batch size {settings.BatchSize} is split over {world.WorldSize} processes, so it must be a multiple of {world.WorldSize}. " +
                $"Use {options.Names.Set(nameof(TrainingOptions.BatchSize), (settings.BatchSize / world.WorldSize + 1) * world.WorldSize)}, or start another number of processes.");
        }

        var collectives = options.Collectives ?? SslDsl.Collectives.For(device);
        if (options.CollectiveTimeout is { } timeout && (collectives as MpiCollectives ?? world as MpiCollectives) is { } mpi)
        {
            mpi.CollectiveTimeout = timeout;
        }

        return collectives;
    }

    /// <summary>
    /// The loss of <paramref name="batch"/>; with several ranks inside a <see cref="GlobalBatch.Span"/>, so that the
    /// batch-global losses (NT-Xent, InfoNCE, DCL, Barlow Twins, VICReg) and, with
    /// <see cref="TrainingOptions.SyncBatchNorm"/>, every batch-norm layer span every rank's samples. The first
    /// synchronised step checks that no batch-norm layer escaped the synchronisation.
    /// </summary>
    private LossTerms ComputeGlobalLoss(TBatch batch)
    {
        using var globalBatch = GlobalBatch.Span(_collectives);
        if (!IsDistributed || !Options.SyncBatchNorm)
        {
            return ComputeLoss(batch);
        }

        _syncNorms ??= new BatchNormSynchronization(Network);
        if (_syncNormsChecked || _syncNorms.Count == 0)
        {
            return ComputeLoss(batch);
        }

        _syncNormsChecked = true;
        return _syncNorms.CheckAllSynchronized(() => ComputeLoss(batch));
    }

    /// <summary>Copies rank 0's parameters and buffers to every rank.</summary>
    private void BroadcastState()
    {
        if (!IsDistributed)
        {
            return;
        }

        FlatBroadcast(Network.parameters().Concat(Network.buffers()));
    }

    /// <summary>Copies rank 0's buffers (batch-norm statistics) to every rank before a step, as DistributedDataParallel does; nothing to send without buffers.</summary>
    private void BroadcastBuffers()
    {
        if (!IsDistributed)
        {
            return;
        }

        _communication.Start();
        FlatBroadcast(Network.buffers());
        _communication.Stop();
    }

    /// <summary>Broadcasts rank 0's <paramref name="tensors"/> in one message per type and device (flattened, then copied back).</summary>
    private void FlatBroadcast(IEnumerable<Tensor> tensors)
    {
        using var noGrad = torch.no_grad();
        foreach (var group in tensors.GroupBy(t => (t.dtype, t.device.ToString())))
        {
            using var scope = torch.NewDisposeScope();
            var members = group.ToArray();
            var flat = torch.cat(members.Select(t => t.reshape(-1)).ToArray(), 0);
            _collectives.Broadcast(flat, root: 0);
            long offset = 0;
            foreach (var t in members)
            {
                t.copy_(flat.narrow(0, offset, t.NumberOfElements).view_as(t));
                offset += t.NumberOfElements;
            }
        }
    }

    /// <summary>Averages the gradients of <paramref name="optimizer"/>'s parameters over the ranks, in buckets.</summary>
    private void AverageGradients(TrainingOptimizer optimizer)
    {
        if (!IsDistributed)
        {
            return;
        }

        _buckets ??= new GradientBuckets(optimizer.Parameters);
        _communication.Start();
        _buckets.Average(_collectives);
        _communication.Stop();
    }

    /// <summary>
    /// The average over the ranks of the loss and its terms, in one message. A NaN or infinity on any rank makes
    /// the average non-finite on every rank, so all ranks skip (or stop at) the same step.
    /// </summary>
    private double AverageLoss(double total, Dictionary<string, double> terms)
    {
        if (!IsDistributed)
        {
            return total;
        }

        var names = terms.Keys.ToArray();
        using var values = torch.tensor(new[] { total }.Concat(names.Select(n => terms[n])).ToArray(), ScalarType.Float64);
        _communication.Start();
        _collectives.AllReduce(values, ReduceOperation.Average);
        _communication.Stop();
        var averaged = values.data<double>().ToArray();
        for (int i = 0; i < names.Length; i++)
        {
            terms[names[i]] = averaged[i + 1];
        }

        return averaged[0];
    }

    /// <summary>
    /// Whether any rank wants to stop (cancelled) or to pass over this batch (all of its files were skipped), so
    /// that every rank takes the same branch; alone, just the local answers.
    /// </summary>
    private (bool Stop, bool PassOver) Agree(bool stop, bool passOver)
    {
        if (!IsDistributed)
        {
            return (stop, passOver);
        }

        using var flags = torch.tensor(new[] { stop ? 1 : 0, passOver ? 1 : 0 }, ScalarType.Int32);
        _communication.Start();
        _collectives.AllReduce(flags, ReduceOperation.Max);
        _communication.Stop();
        var agreed = flags.data<int>().ToArray();
        return (agreed[0] != 0, agreed[1] != 0);
    }

    /// <summary>Adds the time spent in collectives per step of the epoch to <paramref name="metrics"/> (several ranks only), and starts counting again.</summary>
    private void ReportCommunication(EpochMetrics metrics)
    {
        if (IsDistributed && metrics.Steps > 0)
        {
            metrics.Extra[CommunicationMetric] = _communication.Elapsed.TotalMilliseconds / metrics.Steps;
        }

        _communication.Reset();
    }

    /// <summary>
    /// Runs <paramref name="body"/>; when it throws in a run of several ranks, marks this rank failed so that its
    /// exit ends the whole job (<see cref="MpiCollectives.MarkFailed"/>) instead of leaving the others waiting.
    /// </summary>
    private T FailingTogether<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch when (IsDistributed)
        {
            (_collectives as MpiCollectives ?? (SslDsl.Collectives.World as MpiCollectives))?.MarkFailed();
            throw;
        }
    }

    /// <summary>
    /// The seed of this rank's augmentation generators: the run's seed on rank 0 (so a single process and rank 0
    /// draw alike), a different one derived from it on every other rank, so ranks do not augment in lockstep.
    /// </summary>
    protected long RankSeed(long seed) =>
        _collectives.Rank == 0 ? seed : unchecked(seed ^ (long)(0x9E3779B97F4A7C15UL * (ulong)_collectives.Rank));
}
