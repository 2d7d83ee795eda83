using System.Collections.Generic;
using System.IO;

namespace SslDsl;

/// <summary>
/// What defines a run, saved in every checkpoint so that a resume with other settings is refused
/// instead of silently producing another run: the seed (weights, shuffling, augmentations), the
/// batch size, the dataset (name, size and a fingerprint of its contents) and the number of
/// processes training together (1 until data-parallel training exists).
/// </summary>
/// <param name="Seed">The seed in force.</param>
/// <param name="BatchSize">The batch size in force.</param>
/// <param name="DatasetName">The dataset's name; null when the checkpoint was saved outside <c>Fit</c>.</param>
/// <param name="DatasetCount">The dataset's sample count; -1 when unknown.</param>
/// <param name="DatasetFingerprint">See <see cref="Dataset{TBatch}.Fingerprint"/>; null when unknown.</param>
/// <param name="WorldSize">Processes training together.</param>
internal sealed record RunIdentity(long Seed, int BatchSize, string? DatasetName, long DatasetCount, string? DatasetFingerprint, int WorldSize)
{
    /// <summary>Writes the identity.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Seed);
        writer.Write(BatchSize);
        writer.Write(DatasetName ?? "");
        writer.Write(DatasetCount);
        writer.Write(DatasetFingerprint ?? "");
        writer.Write(WorldSize);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static RunIdentity Read(BinaryReader reader)
    {
        long seed = reader.ReadInt64();
        int batchSize = reader.ReadInt32();
        string name = reader.ReadString();
        long count = reader.ReadInt64();
        string fingerprint = reader.ReadString();
        int worldSize = reader.ReadInt32();
        return new RunIdentity(seed, batchSize, name.Length == 0 ? null : name, count, fingerprint.Length == 0 ? null : fingerprint, worldSize);
    }

    /// <summary>
    /// Each way in which <paramref name="current"/> differs from this saved identity, as a sentence
    /// that names the setting to change (<paramref name="names"/>); empty when the run is the same.
    /// A dataset that either side does not know is not compared.
    /// </summary>
    public IReadOnlyList<string> Differences(RunIdentity current, SettingNames names)
    {
        var found = new List<string>();
        if (Seed != current.Seed)
        {
            found.Add($"it was started with seed {Seed}, this run uses {current.Seed}: resume with {names.Set(nameof(TrainingOptions.Seed), Seed)}");
        }

        if (BatchSize != current.BatchSize)
        {
            found.Add($"it was trained with batch size {BatchSize}, this run uses {current.BatchSize}: resume with {names.Set(nameof(TrainingOptions.BatchSize), BatchSize)}");
        }

        if (WorldSize != current.WorldSize)
        {
            found.Add($"it was trained by {WorldSize} process(es), this run has {current.WorldSize}: resume with the same number of processes");
        }

        if (DatasetFingerprint is not null && current.DatasetFingerprint is not null &&
            (DatasetCount != current.DatasetCount || DatasetFingerprint != current.DatasetFingerprint))
        {
            string what = DatasetCount != current.DatasetCount
                ? $"{DatasetCount} samples of '{DatasetName}', this run has {current.DatasetCount} of '{current.DatasetName}'"
                : $"'{DatasetName}' with {DatasetCount} samples, this run's '{current.DatasetName}' has as many but other contents";
            found.Add($"it was trained on {what}: resume with the same data ({names[SettingNames.Dataset]})");
        }

        return found;
    }
}
