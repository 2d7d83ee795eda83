using System.Collections.Generic;
using SslDsl;
using Xunit;

namespace SslDsl.Tests.Distributed;

public class DistributedEnvironmentTests
{
    private static DistributedEnvironment Of(params (string Name, string Value)[] variables)
    {
        var map = new Dictionary<string, string>();
        foreach (var (name, value) in variables)
        {
            map[name] = value;
        }

        return DistributedEnvironment.From(map);
    }

    [Fact]
    public void NoLauncherVariablesMeanOneProcess()
    {
        var env = Of(("PATH", "/usr/bin"));
        Assert.Equal(DistributedEnvironment.Single, env);
        Assert.False(env.IsDistributed);
    }

    [Fact]
    public void OpenMpiVariablesGiveRankSizeAndLocalRank()
    {
        var env = Of(("OMPI_COMM_WORLD_RANK", "3"), ("OMPI_COMM_WORLD_SIZE", "4"), ("OMPI_COMM_WORLD_LOCAL_RANK", "1"));
        Assert.Equal(new DistributedEnvironment(3, 4, 1, DistributedLauncher.OpenMpi), env);
        Assert.True(env.IsDistributed);
    }

    [Fact]
    public void PmiVariablesOfMpichAreRead()
    {
        Assert.Equal(new DistributedEnvironment(1, 2, 0, DistributedLauncher.Pmi), Of(("PMI_RANK", "1"), ("PMI_SIZE", "2"), ("MPI_LOCALRANKID", "0")));
        Assert.Equal(new DistributedEnvironment(5, 8, 1, DistributedLauncher.Pmi), Of(("PMI_RANK", "5"), ("PMI_SIZE", "8"), ("SLURM_LOCALID", "1")));
    }

    [Fact]
    public void TorchrunStyleVariablesAreReadWhenNoMpiLauncherIsPresent()
    {
        Assert.Equal(new DistributedEnvironment(2, 4, 0, DistributedLauncher.TorchrunStyle), Of(("RANK", "2"), ("WORLD_SIZE", "4"), ("LOCAL_RANK", "0")));
        Assert.Equal(DistributedLauncher.OpenMpi, Of(("RANK", "2"), ("WORLD_SIZE", "4"), ("OMPI_COMM_WORLD_RANK", "0"), ("OMPI_COMM_WORLD_SIZE", "2")).Launcher);
    }

    [Fact]
    public void WithoutALocalRankTheRankIsUsed()
    {
        Assert.Equal(3, Of(("RANK", "3"), ("WORLD_SIZE", "4")).LocalRank);
    }

    [Theory]
    [InlineData("RANK", "2", "WORLD_SIZE", "2", "RANK=2 is outside 0..1 (WORLD_SIZE=2).")]
    [InlineData("RANK", "one", "WORLD_SIZE", "2", "RANK='one' is not a whole number >= 0.")]
    [InlineData("RANK", "0", "WORLD_SIZE", "0", "WORLD_SIZE=0: the world size must be at least 1.")]
    [InlineData("PMI_SIZE", "2", "PMI_SIZE", "2", "PMI_RANK is not set, though the launcher set the other variables of a distributed run; start every rank with the same launcher.")]
    public void InconsistentVariablesAreRefusedWithTheirNames(string name1, string value1, string name2, string value2, string message)
    {
        var e = Assert.Throws<DistributedException>(() => Of((name1, value1), (name2, value2)));
        Assert.Equal(message, e.Message);
    }
}
