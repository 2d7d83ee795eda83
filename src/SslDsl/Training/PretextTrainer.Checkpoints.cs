using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Checkpoints: everything needed to continue a run exactly.</summary>
public abstract partial class PretextTrainer<TBatch>
{
    /// <summary>
    /// Writes everything needed to continue exactly: epochs and steps done, the position inside an
    /// interrupted epoch with its running sums, the metrics history, the network (parameters and
    /// buffers: momentum targets, queues, batch-norm statistics), the optimizer's state, the global
    /// random state and the extra state of the generated class (the augmentation generator).
    /// The write is atomic (temporary file in the same folder, fsync, rename).
    /// </summary>
    public void SaveCheckpoint(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckpointFile.Write(path, Settings.TaskName, Network, writer =>
        {
            writer.Write(CompletedEpochs);
            writer.Write(GlobalStep);
            writer.Write(_bestLoss);
            writer.Write(Settings.BatchSize);
            writer.Write(_skippedBatches);
            writer.Write(JsonSerializer.Serialize(_history.Select(MetricsWriter.Flatten).Select(f => f.GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value)).ToArray(), HistoryJson));
            writer.Write(_position is not null);
            _position?.Write(writer);
            Network.save(writer);
            Optimizer.Save(writer);
            using var rng = torch.random.get_rng_state();
            CheckpointFile.WriteBytes(writer, rng);
            SaveExtraState(writer);
        });
        _lastCheckpoint = path;
    }

    /// <summary>
    /// Restores a checkpoint written by <see cref="SaveCheckpoint"/> of the same task and model
    /// shapes; the next <see cref="Fit"/> continues where it was written.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CheckpointMismatchException">
    /// Another task, another model shape, not a checkpoint, a truncated file, or a mid-epoch
    /// checkpoint written with another batch size.
    /// </exception>
    public void LoadCheckpoint(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckpointFile.Read(path, Settings.TaskName, Network, reader =>
        {
            int completed = reader.ReadInt32();
            long step = reader.ReadInt64();
            double best = reader.ReadDouble();
            int batchSize = reader.ReadInt32();
            long skipped = reader.ReadInt64();
            var history = JsonSerializer.Deserialize<Dictionary<string, double>[]>(reader.ReadString(), HistoryJson) ?? Array.Empty<Dictionary<string, double>>();
            var position = reader.ReadBoolean() ? EpochProgress.Read(reader) : null;
            if (batchSize != Settings.BatchSize)
            {
                if (position is not null)
                {
                    throw new CheckpointMismatchException(path,
                        $"the run was stopped in the middle of epoch {position.Epoch + 1} with batch size {batchSize}; this trainer uses {Settings.BatchSize}, so the remaining batches of that epoch would differ. " +
                        $"Resume with TrainingOptions.BatchSize = {batchSize}.");
                }

                Log($"WARNING [{Settings.TaskName}] {path} was written with batch size {batchSize}; continuing with {Settings.BatchSize} (the schedule position is kept as a step count).");
            }

            Network.load(reader);
            Network.to(Device);
            Optimizer.Load(reader);
            using var rng = CheckpointFile.ReadBytes(reader);
            torch.random.set_rng_state(rng);
            LoadExtraState(reader);

            CompletedEpochs = completed;
            GlobalStep = step;
            _bestLoss = best;
            _skippedBatches = skipped;
            _position = position;
            _history.Clear();
            _history.AddRange(history.Select(MetricsWriter.Unflatten));
        });
        _lastCheckpoint = path;
    }

    private static readonly JsonSerializerOptions HistoryJson = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
