using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The fixed set of tile permutations of a jigsaw pretext (Noroozi &amp; Favaro, 2016): the label of a
/// shuffled image is the index of its permutation in this set. Permutation i maps output tile t (reading
/// order) to input tile <c>this[i][t]</c>.
/// </summary>
public sealed class JigsawPermutations
{
    /// <summary>The largest set <see cref="Create"/> builds.</summary>
    public const int MaxCount = 10_000;

    private readonly long[][] permutations;

    private JigsawPermutations(int grid, long[][] permutations)
    {
        Grid = grid;
        this.permutations = permutations;
    }

    /// <summary>Tiles per side.</summary>
    public int Grid { get; }

    /// <summary>Tiles per image (Grid²), the length of every permutation.</summary>
    public int Tiles => Grid * Grid;

    /// <summary>Number of permutations (classes).</summary>
    public int Count => permutations.Length;

    /// <summary>A copy of permutation <paramref name="i"/>: entry t is the input tile shown at output tile t.</summary>
    public long[] this[int i] => (long[])permutations[i].Clone();

    /// <summary>The permutations as an int64 tensor [Count, Tiles] on the CPU (the caller owns it).</summary>
    public Tensor AsTensor() => torch.tensor(permutations.SelectMany(x => x).ToArray(), new long[] { Count, Tiles }, ScalarType.Int64);

    /// <summary>
    /// Chooses <paramref name="count"/> permutations of Grid² tiles greedily for a maximal minimum Hamming
    /// distance: the first uniformly at random, then repeatedly the candidate whose minimum Hamming distance to
    /// the permutations already chosen is largest (ties broken at random). For grid 2 and 3 the candidates are
    /// all Grid²! permutations; for larger grids a pool of max(5000, 10 · count) distinct random permutations.
    /// Deterministic for a seed (System.Random seeded from <paramref name="seed"/>). The cost is
    /// count · candidates comparisons of packed permutations (one to two seconds for grid 3 and 100 permutations, 362,880 candidates).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">grid outside [2, 15], count &lt; 1, or count larger than the number of permutations (Grid²!) or <see cref="MaxCount"/>.</exception>
    public static JigsawPermutations Create(int grid, int count, long seed)
    {
        if (grid < 2 || grid > 15)
        {
            throw new ArgumentOutOfRangeException(nameof(grid), grid, "JigsawPermutations: grid (tiles per side) must be in [2, 15].");
        }

        int tiles = checked(grid * grid);
        double available = Factorial(tiles);
        if (count < 1 || count > available || count > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"JigsawPermutations: count must be in [1, {Math.Min(available, MaxCount)}] for a {grid}x{grid} grid ({tiles}! = {available} permutations exist).");
        }

        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        byte[] candidates = tiles <= 9 ? AllPermutations(tiles) : RandomPermutations(tiles, Math.Max(5000, 10 * count), random);
        int n = candidates.Length / tiles;
        ulong[]? packed = tiles <= 16 ? Pack(candidates, tiles) : null;
        var minDistance = new int[n];
        Array.Fill(minDistance, int.MaxValue);
        var chosen = new long[count][];
        int pick = random.Next(n);
        for (int k = 0; k < count; k++)
        {
            chosen[k] = new long[tiles];
            for (int t = 0; t < tiles; t++)
            {
                chosen[k][t] = candidates[pick * tiles + t];
            }

            minDistance[pick] = -1;
            if (k == count - 1)
            {
                break;
            }

            // Pass 1: fold the new permutation into every candidate's minimum distance; find the best and its ties.
            int best = -1, ties = 0;
            for (int c = 0; c < n; c++)
            {
                int m = minDistance[c];
                if (m < 0)
                {
                    continue;
                }

                int d = packed is null ? Hamming(candidates, c, pick, tiles) : PackedHamming(packed[c], packed[pick]);
                if (d < m)
                {
                    minDistance[c] = m = d;
                }

                if (m > best)
                {
                    best = m;
                    ties = 1;
                }
                else if (m == best)
                {
                    ties++;
                }
            }

            // Pass 2: the tie drawn at random, in candidate order.
            int skip = random.Next(ties), next = -1;
            for (int c = 0; c < n && next < 0; c++)
            {
                if (minDistance[c] == best && skip-- == 0)
                {
                    next = c;
                }
            }

            pick = next;
        }

