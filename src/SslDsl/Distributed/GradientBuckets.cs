using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Averages the gradients of a set of parameters over the ranks in few, large messages: the parameters are
/// grouped, in order, into buckets of at most <see cref="DefaultBucketBytes"/> of one type and device (as
/// PyTorch's DistributedDataParallel does with its 25 MB default), and each bucket's gradients are flattened
/// into one tensor, all-reduced and copied back. A parameter without a gradient on this rank contributes
/// zeros and keeps no gradient; a parameter must get a gradient on every rank or on none.
/// </summary>
internal sealed class GradientBuckets
{
    /// <summary>Bytes per bucket unless told otherwise: 25 MiB.</summary>
    public const long DefaultBucketBytes = 25L << 20;

    private readonly Tensor[][] _buckets;

    /// <summary>Plans the buckets of <paramref name="parameters"/>.</summary>
    public GradientBuckets(IEnumerable<Tensor> parameters, long bucketBytes = DefaultBucketBytes)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var buckets = new List<Tensor[]>();
        foreach (var group in parameters.GroupBy(p => (p.dtype, p.device.ToString())))
        {
            var current = new List<Tensor>();
            long bytes = 0;
            foreach (var p in group)
            {
                long size = p.NumberOfElements * p.ElementSize;
                if (current.Count > 0 && bytes + size > bucketBytes)
                {
                    buckets.Add(current.ToArray());
                    current.Clear();
                    bytes = 0;
                }

                current.Add(p);
                bytes += size;
            }

            if (current.Count > 0)
            {
                buckets.Add(current.ToArray());
            }
        }

        _buckets = buckets.ToArray();
    }

    /// <summary>The number of buckets (all-reduce calls per step).</summary>
    public int Count => _buckets.Length;

    /// <summary>Replaces every gradient by its average over the ranks of <paramref name="collectives"/>.</summary>
    public void Average(ICollectives collectives)
    {
        ArgumentNullException.ThrowIfNull(collectives);
        using var noGrad = torch.no_grad();
        foreach (var bucket in _buckets)
        {
            using var scope = torch.NewDisposeScope();
            var flat = torch.cat(bucket.Select(p => p.grad is { } g ? g.reshape(-1) : torch.zeros(p.NumberOfElements, p.dtype, p.device)).ToArray(), 0);
            collectives.AllReduce(flat, ReduceOperation.Average);
            long offset = 0;
            foreach (var p in bucket)
            {
                long n = p.NumberOfElements;
                if (p.grad is { } g)
                {
                    g.copy_(flat.narrow(0, offset, n).view_as(g));
                }

                offset += n;
            }
        }
    }
}
