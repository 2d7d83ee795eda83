using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// MoCo's shuffling BatchNorm on one device. MoCo normalizes per GPU: each GPU's queries with the statistics
/// of that GPU's images, and the keys after shuffling the key batch across GPUs (un-shuffled after the key
/// encoder), so a query and its positive key are normalized with statistics of different subsets and the
/// model cannot find the positive by a batch signature (He et al., 2020, section 3.3). On one device a
/// permutation alone changes nothing, since one BatchNorm over the whole batch ignores the order; so, as in
/// the MoCo authors' single-GPU demo (SplitBatchNorm), a batch is encoded in <see cref="Groups"/> groups whose
/// BatchNorm sees only their own samples: queries in their order, keys after a random permutation.
/// </summary>
public static class ShufflingBatchNorm
{
    /// <summary>The samples per group a batch is split into (MoCo's 32 images per GPU).</summary>
    public const int GroupSize = 32;

    /// <summary>The most groups a batch is split into (MoCo's 8 GPUs).</summary>
    public const int MaxGroups = 8;

    /// <summary>
    /// The groups a batch of <paramref name="batchSize"/> samples is encoded in: one per <see cref="GroupSize"/>
    /// samples, at least 2 and at most <see cref="MaxGroups"/>, and never fewer than 2 samples per group
    /// (BatchNorm needs 2 in training); 1 for batches of fewer than 4.
    /// </summary>
    public static int Groups(long batchSize) =>
        batchSize < 4 ? 1 : (int)Math.Clamp(batchSize / GroupSize, 2, Math.Min(MaxGroups, batchSize / 2));

    /// <summary>
    /// Encodes the queries in <see cref="Groups"/> consecutive groups (sizes differ by at most one) and
    /// concatenates the results in order, so each group's BatchNorm sees only that group.
    /// </summary>
    /// <param name="encode">The online network (encoder and projection).</param>
    /// <param name="queries">The query view, [B, ...].</param>
    /// <returns>The encoded queries, row i from queries[i].</returns>
    public static Tensor EncodeQueries(Func<Tensor, Tensor> encode, Tensor queries)
    {
        const string op = nameof(EncodeQueries);
        Guard.NotNull(op, encode);
        Guard.NotNull(op, queries);
        Guard.MinRows(op, queries, 1, "a batch is encoded");
        int groups = Groups(queries.shape[0]);
        if (groups == 1)
        {
            return encode(queries);
        }

        using var scope = torch.NewDisposeScope();
        var parts = queries.tensor_split(groups, 0).Select(encode).ToList();
        return torch.cat(parts, 0).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Encodes the keys shuffled: permutes the batch with a permutation drawn from <paramref name="generator"/>,
    /// encodes it in groups as <see cref="EncodeQueries"/> does, and restores the order, so row i of the result
    /// is the key of keys[i] (the positive of query i) while the BatchNorm groups mix other samples than the
    /// queries' groups. Draws nothing when the batch is encoded in one group.
    /// </summary>
    /// <param name="encode">The momentum network (encoder and projection).</param>
    /// <param name="keys">The key view, [B, ...], on the generator's device.</param>
    /// <param name="generator">The source of the permutation (the pipeline's).</param>
    /// <returns>The encoded keys in the order of <paramref name="keys"/>.</returns>
    public static Tensor EncodeKeys(Func<Tensor, Tensor> encode, Tensor keys, Generator generator)
    {
        const string op = nameof(EncodeKeys);
        Guard.NotNull(op, encode);
        Guard.NotNull(op, keys);
        Guard.Generator(op, generator);
        Guard.MinRows(op, keys, 1, "a batch is encoded");
        long n = keys.shape[0];
        if (Groups(n) == 1)
        {
            return encode(keys);
        }

        using var scope = torch.NewDisposeScope();
        var shuffle = torch.randperm(n, generator: generator, device: keys.device);
        var encoded = EncodeQueries(encode, keys.index_select(0, shuffle));
        return encoded.index_select(0, shuffle.argsort()).MoveToOuterDisposeScope();
    }
}
