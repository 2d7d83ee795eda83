using System;
using System.IO;
using System.Linq;
using SslDsl;
using SslDsl.Tests.Training;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Distributed;

/// <summary>
/// Data-parallel training under <c>mpiexec -n 2</c> on this machine, against one process: ranks with half batches
/// train as one process with the whole batch, stay identical, skip non-finite steps together, write once, refuse
/// a resume with another number of processes, and end together when one of them fails or dies.
/// </summary>
public class DataParallelTrainingTests : IDisposable
{
    private const int Limit = 180;
    private readonly string _dir = TinyData.TempFolder();

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void CollectivesOfTwoAndThreeRanksGiveTheHandComputedValues()
    {
        foreach (int ranks in new[] { 2, 3 })
        {
            var run = MpiLaunch.Ranks(ranks, Limit, "collectives");
            Assert.True(run.ExitCode == 0, run.Output);
            for (int r = 0; r < ranks; r++)
            {
                Assert.Contains($"rank {r} of {ranks}: collectives agree (mpi, Open MPI", run.Output, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void GatheredBatchGlobalLossesEqualTheLossesOfTheConcatenatedBatchInValueAndGradient()
    {
        var run = MpiLaunch.Ranks(2, Limit, "losses");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("rank 0 of 2: gathered losses equal the whole batch's", run.Output, StringComparison.Ordinal);
        Assert.Contains("rank 1 of 2: gathered losses equal the whole batch's", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoRanksWithHalfBatchesTrainAsOneProcessWithTheWholeBatch()
    {
        var single = MpiLaunch.Single(Limit, "train", "--out", Prefix("single"));
        Assert.True(single.ExitCode == 0, single.Output);
        var two = MpiLaunch.Ranks(2, Limit, "train", "--out", Prefix("two"));
        Assert.True(two.ExitCode == 0, two.Output);

        // 64 samples, batches of 8, 2 epochs: 16 steps, on each rank 16 batches of 4.
        Assert.Contains("rank 0 of 1: steps 16 skipped 0", single.Output, StringComparison.Ordinal);
        Assert.Contains("rank 0 of 2: steps 16 skipped 0", two.Output, StringComparison.Ordinal);
        Assert.Contains("rank 1 of 2: steps 16 skipped 0", two.Output, StringComparison.Ordinal);

        var reference = Parameters("single", 0);
        var rank0 = Parameters("two", 0);
        var rank1 = Parameters("two", 1);
        Assert.Equal(rank0, rank1);
        AssertClose(reference, rank0, 1e-5);
        Assert.True(MaxDifference(reference, Initial()) > 1e-2, "training must move the parameters, or the comparison proves nothing");
    }

    [Fact]
    public void WithSynchronisedBatchNormTwoRanksWithHalfBatchesTrainAsOneProcessWithTheWholeBatch()
    {
        var single = MpiLaunch.Single(Limit, "train", "--out", Prefix("bn-single"), "--batch-norm");
        Assert.True(single.ExitCode == 0, single.Output);
        var two = MpiLaunch.Ranks(2, Limit, "train", "--out", Prefix("bn-two"), "--batch-norm");
        Assert.True(two.ExitCode == 0, two.Output);
        Assert.Contains("rank 1 of 2: steps 16 skipped 0", two.Output, StringComparison.Ordinal);

        // Parameters and buffers (running mean and variance, batch count) of both ranks, against one process.
        Assert.Equal(Parameters("bn-two", 0), Parameters("bn-two", 1));
        AssertClose(Parameters("bn-single", 0), Parameters("bn-two", 0), 1e-5);

        // Each rank normalising with its own half batch trains differently: the comparison above proves something.
        var unsynchronised = MpiLaunch.Ranks(2, Limit, "train", "--out", Prefix("bn-local"), "--batch-norm", "--no-sync-bn");
        Assert.True(unsynchronised.ExitCode == 0, unsynchronised.Output);
        Assert.True(MaxDifference(Parameters("bn-single", 0), Parameters("bn-local", 0)) > 1e-3, "batch norm over half batches trained as over whole ones");
    }

    [Fact]
    public void WithGradientAccumulationTwoRanksStillTrainAsOneProcess()
    {
        // Two batches per update: 8 updates over 2 epochs; the ranks average their gradients once per update.
        var single = MpiLaunch.Single(Limit, "train", "--out", Prefix("accumulate-single"), "--accumulate");
        Assert.True(single.ExitCode == 0, single.Output);
        var two = MpiLaunch.Ranks(2, Limit, "train", "--out", Prefix("accumulate-two"), "--accumulate");
        Assert.True(two.ExitCode == 0, two.Output);

        Assert.Contains("rank 0 of 1: steps 8 skipped 0", single.Output, StringComparison.Ordinal);
        Assert.Contains("rank 1 of 2: steps 8 skipped 0", two.Output, StringComparison.Ordinal);
        Assert.Equal(Parameters("accumulate-two", 0), Parameters("accumulate-two", 1));
        AssertClose(Parameters("accumulate-single", 0), Parameters("accumulate-two", 0), 1e-5);
    }

    [Fact]
    public void ANonFiniteLossOnOneRankMakesEveryRankSkipTheStep()
    {
        // Sample 5 is NaN: in each epoch's order it falls to one rank only; that rank's loss is NaN, the other's is not.
        var single = MpiLaunch.Single(Limit, "train", "--out", Prefix("nan-single"), "--nan-sample", "5");
        Assert.True(single.ExitCode == 0, single.Output);
        var two = MpiLaunch.Ranks(2, Limit, "train", "--out", Prefix("nan-two"), "--nan-sample", "5");
        Assert.True(two.ExitCode == 0, two.Output);

        Assert.Contains("rank 0 of 1: steps 14 skipped 2", single.Output, StringComparison.Ordinal);
        Assert.Contains("rank 0 of 2: steps 14 skipped 2", two.Output, StringComparison.Ordinal);
        Assert.Contains("rank 1 of 2: steps 14 skipped 2", two.Output, StringComparison.Ordinal);
        Assert.Equal(Parameters("nan-two", 0), Parameters("nan-two", 1));
        AssertClose(Parameters("nan-single", 0), Parameters("nan-two", 0), 1e-5);
    }

    [Fact]
    public void RankZeroWritesTheRunWhichResumesOnlyWithTheSameNumberOfProcesses()
    {
        string output = Path.Combine(_dir, "run");
        var first = MpiLaunch.Ranks(2, Limit, "train", "--out", Prefix("first"), "--epochs", "1", "--output", output);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(File.Exists(Path.Combine(output, "checkpoints", "last.ckpt")), first.Output);
        Assert.Equal(8, File.ReadAllLines(Path.Combine(output, MetricsWriter.StepsFile)).Length);

        var resumed = MpiLaunch.Ranks(2, Limit, "train", "--out", Prefix("resumed"), "--epochs", "2", "--output", output, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains("Resumed 'tiny-parallel-forecast'", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(16, File.ReadAllLines(Path.Combine(output, MetricsWriter.StepsFile)).Length);
        Assert.Equal(Parameters("resumed", 0), Parameters("resumed", 1));

        var straight = MpiLaunch.Ranks(2, Limit, "train", "--out", Prefix("straight"));
        Assert.True(straight.ExitCode == 0, straight.Output);
        Assert.Equal(Parameters("straight", 0), Parameters("resumed", 0));

        var alone = MpiLaunch.Single(Limit, "train", "--out", Prefix("alone"), "--epochs", "3", "--output", output, "--resume");
        Assert.True(alone.ExitCode == DistributedWorker.Refused, alone.Output);
        Assert.Contains("it was trained by 2 process(es), this run has 1: resume with the same number of processes", alone.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("throw", "FAILED rank 1 of 2:")] // the failing rank's own line; Open MPI's MPI_ABORT notice is not always printed before the job ends
    [InlineData("kill", "exited on signal 9 (Killed)")]
    public void ARankThatFailsOrDiesEndsEveryRank(string how, string launcherMessage)
    {
        // 5000 epochs would run for minutes: the job must end within seconds of rank 1's failure at step 3.
        var run = MpiLaunch.Ranks(2, Limit, "train", "--out", Prefix("fail"), "--epochs", "5000", "--fail-rank", "1", "--fail-step", "3", "--fail-how", how);
        Assert.NotEqual(0, run.ExitCode);
        Assert.True(run.Output.Contains(launcherMessage, StringComparison.Ordinal), $"'{launcherMessage}' not in:\n{run.Output}");
        Assert.DoesNotContain("rank 0 of 2: steps", run.Output, StringComparison.Ordinal);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(90), $"the job took {run.Elapsed} to end:\n{run.Output}");
    }

    [Fact]
    public void ARankThatHangsAliveEndsTheJobAtTheCollectiveTimeoutWithOneClearLine()
    {
        // Rank 1 sleeps for ever after step 3; rank 0 waits in its next collective until the 5 s timeout aborts the job.
        var run = MpiLaunch.Ranks(2, Limit, "train", "--out", Prefix("hang"), "--epochs", "5000", "--hang-rank", "1", "--hang-step", "3", "--collective-timeout", "5");
        Assert.True(run.ExitCode == MpiCollectives.TimeoutExitCode, $"exit code {run.ExitCode}:\n{run.Output}");
        Assert.Contains("rank 1: hanging after step 3", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"rank 0 of 2: MPI_\w+ waited \d+ s for the other ranks, longer than the collective timeout of 5 s \(TrainingOptions.CollectiveTimeout or SSLDSL_COLLECTIVE_TIMEOUT\); another rank hangs or died. Aborting the job \(exit code 8\).", run.Output);
        Assert.DoesNotContain("rank 0 of 2: steps", run.Output, StringComparison.Ordinal);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(90), $"the job took {run.Elapsed} to end:\n{run.Output}");
    }

    [Fact]
    public void ABatchThatDoesNotSplitEvenlyOverTheRanksIsRefusedUpFront()
    {
        var e = Assert.Throws<ArgumentException>(() => new TinyParallelForecast.Trainer(new TrainingOptions { Device = CPU, ShowProgress = false, Log = TextWriter.Null, Collectives = new ThreeRanks() }));
        Assert.Equal("Task 'tiny-parallel-forecast': the batch size 8 is split over 3 processes, so it must be a multiple of 3. Use TrainingOptions.BatchSize = 9, or start another number of processes.", e.Message);
    }

    private string Prefix(string name) => Path.Combine(_dir, name);

    private float[] Parameters(string name, int rank)
    {
        var bytes = File.ReadAllBytes($"{Prefix(name)}.rank{rank}.bin");
        var values = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }

    private static float[] Initial()
    {
        using var trainer = new TinyParallelForecast.Trainer(TinyData.Quiet());
        return trainer.Model.state_dict().OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .SelectMany(kv => kv.Value.detach().reshape(-1).data<float>().ToArray()).ToArray();
    }

    private static double MaxDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();
    }

    private static void AssertClose(float[] expected, float[] actual, double tolerance)
    {
        double max = MaxDifference(expected, actual);
        Assert.True(max <= tolerance, $"parameters differ by up to {max:G3} (> {tolerance:G3})");
    }

    /// <summary>Three ranks as far as the trainer's constructor can tell (it refuses before any collective call).</summary>
    private sealed class ThreeRanks : ICollectives
    {
        public int Rank => 0;

        public int WorldSize => 3;

        public int LocalRank => 0;

        public string Backend => "test";

        public void AllReduce(Tensor tensor, ReduceOperation operation = ReduceOperation.Sum) => throw new NotSupportedException();

        public void Broadcast(Tensor tensor, int root = 0) => throw new NotSupportedException();

        public Tensor AllGather(Tensor tensor) => throw new NotSupportedException();

        public void Barrier() => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
