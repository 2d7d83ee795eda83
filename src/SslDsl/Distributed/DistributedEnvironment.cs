using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace SslDsl;

/// <summary>Which launcher started this process, as read from its environment.</summary>
public enum DistributedLauncher
{
    /// <summary>No launcher: a single process.</summary>
    None,

    /// <summary>Open MPI's <c>mpiexec</c> / <c>mpirun</c> (OMPI_COMM_WORLD_RANK, OMPI_COMM_WORLD_SIZE, OMPI_COMM_WORLD_LOCAL_RANK).</summary>
    OpenMpi,

    /// <summary>A PMI launcher: MPICH's Hydra <c>mpiexec</c>, Intel MPI, Slurm's <c>srun</c> (PMI_RANK, PMI_SIZE, MPI_LOCALRANKID).</summary>
    Pmi,

    /// <summary>torchrun-style variables (RANK, WORLD_SIZE, LOCAL_RANK) set by a launcher or a job script.</summary>
    TorchrunStyle,
}

/// <summary>
/// Where this process stands among those started together, read from the variables its launcher sets, before
/// any MPI library is loaded: a process without them is a single process (world size 1) and never loads one.
/// Open MPI's variables come first, then PMI's (MPICH, Intel MPI, Slurm), then torchrun-style ones. MPI's own
/// numbering is checked against this once MPI starts (<see cref="MpiCollectives"/>); the local rank picks the
/// GPU of a rank (<c>cuda:LOCAL_RANK</c>).
/// </summary>
/// <param name="Rank">This process's rank, 0..WorldSize-1.</param>
/// <param name="WorldSize">The number of processes.</param>
/// <param name="LocalRank">The rank among the processes of this machine.</param>
/// <param name="Launcher">Which variables these came from.</param>
public sealed record DistributedEnvironment(int Rank, int WorldSize, int LocalRank, DistributedLauncher Launcher)
{
    /// <summary>A process on its own.</summary>
    public static DistributedEnvironment Single { get; } = new(0, 1, 0, DistributedLauncher.None);

    /// <summary>Whether more than one process trains together.</summary>
    public bool IsDistributed => WorldSize > 1;

    /// <summary>This process's environment.</summary>
    /// <exception cref="DistributedException">A variable is not a number, or the rank is outside the world.</exception>
    public static DistributedEnvironment FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? "";
        }

        return From(variables);
    }

    /// <summary>The environment that <paramref name="variables"/> describe.</summary>
    /// <exception cref="DistributedException">A variable is not a number, or the rank is outside the world.</exception>
    public static DistributedEnvironment From(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (variables.ContainsKey("OMPI_COMM_WORLD_SIZE"))
        {
            return Read(variables, DistributedLauncher.OpenMpi, "OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE", "OMPI_COMM_WORLD_LOCAL_RANK");
        }

        if (variables.ContainsKey("PMI_SIZE"))
        {
            return Read(variables, DistributedLauncher.Pmi, "PMI_RANK", "PMI_SIZE", variables.ContainsKey("MPI_LOCALRANKID") ? "MPI_LOCALRANKID" : "SLURM_LOCALID");
        }

        if (variables.ContainsKey("WORLD_SIZE"))
        {
            return Read(variables, DistributedLauncher.TorchrunStyle, "RANK", "WORLD_SIZE", "LOCAL_RANK");
        }

        return Single;
    }

    private static DistributedEnvironment Read(IReadOnlyDictionary<string, string> variables, DistributedLauncher launcher, string rankName, string sizeName, string localName)
    {
        int size = Number(variables, sizeName);
        int rank = Number(variables, rankName);
        int local = variables.ContainsKey(localName) ? Number(variables, localName) : rank;
        if (size < 1)
        {
            throw new DistributedException($"{sizeName}={size}: the world size must be at least 1.");
        }

        if (rank < 0 || rank >= size)
        {
            throw new DistributedException($"{rankName}={rank} is outside 0..{size - 1} ({sizeName}={size}).");
        }

        if (local < 0)
        {
            throw new DistributedException($"{localName}={local}: the local rank must be >= 0.");
        }

        return new DistributedEnvironment(rank, size, local, launcher);
    }

    private static int Number(IReadOnlyDictionary<string, string> variables, string name)
    {
        if (!variables.TryGetValue(name, out var text))
        {
            throw new DistributedException($"{name} is not set, though the launcher set the other variables of a distributed run; start every rank with the same launcher.");
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new DistributedException($"{name}='{text}' is not a whole number >= 0.");
    }
}
