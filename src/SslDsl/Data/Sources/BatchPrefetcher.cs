using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace SslDsl;

/// <summary>
/// Decodes the batches of one pass on worker threads, ahead of the reader, in a bounded queue: at most
/// <c>prefetch</c> batches are decoded or being decoded at a time, each into one of at most <c>prefetch</c>
/// reused <see cref="SampleBuffer"/>s, and the reader receives them in order. A sample that fails stops
/// the pass when the reader reaches its batch, with the worker's exception. With no workers the reader
/// decodes each batch itself when it asks for it.
/// </summary>
internal sealed class BatchPrefetcher : IDisposable
{
    private readonly SampleOrder _order;
    private readonly Func<long, SampleBuffer, int, bool> _read;
    private readonly Func<SampleBuffer> _createBuffer;
    private readonly IEnumerator<(long Start, int Size)> _plan;
    private readonly Queue<Job> _pending = new();
    private readonly Stack<SampleBuffer> _free = new();
    private readonly BlockingCollection<Job>? _work;
    private readonly Thread[] _threads;
    private readonly int _prefetch;
    private volatile bool _stopping;

    /// <summary>Starts <paramref name="workers"/> threads that decode the batches of <paramref name="order"/> with <paramref name="read"/>.</summary>
    public BatchPrefetcher(SampleOrder order, Func<long, SampleBuffer, int, bool> read, Func<SampleBuffer> createBuffer, int workers, int prefetch, string name)
    {
        _order = order;
        _read = read;
        _createBuffer = createBuffer;
        _plan = order.Batches().GetEnumerator();
        _prefetch = workers == 0 ? 1 : prefetch;
        _threads = new Thread[workers];
        if (workers > 0)
        {
            _work = new BlockingCollection<Job>();
            for (int i = 0; i < workers; i++)
            {
                _threads[i] = new Thread(Work) { IsBackground = true, Name = $"SslDsl decoder {i + 1} ({name})" };
                _threads[i].Start();
            }
        }
    }

    /// <summary>One batch: its place in the order, its buffer, and what decoding it gave.</summary>
    public sealed class Job
    {
        internal Job(long start, int size, SampleBuffer buffer)
        {
            Start = start;
            Size = size;
            Buffer = buffer;
        }

        /// <summary>The batch's first position in the order.</summary>
        public long Start { get; }

        /// <summary>Samples asked for.</summary>
        public int Size { get; }

        /// <summary>The decoded samples (the kept ones first).</summary>
        public SampleBuffer Buffer { get; }

        /// <summary>Samples kept (the source skipped the others).</summary>
        public int Kept { get; internal set; }

        internal ExceptionDispatchInfo? Error { get; set; }

        internal ManualResetEventSlim Done { get; } = new(false);
    }

    /// <summary>The next batch, decoded; false at the end of the pass. Hand it back with <see cref="Release"/>.</summary>
    public bool TryNext(out Job job)
    {
        TopUp();
        if (_pending.Count == 0)
        {
            job = null!;
            return false;
        }

        job = _pending.Dequeue();
        if (_work is null)
        {
            Decode(job);
        }
        else
        {
            job.Done.Wait();
        }

        if (job.Error is { } error)
        {
            Release(job);
            error.Throw();
        }

        return true;
    }

    /// <summary>Returns the job's buffer for a later batch.</summary>
    public void Release(Job job)
    {
        job.Done.Dispose();
        _free.Push(job.Buffer);
    }

    private void TopUp()
    {
        while (_pending.Count < _prefetch && _plan.MoveNext())
        {
            var (start, size) = _plan.Current;
            var job = new Job(start, size, _free.Count > 0 ? _free.Pop() : _createBuffer());
            _pending.Enqueue(job);
            _work?.Add(job);
        }
    }

    private void Work()
    {
        foreach (var job in _work!.GetConsumingEnumerable())
        {
            if (!_stopping)
            {
                Decode(job);
            }

            job.Done.Set();
        }
    }

    private void Decode(Job job)
    {
        try
        {
            job.Kept = job.Buffer.Fill(job.Size, slot => !_stopping && _read(_order[job.Start + slot], job.Buffer, slot));
        }
        catch (Exception e)
        {
            job.Error = ExceptionDispatchInfo.Capture(e);
        }
    }

    /// <summary>Stops the workers (they drop the rest of the batch at hand) and waits for them.</summary>
    public void Dispose()
    {
        _stopping = true;
        _work?.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread?.Join();
        }

        _work?.Dispose();
        foreach (var job in _pending)
        {
            job.Done.Dispose();
        }

        _plan.Dispose();
    }
}
