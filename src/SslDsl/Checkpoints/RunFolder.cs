using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SslDsl;

/// <summary>
/// The output folder of a run, checked before the first training step: what an earlier run left
/// there (checkpoints, metrics), whether this run may write there, and whether its disk has room
/// for the checkpoints.
/// </summary>
internal static class RunFolder
{
    /// <summary>The metric and plot files a run writes next to its checkpoints folder.</summary>
    private static readonly string[] RunFiles =
    {
        MetricsWriter.EpochsFile, MetricsWriter.EpochsCsvFile, MetricsWriter.StepsFile,
        RunPlots.LossFile, RunPlots.AccuracyFile, RunPlots.CollapseFile, EmbeddingPlotMonitor<ImageBatch>.FileName,
    };

    /// <summary>What an earlier run left in <paramref name="directory"/>: its checkpoints and metrics (names relative to the folder); empty when none.</summary>
    public static IReadOnlyList<string> EarlierRun(string directory, CheckpointStore store)
    {
        var found = store.All().Select(f => Path.Combine(Path.GetFileName(store.Directory), Path.GetFileName(f))).ToList();
        found.AddRange(new[] { MetricsWriter.EpochsFile, MetricsWriter.StepsFile, MetricsWriter.EpochsCsvFile }
            .Where(f => File.Exists(Path.Combine(directory, f)) && new FileInfo(Path.Combine(directory, f)).Length > 0));
        return found;
    }

    /// <summary>Deletes what a run writes in <paramref name="directory"/>: checkpoints, metrics and plots. Returns how many files went.</summary>
    public static int Clear(string directory, CheckpointStore store)
    {
        int removed = 0;
        foreach (var file in store.All().Concat(RunFiles.Select(f => Path.Combine(directory, f))).Where(File.Exists))
        {
            File.Delete(file);
            removed++;
        }

        return removed;
    }

    /// <summary>
    /// Creates <paramref name="directory"/> and (when checkpoints are written, <paramref name="checkpointBytes"/> &gt; 0)
    /// the checkpoints folder, proves that they can be written, and that their disk has
    /// <paramref name="bytesNeeded"/> free for the <paramref name="checkpoints"/> checkpoints the run keeps.
    /// </summary>
    /// <exception cref="OutputDirectoryException">A file is in the way, a folder cannot be written, or the disk is too full.</exception>
    public static void EnsureWritable(string directory, CheckpointStore store, long checkpointBytes, long bytesNeeded, int checkpoints, SettingNames names)
    {
        string option = names[nameof(TrainingOptions.OutputDirectory)];
        foreach (var dir in new[] { directory, store.Directory })
        {
            if (File.Exists(dir))
            {
                throw new OutputDirectoryException(dir, $"The output folder {dir} is a file, not a folder. Pass another {option}, or move the file away.");
            }
        }

        foreach (var dir in checkpointBytes > 0 ? new[] { directory, store.Directory } : new[] { directory })
        {
            try
            {
                Directory.CreateDirectory(dir);
                string probe = Path.Combine(dir, ".write-test" + AtomicFile.TempMarker + Environment.ProcessId);
                File.WriteAllBytes(probe, new byte[] { 0 });
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputDirectoryException(dir, $"Cannot write to {dir} ({e.Message}). Pass a folder this process can write to ({option}).", e);
            }
        }

        if (checkpointBytes <= 0)
        {
            return;
        }

        long free;
        try
        {
            free = new DriveInfo(Path.GetFullPath(store.Directory)).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return; // No way to ask this file system; the writes themselves will say.
        }

        if (free < bytesNeeded)
        {
            throw new OutputDirectoryException(store.Directory,
                $"The disk of {store.Directory} has {Size(free)} free, but this run needs about {Size(bytesNeeded)} more: it keeps {checkpoints} checkpoints of about {Size(checkpointBytes)} each. " +
                $"Free some space or pass a folder on another disk ({option}).");
        }
    }

    private static string Size(long bytes) => bytes >= 1 << 20
        ? (bytes / (double)(1 << 20)).ToString("F1", CultureInfo.InvariantCulture) + " MiB"
        : (bytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " KiB";
}
