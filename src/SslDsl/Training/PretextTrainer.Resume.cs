using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SslDsl;

/// <summary>Before the first step: the output folder's checks, resuming (with fallback), and the check that a resume trains the same run.</summary>
public abstract partial class PretextTrainer<TBatch>
{
    private bool _ownsOutput;
    private CheckpointStore? _store;

    /// <summary>
    /// Checks the output folder before training: writable, room for the checkpoints, and, for a new
    /// run, free of another run's checkpoints and metrics (deleted first with <see cref="TrainingOptions.Overwrite"/>).
    /// </summary>
    /// <exception cref="OutputDirectoryException">The folder cannot take this run.</exception>
    private void PrepareOutput(string directory, CheckpointStore store, bool newRun)
    {
        long size = Options.CheckpointEvery > 0 ? EstimateCheckpointBytes() : 0;
        int kept = 2 + Options.KeepEpochCheckpoints;
        long present = store.All().Sum(f => new FileInfo(f).Length);
        RunFolder.EnsureWritable(directory, store, size, size == 0 ? 0 : Math.Max(size, size * kept - present), kept, Names);
        if (newRun && !_ownsOutput)
        {
            var earlier = RunFolder.EarlierRun(directory, store);
            if (earlier.Count > 0)
            {
                if (!Options.Overwrite)
                {
                    throw new OutputDirectoryException(directory,
                        $"The output folder {directory} holds another run ({string.Join(", ", earlier)}). " +
                        $"Continue it with {Names.Set(nameof(TrainingOptions.Resume))}, replace it with {Names.Set(nameof(TrainingOptions.Overwrite))}, " +
                        $"or pass another {Names[nameof(TrainingOptions.OutputDirectory)]}.");
                }

                int removed = RunFolder.Clear(directory, store);
                Log($"Overwriting the earlier run in {directory}: removed {removed} file(s) (checkpoints, metrics, plots).");
            }
        }

        _ownsOutput = true;
    }

    /// <summary>
    /// Loads the checkpoint to resume from: <see cref="TrainingOptions.ResumeFrom"/>, else the newest
    /// checkpoint of <paramref name="store"/> that loads, saying which one was skipped and why. Returns the file loaded.
    /// </summary>
    /// <exception cref="ResumeException">Nothing loads, or there is nothing to resume.</exception>
    /// <exception cref="CheckpointMismatchException">The file given by ResumeFrom cannot be used.</exception>
    private string ResumeRun(CheckpointStore? store)
    {
        if (Options.ResumeFrom is string from)
        {
            if (!File.Exists(from) && !Directory.Exists(from))
            {
                throw new ResumeException($"Cannot resume '{Settings.TaskName}': {Names.Set(nameof(TrainingOptions.ResumeFrom), from)} names no file.");
            }

            LoadCheckpoint(from);
            return from;
        }

        var candidates = store!.ResumeCandidates();
        if (candidates.Count == 0)
        {
            throw new ResumeException(
                $"Nothing to resume: {store.Directory} holds no checkpoint. Start a new run without {Names.Set(nameof(TrainingOptions.Resume))}, " +
                $"or point {Names[nameof(TrainingOptions.OutputDirectory)]} at the run to continue.");
        }

        var skipped = new List<string>();
        if (!File.Exists(store.Last))
        {
            skipped.Add($"{store.Last} is missing.");
        }

        foreach (var path in candidates)
        {
            try
            {
                LoadCheckpoint(path);
            }
            catch (Exception e) when (e is CheckpointMismatchException or IOException)
            {
                skipped.Add(e.Message.StartsWith(path, StringComparison.Ordinal) ? e.Message : $"{path}: {e.Message}");
                continue;
            }

            if (skipped.Count > 0)
            {
                Log($"WARNING [{Settings.TaskName}] {string.Join(" ", skipped)} Falling back to {path}, the newest checkpoint that loads.");
            }

            return path;
        }

        throw new ResumeException(
            $"Cannot resume '{Settings.TaskName}': no checkpoint in {store.Directory} loads. {string.Join(" ", skipped)} " +
            $"Pick a checkpoint with {Names.Set(nameof(TrainingOptions.ResumeFrom), "PATH")}, or start a new run with {Names.Set(nameof(TrainingOptions.Overwrite))}.");
    }

    /// <summary>Where a loaded checkpoint stands, for messages.</summary>
    private string Position() => _position is { BatchesDone: > 0 } p
        ? $"in epoch {p.Epoch + 1} after batch {p.BatchesDone} of {_stepsPerEpoch}"
        : $"after epoch {CompletedEpochs}";

    /// <summary>
    /// After a checkpoint was loaded, checks that this <c>Fit</c> trains the same run: seed, batch
    /// size, dataset and world size as saved in it.
    /// </summary>
    /// <exception cref="ResumeException">Something differs; the message names the setting to change.</exception>
    private void CheckResumedRun()
    {
        if (_loadedFrom is not string from)
        {
            return;
        }

        _loadedFrom = null;
        var differences = _loadedRun is { } saved
            ? saved.Differences(_fitRun!, Names).ToList()
            : new List<string>();
        if (_loadedRun is null && _loadedBatchSize != Settings.BatchSize)
        {
            differences.Add($"it was trained with batch size {_loadedBatchSize}, this run uses {Settings.BatchSize}: resume with {Names.Set(nameof(TrainingOptions.BatchSize), _loadedBatchSize)}");
        }

        if (differences.Count > 0)
        {
            throw new ResumeException(
                $"Cannot resume '{Settings.TaskName}' from {from}: {string.Join("; ", differences)}. " +
                $"To train with the new settings instead, start a new run: another {Names[nameof(TrainingOptions.OutputDirectory)]}, " +
                $"or {Names.Set(nameof(TrainingOptions.Overwrite))} to replace this one.");
        }
    }

    /// <summary>
    /// The newest checkpoint of this run whose checksums verify now (the one written or loaded last,
    /// then the rest of the checkpoints folder); null when none does. Only called when training fails.
    /// </summary>
    private string? LastVerifiedCheckpoint()
    {
        var candidates = new List<string>();
        if (_lastCheckpoint is not null)
        {
            candidates.Add(_lastCheckpoint);
        }

        if (_store is not null)
        {
            candidates.AddRange(_store.ResumeCandidates());
        }

        foreach (var path in candidates.Distinct())
        {
            try
            {
                using var file = CheckpointFile.Open(path, Settings.TaskName, Network);
                file.VerifyAll();
                if (file.HasChecksums)
                {
                    return path;
                }
            }
            catch (Exception e) when (e is CheckpointMismatchException or IOException)
            {
                // Not a good one; try the next.
            }
        }

        return null;
    }

    /// <summary>About how large a checkpoint of this trainer is: the network's state plus the optimizer's per-parameter slots.</summary>
    private long EstimateCheckpointBytes()
    {
        long state = Network.state_dict().Values.Sum(t => t.NumberOfElements * t.ElementSize);
        long trainable = Network.parameters().Where(p => p.requires_grad).Sum(p => p.NumberOfElements * p.ElementSize);
        int slots = Settings.Optimizer.Kind is OptimizerKind.Adam or OptimizerKind.AdamW ? 2 : 1;
        return state + slots * trainable + (64 << 10);
    }
}
