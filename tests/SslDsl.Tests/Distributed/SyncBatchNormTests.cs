using System;
using System.Linq;
using SslDsl;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Distributed;

/// <summary>
/// Synchronised batch norm in one process: against the formula and against PyTorch's own batch norm of the whole
/// batch, alone and with two ranks as threads, in outputs, running statistics and gradients.
/// </summary>
public class SyncBatchNormTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void OneRankGivesTheHandComputedValuesAndStatistics()
    {
        // One channel, values 1 and 3: mean 2, biased variance 1, unbiased 2.
        using var norm = nn.BatchNorm1d(1);
        using var x = torch.tensor(new float[] { 1, 3 }).reshape(2, 1);
        using var y = SyncBatchNorm.Normalize(norm, x, SingleProcessCollectives.Instance);
        float scale = 1f / MathF.Sqrt(1f + 1e-5f);
        Assert.Equal(new[] { -scale, scale }, y.data<float>().ToArray());
        Assert.Equal(0.2f, norm.running_mean!.item<float>(), 6);
        Assert.Equal(0.9f + 0.2f, norm.running_var!.item<float>(), 6);
        Assert.Equal(1L, norm.num_batches_tracked!.item<long>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OneRankMatchesBatchNormInOutputStatisticsAndGradients(bool images)
    {
        torch.manual_seed(3);
        var (synced, plain) = Pair(images);
        using var x = (images ? torch.randn(6, 3, 4, 5) : torch.randn(6, 3)).mul(2).add(1);
        using var coefficients = torch.randn_like(x);

        var xs = x.clone().requires_grad_();
        var ys = SyncBatchNorm.Normalize(synced, xs, SingleProcessCollectives.Instance);
        ys.mul(coefficients).sum().backward();

        var xp = x.clone().requires_grad_();
        var yp = plain.forward(xp);
        yp.mul(coefficients).sum().backward();

        AssertClose(yp, ys, "output");
        AssertClose(xp.grad!, xs.grad!, "input gradient");
        AssertClose(plain.weight!.grad!, synced.weight!.grad!, "weight gradient");
        AssertClose(plain.bias!.grad!, synced.bias!.grad!, "bias gradient");
        AssertClose(plain.running_mean!, synced.running_mean!, "running mean");
        AssertClose(plain.running_var!, synced.running_var!, "running variance");
    }

    [Fact]
    public void TwoRanksOfHalfBatchesMatchBatchNormOfTheConcatenatedBatch()
    {
        torch.manual_seed(4);
        var (_, plain) = Pair(images: true);
        using var x = torch.randn(8, 3, 4, 4).mul(3).add(torch.arange(8, dtype: ScalarType.Float32).view(8, 1, 1, 1));
        using var coefficients = torch.randn_like(x);
        var xp = x.clone().requires_grad_();
        plain.forward(xp).mul(coefficients).sum().backward();
        var expected = plain.forward(x.clone());  // a second batch: the running statistics move twice

        var ranks = ThreadRanks.Run(2, c =>
        {
            torch.manual_seed(4);
            var (norm, _) = Pair(images: true);
            var mine = x.narrow(0, 4 * c.Rank, 4).clone().requires_grad_();
            var y = SyncBatchNorm.Normalize(norm, mine, c);
            y.mul(coefficients.narrow(0, 4 * c.Rank, 4)).sum().backward();
            var second = SyncBatchNorm.Normalize(norm, x.narrow(0, 4 * c.Rank, 4).clone(), c);
            return (Output: second.detach(), Input: mine.grad!, Weight: norm.weight!.grad!, Bias: norm.bias!.grad!, Mean: norm.running_mean!, Var: norm.running_var!);
        });

        AssertClose(expected.detach(), torch.cat(ranks.Select(r => r.Output).ToArray(), 0), "output");
        AssertClose(xp.grad!, torch.cat(ranks.Select(r => r.Input).ToArray(), 0), "input gradient");
        AssertClose(plain.weight!.grad!, ranks[0].Weight + ranks[1].Weight, "weight gradient (sum over the ranks)");
        AssertClose(plain.bias!.grad!, ranks[0].Bias + ranks[1].Bias, "bias gradient (sum over the ranks)");
        foreach (var r in ranks)
        {
            AssertClose(plain.running_mean!, r.Mean, "running mean");
            AssertClose(plain.running_var!, r.Var, "running variance");
        }

        // Each rank's own statistics would differ: the check above proves something.
        using var alone = nn.BatchNorm2d(3);
        using var half = alone.forward(x.narrow(0, 0, 4));
        Assert.True((half - expected.narrow(0, 0, 4)).abs().max().item<float>() > 0.1, "the halves' own statistics are those of the whole batch");
    }

    [Fact]
    public void HookedLayersOfANetworkNormaliseOverEveryRankInsideASpanOnly()
    {
        torch.manual_seed(5);
        using var x = torch.randn(8, 4).mul(2);
        using var reference = Network(seed: 6);
        using var expected = reference.forward(x);

        var ranks = ThreadRanks.Run(2, c =>
        {
            var network = Network(seed: 6);
            using var synchronization = new BatchNormSynchronization(network);
            Assert.Equal(1, synchronization.Count);
            var mine = x.narrow(0, 4 * c.Rank, 4);
            Tensor inside;
            using (GlobalBatch.Span(c))
            {
                inside = synchronization.CheckAllSynchronized(() => network.forward(mine));
            }

            var outside = network.forward(mine);
            return (Inside: inside.detach(), Outside: outside.detach(), Steps: ((BatchNorm)network.named_modules().Single(m => m.module is BatchNorm).module).num_batches_tracked!.item<long>());
        });

        AssertClose(expected, torch.cat(ranks.Select(r => r.Inside).ToArray(), 0), "network output inside a span");
        Assert.True((expected.narrow(0, 0, 4) - ranks[0].Outside).abs().max().item<float>() > 1e-3, "outside a span the layer must use this rank's batch only");
        Assert.All(ranks, r => Assert.Equal(2L, r.Steps));
    }

    [Fact]
    public void ALayerCalledThroughForwardIsNamedInsteadOfLeftUnsynchronised()
    {
        var errors = ThreadRanks.Run(2, c =>
        {
            var network = new DirectCall();
            using var synchronization = new BatchNormSynchronization(network);
            using var span = GlobalBatch.Span(c);
            return Assert.Throws<DistributedException>(() => synchronization.CheckAllSynchronized(() => network.forward(torch.randn(4, 2)))).Message;
        });

        Assert.All(errors, m => Assert.StartsWith("The batch-norm layer 'norm' (BatchNorm1d) ran without synchronisation: its parent module calls its forward() directly.", m, StringComparison.Ordinal));
    }

    private static (BatchNorm Synced, BatchNorm Plain) Pair(bool images)
    {
        BatchNorm a = images ? nn.BatchNorm2d(3) : nn.BatchNorm1d(3);
        BatchNorm b = images ? nn.BatchNorm2d(3) : nn.BatchNorm1d(3);
        using (torch.no_grad())
        {
            a.weight!.copy_(torch.tensor(new float[] { 0.5f, 1.5f, -1f }));
            a.bias!.copy_(torch.tensor(new float[] { 0.1f, -0.2f, 0.3f }));
            b.weight!.copy_(a.weight);
            b.bias!.copy_(a.bias);
        }

        return (a, b);
    }

    /// <summary>
    /// A small network with batch norm whose weights depend on <paramref name="seed"/> alone: drawn from a private
    /// generator, not torch's global one, which other tests and the rank threads use at the same time.
    /// </summary>
    private static nn.Module<Tensor, Tensor> Network(int seed)
    {
        var network = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3), nn.ReLU(), nn.Linear(3, 2));
        using var generator = new torch.Generator((ulong)seed);
        using var noGrad = torch.no_grad();
        foreach (var parameter in network.parameters())
        {
            parameter.copy_(torch.rand(parameter.shape, generator: generator).sub(0.5));
        }

        return network;
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        double difference = (expected - actual).abs().max().item<float>();
        Assert.True(difference <= Tolerance, $"{what}: differs by {difference:G3}");
    }

    /// <summary>A module that calls its batch norm's forward directly, bypassing hooks.</summary>
    private sealed class DirectCall : nn.Module<Tensor, Tensor>
    {
        private readonly BatchNorm1d norm = nn.BatchNorm1d(2);

        public DirectCall()
            : base(nameof(DirectCall))
        {
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => norm.forward(input);
    }
}
