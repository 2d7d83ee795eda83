using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Checkpoints: everything needed to continue a run exactly, each part checksummed.</summary>
public abstract partial class PretextTrainer<TBatch>
{
    private RunIdentity? _fitRun;
    private RunIdentity? _loadedRun;
    private int _loadedBatchSize;
    private string? _loadedFrom;

    /// <summary>
    /// Writes everything needed to continue exactly: the run settings (seed, batch size, dataset
    /// identity), epochs and steps done, the position inside an interrupted epoch with its running
    /// sums, the metrics history, the network (parameters and buffers: momentum targets, queues,
    /// batch-norm statistics), the optimizer's state, the global random state and the extra state
    /// of the generated class (the augmentation generator). Each part is stored with its SHA-256.
    /// The write is atomic (temporary file in the same folder, fsync, rename, fsync of the folder).
    /// </summary>
    public void SaveCheckpoint(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var run = _fitRun ?? CurrentRun(null);
        CheckpointFile.Write(path, Settings.TaskName, Network, new (string, Action<BinaryWriter>)[]
        {
            (PartNames.Run, run.Write),
            (PartNames.Progress, WriteProgress),
            (PartNames.Weights, w => Network.save(w)),
            (PartNames.Optimizer, w => Optimizer.Save(w)),
            (PartNames.Random, w =>
            {
                using var rng = torch.random.get_rng_state();
                CheckpointFile.WriteBytes(w, rng);
            }),
            (PartNames.Extra, SaveExtraState),
        });
        _lastCheckpoint = path;
    }

    /// <summary>
    /// Restores a checkpoint written by <see cref="SaveCheckpoint"/> of the same task and model
    /// shapes, after verifying the checksum of every part; the next <see cref="Fit"/> continues
    /// where it was written, and first checks that it trains the same run (seed, batch size, data).
    /// A checkpoint of format version 2 (written before checksums) loads with a warning.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CheckpointMismatchException">
    /// A folder, another task, another model shape, not a checkpoint, a truncated file, a damaged
    /// part (named in <see cref="CheckpointMismatchException.DamagedPart"/>), or NaN / infinite weights.
    /// After this exception the trainer's state is undefined: load another checkpoint or discard it.
    /// </exception>
    public void LoadCheckpoint(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = CheckpointFile.Open(path, Settings.TaskName, Network);
        file.VerifyAll();
        if (!file.HasChecksums)
        {
            Log($"WARNING [{Settings.TaskName}] {path} was written before checkpoints carried checksums (format version {CheckpointFile.UncheckedVersion}): " +
                "its contents cannot be verified, and it holds no seed or dataset to check a resume against. It loads as it is; the next checkpoint saved has checksums.");
        }

        var run = file.ReadOptional(PartNames.Run, RunIdentity.Read);
        var progress = file.Read(PartNames.Progress, SavedProgress.Read);
        file.Read(PartNames.Weights, r => Network.load(r));
        Network.to(Device);
        file.Read(PartNames.Optimizer, r =>
        {
            Optimizer.Load(r);
            return true;
        });
        file.Read(PartNames.Random, r =>
        {
            using var rng = CheckpointFile.ReadBytes(r);
            torch.random.set_rng_state(rng);
            return true;
        });
        file.Read(PartNames.Extra, r =>
        {
            LoadExtraState(r);
            return true;
        });
        if (ModuleSignature.FirstNonFinite(Network) is string bad)
        {
            throw new CheckpointMismatchException(path, $"the weights hold NaN or infinite values (first in '{bad}'); training cannot continue from this checkpoint.")
            {
                DamagedPart = PartNames.Weights,
            };
        }

        CompletedEpochs = progress.CompletedEpochs;
        GlobalStep = progress.GlobalStep;
        _bestLoss = progress.BestLoss;
        _skippedBatches = progress.SkippedBatches;
        _position = progress.Position;
        _history.Clear();
        _history.AddRange(progress.History.Select(MetricsWriter.Unflatten));
        _loadedRun = run;
        _loadedBatchSize = progress.BatchSize;
        _loadedFrom = path;
        _lastCheckpoint = path;
    }

    /// <summary>The identity of a run of this trainer on <paramref name="data"/> (unknown data when null).</summary>
    private RunIdentity CurrentRun(IDataSource<TBatch>? data) =>
        new(Settings.Seed, Settings.BatchSize, data?.Name, data?.Count ?? -1, data?.Fingerprint(), _collectives.WorldSize);

    private void WriteProgress(BinaryWriter writer) => new SavedProgress(
        CompletedEpochs,
        GlobalStep,
        _bestLoss,
        Settings.BatchSize,
        _skippedBatches,
        _history.Select(MetricsWriter.Flatten).Select(f => f.GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value)).ToArray(),
        _position).Write(writer);

    /// <summary>The training position part of a checkpoint (laid out as in format version 2, which had no parts).</summary>
    private sealed record SavedProgress(
        int CompletedEpochs, long GlobalStep, double BestLoss, int BatchSize, long SkippedBatches, Dictionary<string, double>[] History, EpochProgress? Position)
    {
        private static readonly JsonSerializerOptions HistoryJson = new()
        {
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };

        public void Write(BinaryWriter writer)
        {
            writer.Write(CompletedEpochs);
            writer.Write(GlobalStep);
            writer.Write(BestLoss);
            writer.Write(BatchSize);
            writer.Write(SkippedBatches);
            writer.Write(JsonSerializer.Serialize(History, HistoryJson));
            writer.Write(Position is not null);
            Position?.Write(writer);
        }

        public static SavedProgress Read(BinaryReader reader)
        {
            int completed = reader.ReadInt32();
            long step = reader.ReadInt64();
            double best = reader.ReadDouble();
            int batchSize = reader.ReadInt32();
            long skipped = reader.ReadInt64();
            var history = JsonSerializer.Deserialize<Dictionary<string, double>[]>(reader.ReadString(), HistoryJson) ?? Array.Empty<Dictionary<string, double>>();
            var position = reader.ReadBoolean() ? EpochProgress.Read(reader) : null;
            return new SavedProgress(completed, step, best, batchSize, skipped, history, position);
        }
    }
}
