using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SslDsl;

/// <summary>
/// The checkpoints folder of a run (<c>OUTPUT/checkpoints</c>): <c>last.ckpt</c> (the latest state,
/// also written when a run is cancelled mid-epoch), <c>best.ckpt</c> (lowest epoch loss) and,
/// when asked, the last K <c>epoch-NNNN.ckpt</c>. Every file is replaced atomically.
/// </summary>
public sealed class CheckpointStore
{
    private const string EpochPrefix = "epoch-";
    private const string Extension = ".ckpt";

    /// <summary>Creates the store for <paramref name="directory"/> (created on first write).</summary>
    public CheckpointStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
    }

    /// <summary>The checkpoints folder.</summary>
    public string Directory { get; }

    /// <summary>The latest checkpoint: what <c>Resume</c> continues from.</summary>
    public string Last => Path.Combine(Directory, "last" + Extension);

    /// <summary>The checkpoint of the epoch with the lowest mean loss.</summary>
    public string Best => Path.Combine(Directory, "best" + Extension);

    /// <summary>The checkpoint kept for epoch <paramref name="epoch"/> (1-based).</summary>
    public string Epoch(int epoch) => Path.Combine(Directory, EpochPrefix + epoch.ToString("D4", CultureInfo.InvariantCulture) + Extension);

    /// <summary>The epochs that have a kept checkpoint, ascending.</summary>
    public IReadOnlyList<int> KeptEpochs()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return Array.Empty<int>();
        }

        return System.IO.Directory.EnumerateFiles(Directory, EpochPrefix + "*" + Extension)
            .Select(f => Path.GetFileNameWithoutExtension(f).Substring(EpochPrefix.Length))
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : -1)
            .Where(e => e >= 0)
            .OrderBy(e => e)
            .ToArray();
    }

    /// <summary>
    /// The checkpoints a resume may start from, in the order to try them: <see cref="Last"/>, then
    /// <see cref="Best"/> and the kept epoch checkpoints, newest first (by the time they were written).
    /// </summary>
    public IReadOnlyList<string> ResumeCandidates()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return Array.Empty<string>();
        }

        var others = KeptEpochs().Select(Epoch).Append(Best).Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .ThenByDescending(f => f, StringComparer.Ordinal);
        return (File.Exists(Last) ? new[] { Last } : Array.Empty<string>()).Concat(others).ToArray();
    }

    /// <summary>Every checkpoint file in the folder (last, best and kept epochs).</summary>
    public IReadOnlyList<string> All() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*" + Extension).OrderBy(f => f, StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();

    /// <summary>Copies <see cref="Last"/> to <see cref="Best"/> (atomic).</summary>
    public void PromoteLastToBest() => AtomicFile.Copy(Last, Best);

    /// <summary>
    /// Copies <see cref="Last"/> to the checkpoint of <paramref name="epoch"/> and deletes the
    /// oldest epoch checkpoints beyond <paramref name="keep"/>.
    /// </summary>
    public void KeepEpoch(int epoch, int keep)
    {
        if (keep <= 0)
        {
            return;
        }

        AtomicFile.Copy(Last, Epoch(epoch));
        var kept = KeptEpochs();
        foreach (var old in kept.Take(Math.Max(0, kept.Count - keep)))
        {
            File.Delete(Epoch(old));
        }
    }

    /// <summary>Deletes temporary files that an interrupted write left behind; returns how many.</summary>
    public int CleanLeftovers() => AtomicFile.CleanLeftovers(Directory, "*" + Extension);
}
