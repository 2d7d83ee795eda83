using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// MoCo's memory bank of negative keys: a FIFO of <c>size</c> key vectors of width <c>dim</c>. The
/// queue ([size, dim], initialized with random L2-normalized rows) and the write pointer (an int64
/// scalar) are persistent buffers named <c>queue</c> and <c>pointer</c>, so they move with the module
/// and are saved and loaded with its checkpoints.
/// </summary>
public sealed class NegativeQueue : nn.Module
{
    private const string QueueBuffer = "queue";
    private const string PointerBuffer = "pointer";

    /// <summary>Creates a queue of <paramref name="size"/> random unit vectors of width <paramref name="dim"/>.</summary>
    /// <param name="size">Number of keys kept, &gt; 0.</param>
    /// <param name="dim">Key width, &gt; 0.</param>
    /// <param name="seed">Seed of the initial random keys.</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public NegativeQueue(int size, int dim, long seed = 0, string name = "negative_queue")
        : base(name)
    {
        Guard.Positive(nameof(NegativeQueue), size);
        Guard.Positive(nameof(NegativeQueue), dim);
        Size = size;
        Dim = dim;
        using var generator = new torch.Generator(unchecked((ulong)seed), torch.CPU);
        using var random = torch.randn(new long[] { size, dim }, generator: generator);
        register_buffer(QueueBuffer, nn.functional.normalize(random, dim: 1), persistent: true);
        register_buffer(PointerBuffer, torch.tensor(0L), persistent: true);
    }

    /// <summary>Number of keys kept.</summary>
    public int Size { get; }

    /// <summary>Key width.</summary>
    public int Dim { get; }

    /// <summary>The queued keys, [size, dim], detached from any graph.</summary>
    public Tensor Negatives => Buffer(QueueBuffer).detach();

    /// <summary>The row where the next <see cref="Enqueue"/> starts writing, in [0, size).</summary>
    public long Pointer => Buffer(PointerBuffer).item<long>();

    /// <summary>
    /// Writes <paramref name="keys"/> (as given, detached; MoCo enqueues the normalized keys of the
    /// momentum encoder) over the oldest rows, starting at <see cref="Pointer"/> and wrapping around the
    /// end, then advances the pointer by N modulo size.
    /// </summary>
    /// <param name="keys">[N, dim] with size % N == 0.</param>
    /// <exception cref="ArgumentException">The keys are not [N, dim] or N does not divide the queue size.</exception>
    public void Enqueue(Tensor keys)
    {
        if (keys is null)
        {
            throw new ArgumentNullException(nameof(keys));
        }

        if (keys.dim() != 2 || keys.shape[1] != Dim || keys.shape[0] < 1)
        {
            throw new ArgumentException($"{nameof(NegativeQueue)}: keys must be [N, {Dim}] with N >= 1 but are [{string.Join(",", keys.shape)}].", nameof(keys));
        }

        long n = keys.shape[0];
        if (Size % n != 0)
        {
            throw new ArgumentException($"{nameof(NegativeQueue)}: the queue size {Size} is not a multiple of the batch of {n} keys; choose a size that is a multiple of the batch size.", nameof(keys));
        }

        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var queue = Buffer(QueueBuffer);
        var pointer = Buffer(PointerBuffer);
        long start = pointer.item<long>();
        var rows = torch.arange(start, start + n, ScalarType.Int64, device: queue.device).remainder(Size);
        queue.index_copy_(0, rows, keys.detach().to(queue.dtype).to(queue.device));
        pointer.fill_((start + n) % Size);
    }

    private Tensor Buffer(string name) =>
        get_buffer(name) ?? throw new InvalidOperationException($"{nameof(NegativeQueue)}: the buffer '{name}' is missing.");
}
