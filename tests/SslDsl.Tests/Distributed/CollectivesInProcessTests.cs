using System;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Distributed;

/// <summary>The collectives of a process on its own, and the gradient buckets, without MPI.</summary>
public class CollectivesInProcessTests
{
    [Fact]
    public void AProcessWithoutALauncherTrainsAloneWithoutLoadingMpi()
    {
        Assert.False(DistributedEnvironment.FromProcess().IsDistributed, "the test host must not run under mpiexec");
        var world = Collectives.World;
        Assert.Same(SingleProcessCollectives.Instance, world);
        Assert.Same(world, Collectives.For(CPU));
        Assert.Equal((0, 1, 0, "single"), (world.Rank, world.WorldSize, world.LocalRank, world.Backend));
        Assert.DoesNotContain(System.Diagnostics.Process.GetCurrentProcess().Modules.Cast<System.Diagnostics.ProcessModule>(),
            m => m.ModuleName.StartsWith("libmpi", StringComparison.Ordinal));
    }

    [Fact]
    public void SingleProcessOperationsLeaveTensorsAsTheyAre()
    {
        var c = SingleProcessCollectives.Instance;
        using var t = torch.tensor(new float[] { 1, 2, 3 });
        c.AllReduce(t, ReduceOperation.Average);
        c.Broadcast(t, root: 0);
        c.Barrier();
        Assert.Equal(new float[] { 1, 2, 3 }, t.data<float>().ToArray());
        using var gathered = c.AllGather(t);
        gathered.add_(1);
        Assert.Equal(new float[] { 1, 2, 3 }, t.data<float>().ToArray());
    }

    [Fact]
    public void BucketsHoldAtMostTheCapUnlessOneParameterIsLarger()
    {
        using var small = nn.Linear(3, 2);
        Assert.Equal(1, new GradientBuckets(small.parameters()).Count);
        // 24 bytes of weight, 8 of bias: a 16-byte cap puts the (larger) weight alone, then the bias.
        Assert.Equal(2, new GradientBuckets(small.parameters(), bucketBytes: 16).Count);
        Assert.Equal(1, new GradientBuckets(small.parameters(), bucketBytes: 32).Count);
    }

    [Fact]
    public void AveragingOverOneRankKeepsEveryGradientAndLeavesMissingOnesMissing()
    {
        using var layer = nn.Linear(3, 2);
        var weight = layer.parameters().First();
        var bias = layer.parameters().Last();
        weight.grad = torch.arange(6, dtype: ScalarType.Float32).reshape(2, 3);
        new GradientBuckets(layer.parameters(), bucketBytes: 8).Average(SingleProcessCollectives.Instance);
        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5 }, weight.grad!.data<float>().ToArray());
        Assert.Null(bias.grad);
    }

    [Fact]
    public void TheCollectiveTimeoutComesFromTheEnvironmentInSecondsOrIsTheDefault()
    {
        var fallback = TimeSpan.FromMinutes(30);
        Assert.Equal(fallback, MpiCollectives.DefaultTimeout);
        Assert.Equal(fallback, CollectiveWatchdog.FromEnvironment(null, fallback));
        Assert.Equal(fallback, CollectiveWatchdog.FromEnvironment(" ", fallback));
        Assert.Equal(TimeSpan.FromSeconds(2.5), CollectiveWatchdog.FromEnvironment("2.5", fallback));
        var e = Assert.Throws<DistributedException>(() => CollectiveWatchdog.FromEnvironment("0", fallback));
        Assert.Equal("SSLDSL_COLLECTIVE_TIMEOUT='0' is not a number of seconds > 0; set it to the longest time a collective may wait for the other ranks (unset: 1800 s).", e.Message);
        Assert.Throws<DistributedException>(() => CollectiveWatchdog.FromEnvironment("ten", fallback));
        var option = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { CollectiveTimeout = TimeSpan.Zero }.Validate());
        Assert.Equal("CollectiveTimeout", option.ParamName);
    }

    [Fact]
    public void TheWatchdogReportsACollectiveThatWaitsTooLongOnceAndNotOneThatEnds()
    {
        using var expired = new System.Threading.ManualResetEventSlim();
        string? reported = null;
        var watchdog = new CollectiveWatchdog(TimeSpan.FromMilliseconds(200), (operation, waited) =>
        {
            reported = $"{operation} after {waited.TotalMilliseconds >= 200}";
            expired.Set();
        });
        watchdog.Enter("MPI_Barrier");
        watchdog.Exit();
        Assert.False(expired.Wait(TimeSpan.FromMilliseconds(600)), "a collective that ended was reported");
        watchdog.Enter("MPI_Allreduce");
        Assert.True(expired.Wait(TimeSpan.FromSeconds(30)), "a collective waiting for ever was not reported");
        Assert.Equal("MPI_Allreduce after True", reported);
    }
}
