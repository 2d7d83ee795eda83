using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace SslDsl;

/// <summary>Real text corpora for pretraining and tests.</summary>
public static class TextCorpus
{
    /// <summary>Where Debian's <c>fortunes</c> / <c>fortunes-min</c> packages install their files.</summary>
    public const string FortunesDirectory = "/usr/share/games/fortunes";

    private const string FortunesHint =
        "Install them with 'sudo apt-get install -y fortunes-min fortunes' (Debian/Ubuntu) or run scripts/fetch-data.sh.";

    /// <summary>
    /// The fortunes (short quotations and jokes) of every fortune file in <paramref name="directory"/>, in file-name
    /// order: files whose entries are separated by lines holding only '%'. The index files (<c>*.dat</c>), the
    /// <c>*.u8</c> links and sub-folders are skipped. Overstrike sequences (a character followed by a backspace) are
    /// removed and each entry is trimmed; empty entries are dropped.
    /// </summary>
    /// <param name="directory">The fortune folder.</param>
    /// <param name="limit">Keep at most this many entries; null for all.</param>
    /// <exception cref="FileNotFoundException">The folder is missing or holds no fortune file.</exception>
    /// <exception cref="DatasetFormatException">A file is binary or not UTF-8 (the message names the file and line).</exception>
    public static IReadOnlyList<string> LoadFortunes(string directory = FortunesDirectory, int? limit = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (limit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The entry limit must be > 0.");
        }

        DataPaths.NotAFile(directory, "the fortune folder");
        if (!Directory.Exists(directory))
        {
            throw new FileNotFoundException($"The fortune folder {directory} does not exist. {FortunesHint}", directory);
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(f => !f.EndsWith(".dat", StringComparison.Ordinal) && !f.EndsWith(".u8", StringComparison.Ordinal)
                        && !Path.GetFileName(f).StartsWith('.'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

        // Read each file once: a link to a file already listed (Debian's *.u8 are such links) is skipped.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        files = files.Where(f => seen.Add(new FileInfo(f).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(f))).ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"The folder {directory} holds no fortune file (text files of entries separated by '%' lines). {FortunesHint}", directory);
        }

        var entries = new List<string>();
        foreach (var file in files)
        {
            foreach (var entry in ReadFortuneFile(file))
            {
                entries.Add(entry);
                if (entries.Count == limit)
                {
                    return entries;
                }
            }
        }

        return entries;
    }

    /// <summary>The entries of one fortune file (see <see cref="LoadFortunes"/>).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetFormatException">The file is binary or not UTF-8.</exception>
    public static IReadOnlyList<string> ReadFortuneFile(string path)
    {
        var lines = TextFileLines.Read(path, "fortune file (text entries separated by lines holding only '%')", FortunesHint);
        var entries = new List<string>();
        var current = new StringBuilder();
        foreach (var (_, text) in lines)
        {
            if (text == "%")
            {
                Flush(current, entries);
                continue;
            }

            current.Append(RemoveOverstrike(text).TrimEnd()).Append('\n');
        }

        Flush(current, entries);
        return entries;
    }

    private static void Flush(StringBuilder current, List<string> entries)
    {
        string entry = current.ToString().Trim();
        if (entry.Length > 0)
        {
            entries.Add(entry);
        }

        current.Clear();
    }

    /// <summary>Drops "x\b" pairs (old terminals' underline and bold) so only the printed character stays.</summary>
    private static string RemoveOverstrike(string line)
    {
        if (line.IndexOf('\b') < 0)
        {
            return line;
        }

        var sb = new StringBuilder(line.Length);
        foreach (char c in line)
        {
            if (c == '\b')
            {
                if (sb.Length > 0)
                {
                    sb.Length--;
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
