using System;
using System.Collections.Generic;
using System.Text;

namespace SslDsl;

/// <summary>
/// Learns byte-level BPE merges: counts the pre-tokenized words of a corpus, then repeatedly merges the most
/// frequent adjacent pair of symbols (ties go to the smallest pair of ids, so training is deterministic).
/// Pair counts are kept incrementally with an index from pair to the words holding it and a priority queue
/// with lazy deletion, so each merge touches only the words that contain the pair.
/// </summary>
internal static class BpeTrainer
{
    /// <summary>Learns up to <paramref name="maxMerges"/> merges whose pair occurs at least <paramref name="minFrequency"/> times.</summary>
    public static List<(int Left, int Right)> Learn(IEnumerable<string> texts, int maxMerges, int minFrequency)
    {
        var wordCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (text is null)
            {
                continue;
            }

            foreach (var piece in PreTokenizer.Split(text))
            {
                wordCounts[piece] = wordCounts.TryGetValue(piece, out long c) ? c + 1 : 1;
            }
        }

        var words = new List<int[]>(wordCounts.Count);
        var freqs = new List<long>(wordCounts.Count);
        foreach (var (word, count) in wordCounts)
        {
            var bytes = Encoding.UTF8.GetBytes(word);
            if (bytes.Length < 2)
            {
                continue;
            }

            var symbols = new int[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                symbols[i] = ByteLevelTokenizer.ByteOffset + bytes[i];
            }

            words.Add(symbols);
            freqs.Add(count);
        }

        var pairCounts = new Dictionary<long, long>();
        var pairWords = new Dictionary<long, HashSet<int>>();
        for (int w = 0; w < words.Count; w++)
        {
            var s = words[w];
            for (int i = 0; i + 1 < s.Length; i++)
            {
                long key = Key(s[i], s[i + 1]);
                pairCounts[key] = pairCounts.TryGetValue(key, out long c) ? c + freqs[w] : freqs[w];
                if (!pairWords.TryGetValue(key, out var set))
                {
                    pairWords[key] = set = new HashSet<int>();
                }

                set.Add(w);
            }
        }

        // Highest count first, then the smallest (left, right).
        var queue = new PriorityQueue<long, (long NegCount, long Key)>();
        foreach (var (key, count) in pairCounts)
        {
            queue.Enqueue(key, (-count, key));
        }

        var merges = new List<(int, int)>();
        var deltas = new Dictionary<long, long>();
        int nextId = ByteLevelTokenizer.FirstMergeId;
        while (merges.Count < maxMerges && queue.TryDequeue(out long best, out var priority))
        {
            if (!pairCounts.TryGetValue(best, out long current) || current != -priority.NegCount)
            {
                continue; // stale entry
            }

            if (current < minFrequency)
            {
                break;
            }

            int left = (int)(best >> 32);
            int right = (int)(best & 0xFFFFFFFF);
            int merged = nextId++;
            merges.Add((left, right));

            deltas.Clear();
            foreach (int w in pairWords[best])
            {
                var s = words[w];
                if (!Contains(s, left, right))
                {
                    continue;
                }

                long f = freqs[w];
                for (int i = 0; i + 1 < s.Length; i++)
                {
                    long k = Key(s[i], s[i + 1]);
                    deltas[k] = deltas.TryGetValue(k, out long d) ? d - f : -f;
                }

                var t = Merge(s, left, right, merged);
                words[w] = t;
                for (int i = 0; i + 1 < t.Length; i++)
                {
                    long k = Key(t[i], t[i + 1]);
                    deltas[k] = deltas.TryGetValue(k, out long d) ? d + f : f;
                    if (!pairWords.TryGetValue(k, out var set))
                    {
                        pairWords[k] = set = new HashSet<int>();
                    }

                    set.Add(w);
                }
            }

            pairCounts.Remove(best);
            pairWords.Remove(best);
            foreach (var (k, d) in deltas)
            {
                if (d == 0 || k == best)
                {
                    continue;
                }

                long c = (pairCounts.TryGetValue(k, out long old) ? old : 0) + d;
                if (c <= 0)
                {
                    pairCounts.Remove(k);
                }
                else
                {
                    pairCounts[k] = c;
                    queue.Enqueue(k, (-c, k));
                }
            }
        }

        return merges;
    }

    /// <summary>The pair as one key: left in the high 32 bits, right in the low ones.</summary>
    public static long Key(int left, int right) => ((long)left << 32) | (uint)right;

    /// <summary>Replaces each non-overlapping occurrence of (left, right), left to right, by <paramref name="merged"/>.</summary>
    public static int[] Merge(int[] symbols, int left, int right, int merged)
    {
        var result = new List<int>(symbols.Length);
        for (int i = 0; i < symbols.Length; i++)
        {
            if (i + 1 < symbols.Length && symbols[i] == left && symbols[i + 1] == right)
            {
                result.Add(merged);
                i++;
            }
            else
            {
                result.Add(symbols[i]);
            }
        }

        return result.ToArray();
    }

    private static bool Contains(int[] s, int left, int right)
    {
        for (int i = 0; i + 1 < s.Length; i++)
        {
            if (s[i] == left && s[i + 1] == right)
            {
                return true;
            }
        }

        return false;
    }
}