        return new JigsawPermutations(grid, chosen);
    }

    /// <summary>A set made of the given permutations of Grid² tiles (e.g. to include the identity).</summary>
    /// <exception cref="ArgumentException">grid &lt; 1, no permutations, an entry that is not a permutation of 0..Grid²-1, or a duplicate.</exception>
    public static JigsawPermutations Of(int grid, params long[][] permutations)
    {
        if (grid < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(grid), grid, "JigsawPermutations: grid must be at least 1.");
        }

        if (permutations is null || permutations.Length == 0)
        {
            throw new ArgumentException("JigsawPermutations: give at least one permutation.", nameof(permutations));
        }

        int tiles = grid * grid;
        var seen = new HashSet<string>();
        var copy = new long[permutations.Length][];
        for (int i = 0; i < permutations.Length; i++)
        {
            var perm = permutations[i];
            if (perm is null || perm.Length != tiles || perm.OrderBy(v => v).Where((v, j) => v != j).Any())
            {
                throw new ArgumentException($"JigsawPermutations: permutation {i} must hold each tile index 0..{tiles - 1} exactly once.", nameof(permutations));
            }

            if (!seen.Add(string.Join(",", perm)))
            {
                throw new ArgumentException($"JigsawPermutations: permutation {i} repeats an earlier one; labels must be distinct.", nameof(permutations));
            }

            copy[i] = (long[])perm.Clone();
        }

        return new JigsawPermutations(grid, copy);
    }

    private static int Hamming(byte[] candidates, int a, int b, int tiles)
    {
        int d = 0;
        int oa = a * tiles, ob = b * tiles;
        for (int t = 0; t < tiles; t++)
        {
            if (candidates[oa + t] != candidates[ob + t])
            {
                d++;
            }
        }

        return d;
    }

    /// <summary>Each permutation of at most 16 tiles packed 4 bits per tile into one ulong.</summary>
    private static ulong[] Pack(byte[] candidates, int tiles)
    {
        var packed = new ulong[candidates.Length / tiles];
        for (int c = 0; c < packed.Length; c++)
        {
            ulong v = 0;
            for (int t = 0; t < tiles; t++)
            {
                v |= (ulong)candidates[c * tiles + t] << (4 * t);
            }

            packed[c] = v;
        }

        return packed;
    }

    /// <summary>The number of differing 4-bit tiles of two packed permutations.</summary>
    private static int PackedHamming(ulong a, ulong b)
    {
        ulong x = a ^ b;
        x |= x >> 1;
        x |= x >> 2;
        return System.Numerics.BitOperations.PopCount(x & 0x1111_1111_1111_1111UL);
    }

    private static double Factorial(int n)
    {
        double f = 1;
        for (int i = 2; i <= n; i++)
        {
            f *= i;
        }

        return f;
    }

    /// <summary>Every permutation of 0..tiles-1 in lexicographic order, flattened.</summary>
    private static byte[] AllPermutations(int tiles)
    {
        int n = (int)Factorial(tiles);
        var all = new byte[n * tiles];
        var current = Enumerable.Range(0, tiles).Select(i => (byte)i).ToArray();
        for (int k = 0; k < n; k++)
        {
            Array.Copy(current, 0, all, k * tiles, tiles);
            NextPermutation(current);
        }

        return all;
    }

    private static void NextPermutation(byte[] a)
    {
        int i = a.Length - 2;
        while (i >= 0 && a[i] >= a[i + 1])
        {
            i--;
        }

        if (i < 0)
        {
            return;
        }

        int j = a.Length - 1;
        while (a[j] <= a[i])
        {
            j--;
        }

        (a[i], a[j]) = (a[j], a[i]);
        Array.Reverse(a, i + 1, a.Length - i - 1);
    }

    /// <summary><paramref name="count"/> distinct random permutations (Fisher–Yates), flattened.</summary>
    private static byte[] RandomPermutations(int tiles, int count, Random random)
    {
        var pool = new byte[count * tiles];
        var seen = new HashSet<string>();
        var current = new byte[tiles];
        int k = 0;
        while (k < count)
        {
            for (int i = 0; i < tiles; i++)
            {
                current[i] = (byte)i;
            }

            for (int i = tiles - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (current[i], current[j]) = (current[j], current[i]);
            }

            if (seen.Add(Convert.ToBase64String(current)))
            {
                Array.Copy(current, 0, pool, k * tiles, tiles);
                k++;
            }
        }

        return pool;
    }
}
