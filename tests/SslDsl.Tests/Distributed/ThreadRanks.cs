using System;
using System.Linq;
using System.Threading;
using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Tests.Distributed;

/// <summary>
/// Ranks as threads of this process, for checking distributed arithmetic without MPI: <see cref="Run"/> runs one
/// body per rank, each with its own <see cref="ICollectives"/>, whose operations meet at a barrier (a wait of more
/// than a minute fails the test instead of hanging it).
/// </summary>
internal sealed class ThreadRanks
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);
    private readonly Barrier _barrier;
    private readonly Tensor?[] _slots;

    private ThreadRanks(int size)
    {
        _barrier = new Barrier(size);
        _slots = new Tensor?[size];
    }

    /// <summary>Runs <paramref name="body"/> for ranks 0..<paramref name="size"/>-1 on as many threads and returns their results in rank order.</summary>
    public static T[] Run<T>(int size, Func<ICollectives, T> body)
    {
        var ranks = new ThreadRanks(size);
        var results = new T[size];
        var errors = new Exception?[size];
        var threads = Enumerable.Range(0, size).Select(r => new Thread(() =>
        {
            try
            {
                results[r] = body(new Member(ranks, r));
            }
            catch (Exception e)
            {
                errors[r] = e;
                ranks._barrier.RemoveParticipant();
            }
        })).ToArray();
        foreach (var t in threads)
        {
            t.Start();
        }

        foreach (var t in threads)
        {
            if (!t.Join(Limit * 2))
            {
                throw new TimeoutException("a rank thread did not end");
            }
        }

        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            throw new AggregateException(error);
        }

        return results;
    }

    private Tensor[] Exchange(int rank, Tensor tensor)
    {
        _slots[rank] = tensor.detach().clone();
        Meet();
        var all = _slots.Select(s => s!.clone()).ToArray();
        Meet();
        return all;
    }

    private void Meet()
    {
        if (!_barrier.SignalAndWait(Limit))
        {
            throw new TimeoutException("the other rank threads did not arrive");
        }
    }

    private sealed class Member(ThreadRanks ranks, int rank) : ICollectives
    {
        public int Rank => rank;

        public int WorldSize => ranks._slots.Length;

        public int LocalRank => rank;

        public string Backend => "threads";

        public void AllReduce(Tensor tensor, ReduceOperation operation = ReduceOperation.Sum)
        {
            var all = torch.stack(ranks.Exchange(rank, tensor));
            using var noGrad = torch.no_grad();
            tensor.copy_(operation switch
            {
                ReduceOperation.Max => all.amax(0),
                ReduceOperation.Min => all.amin(0),
                ReduceOperation.Average => all.mean(new long[] { 0 }),
                _ => all.sum(dim: 0),
            });
        }

        public void Broadcast(Tensor tensor, int root = 0)
        {
            var all = ranks.Exchange(rank, tensor);
            using var noGrad = torch.no_grad();
            tensor.copy_(all[root]);
        }

        public Tensor AllGather(Tensor tensor) => torch.cat(ranks.Exchange(rank, tensor), 0);

        public void Barrier() => ranks.Meet();

        public void Dispose()
        {
        }
    }
}
