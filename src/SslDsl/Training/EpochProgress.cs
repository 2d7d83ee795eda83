using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace SslDsl;

/// <summary>
/// How far an epoch has got: batches consumed, updates applied and the running sums its metrics
/// are computed from. Saved in checkpoints so that a run cancelled mid-epoch resumes at the
/// same batch (the epoch's data order depends only on seed + epoch) with the same epoch metrics.
/// </summary>
internal sealed class EpochProgress
{
    /// <summary>Creates the progress of epoch <paramref name="epoch"/> (0-based), nothing done yet.</summary>
    public EpochProgress(int epoch)
    {
        Epoch = epoch;
    }

    /// <summary>The epoch, 0-based.</summary>
    public int Epoch { get; }

    /// <summary>Batches of the epoch consumed (updated or skipped).</summary>
    public long BatchesDone { get; set; }

    /// <summary>Batches whose loss counted (not skipped): optimizer updates, or their batches with gradient accumulation.</summary>
    public long Steps { get; set; }

    /// <summary>Sum of the step losses.</summary>
    public double LossSum { get; set; }

    /// <summary>Sum of each loss term.</summary>
    public Dictionary<string, double> TermSums { get; private set; } = new();

    /// <summary>Samples of the applied steps.</summary>
    public long Samples { get; set; }

    /// <summary>Wall time spent on the epoch before the current session.</summary>
    public double PriorSeconds { get; set; }

    /// <summary>Writes the progress.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Epoch);
        writer.Write(BatchesDone);
        writer.Write(Steps);
        writer.Write(LossSum);
        writer.Write(JsonSerializer.Serialize(TermSums));
        writer.Write(Samples);
        writer.Write(PriorSeconds);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static EpochProgress Read(BinaryReader reader)
    {
        var p = new EpochProgress(reader.ReadInt32())
        {
            BatchesDone = reader.ReadInt64(),
            Steps = reader.ReadInt64(),
            LossSum = reader.ReadDouble(),
        };
        p.TermSums = JsonSerializer.Deserialize<Dictionary<string, double>>(reader.ReadString()) ?? new();
        p.Samples = reader.ReadInt64();
        p.PriorSeconds = reader.ReadDouble();
        return p;
    }
}
