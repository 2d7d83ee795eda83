using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// A differentiable all-gather (as <c>torch.distributed.nn.all_gather</c>): the forward pass concatenates every rank's
/// tensor along dimension 0 in rank order; the backward pass sums the gradient of the gathered tensor over the ranks
/// and hands this rank the rows of its own tensor. Every rank's loss then reaches every rank's input, which is what
/// quantities of the whole global batch (the statistics of <see cref="SyncBatchNorm"/>) need. Every rank must run
/// the backward pass through it, as it runs the forward pass.
/// </summary>
internal sealed class AllGatherFunction : autograd.SingleTensorFunction<AllGatherFunction>
{
    private const string RanksKey = "ranks";
    private const string RowsKey = "rows";

    /// <inheritdoc />
    public override string Name => "SslDslAllGather";

    /// <summary>Every rank's <paramref name="local"/> in rank order, with gradients to <paramref name="local"/> from every rank's loss.</summary>
    public static Tensor Gather(Tensor local, ICollectives ranks) => apply(local, ranks);

    /// <inheritdoc />
    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var local = (Tensor)vars[0];
        var ranks = (ICollectives)vars[1];
        ctx.save_data(RanksKey, ranks);
        ctx.save_data(RowsKey, local.shape[0]);
        using var contiguous = local.contiguous();
        return ranks.AllGather(contiguous);
    }

    /// <inheritdoc />
    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        var ranks = (ICollectives)ctx.get_data(RanksKey);
        long rows = (long)ctx.get_data(RowsKey);
        using var summed = grad_output.contiguous().clone();
        ranks.AllReduce(summed, ReduceOperation.Sum);
        // One gradient per argument: this rank's rows for the tensor, none for the collectives.
        return new List<Tensor> { summed.narrow(0, ranks.Rank * rows, rows).clone(), null! };
    }
}
