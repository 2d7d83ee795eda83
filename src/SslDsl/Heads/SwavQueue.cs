using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// SwAV's queue: for each global crop, a FIFO of the L2-normalized features of past batches (one
/// <see cref="NegativeQueue"/> per crop, saved in checkpoints). From epoch <c>startEpoch</c> on, their prototype
/// scores are appended to the batch's when the Sinkhorn-Knopp codes are computed, which keeps the equal-share
/// constraint meaningful for small batches. Features are enqueued after every update from the first step, so
/// the queue is full of real features by the time it is used.
/// </summary>
public sealed class SwavQueue : nn.Module, IEpochAware
{
    private readonly NegativeQueue[] _views;
    private readonly int _startEpoch;
    private int _epoch;

    /// <summary>Creates one queue of <paramref name="size"/> features of width <paramref name="dim"/> per global crop.</summary>
    /// <param name="views">Global crops, &gt;= 1.</param>
    /// <param name="size">Features kept per crop: a positive multiple of the batch size.</param>
    /// <param name="dim">Feature width.</param>
    /// <param name="startEpoch">The first epoch (0-based) whose codes use the queue, &gt;= 0.</param>
    /// <param name="seed">Seed of the initial random contents.</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public SwavQueue(int views, int size, int dim, int startEpoch = 15, long seed = 0, string name = "swav_queue")
        : base(name)
    {
        Guard.Positive(nameof(SwavQueue), views);
        Guard.NonNegative(nameof(SwavQueue), startEpoch);
        _views = Enumerable.Range(0, views).Select(v => new NegativeQueue(size, dim, seed + v, $"view{v}")).ToArray();
        for (int v = 0; v < views; v++)
        {
            register_module($"view{v}", _views[v]);
        }

        _startEpoch = startEpoch;
    }

    /// <summary>Whether the current epoch's codes use the queue.</summary>
    public bool Active => _epoch >= _startEpoch;

    /// <summary>The queue of global crop <paramref name="view"/>, [size, dim].</summary>
    public NegativeQueue View(int view) => _views[view];

    /// <inheritdoc />
    public void SetEpoch(int epoch) => _epoch = epoch;

    /// <summary>The prototype scores of every queued feature, one [size, K] tensor per global crop, or null before the start epoch.</summary>
    public Tensor[]? Scores(SwavPrototypes prototypes)
    {
        if (!Active)
        {
            return null;
        }

        using var noGrad = torch.no_grad();
        return _views.Select(q => prototypes.call(q.Negatives)).ToArray();
    }

    /// <summary>Enqueues the normalized features of the global crops, [views x N, dim] (crop-major, as the views were concatenated).</summary>
    /// <exception cref="ArgumentException">The rows do not split into one batch per crop.</exception>
    public void Enqueue(Tensor globalFeatures)
    {
        Guard.Rank(nameof(SwavQueue), globalFeatures, 2, "[views x N, dim]");
        if (globalFeatures.shape[0] % _views.Length != 0)
        {
            throw new ArgumentException($"{nameof(SwavQueue)}: globalFeatures must hold one batch per global crop ({_views.Length}), but its {globalFeatures.shape[0]} rows do not split evenly.", nameof(globalFeatures));
        }

        using var scope = torch.NewDisposeScope();
        var perView = nn.functional.normalize(globalFeatures.detach(), dim: 1).chunk(_views.Length, 0);
        for (int v = 0; v < _views.Length; v++)
        {
            _views[v].Enqueue(perView[v]);
        }
    }
}
