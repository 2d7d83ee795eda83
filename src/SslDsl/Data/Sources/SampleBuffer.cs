using System;

namespace SslDsl;

/// <summary>
/// The decoded samples of one batch of a <see cref="StreamingSource{TBatch}"/>: a fixed number of floats and of
/// longs per sample, and a label per sample. A worker fills the slots, the reading thread turns the filled part
/// into tensors; the buffer is then reused for a later batch.
/// </summary>
public sealed class SampleBuffer
{
    private readonly bool[] _present;

    internal SampleBuffer(int capacity, int floatsPerSample, int longsPerSample)
    {
        Capacity = capacity;
        FloatsPerSample = floatsPerSample;
        LongsPerSample = longsPerSample;
        Floats = new float[(long)capacity * floatsPerSample];
        Longs = new long[(long)capacity * longsPerSample];
        Labels = new long[capacity];
        _present = new bool[capacity];
    }

    /// <summary>Samples the buffer holds at most.</summary>
    public int Capacity { get; }

    /// <summary>Floats per sample.</summary>
    public int FloatsPerSample { get; }

    /// <summary>Longs per sample.</summary>
    public int LongsPerSample { get; }

    /// <summary>All floats, sample after sample.</summary>
    public float[] Floats { get; }

    /// <summary>All longs, sample after sample.</summary>
    public long[] Longs { get; }

    /// <summary>The label of each sample (unused when the source has none).</summary>
    public long[] Labels { get; }

    /// <summary>The floats of slot <paramref name="slot"/>.</summary>
    public Span<float> FloatsOf(int slot) => Floats.AsSpan(slot * FloatsPerSample, FloatsPerSample);

    /// <summary>The longs of slot <paramref name="slot"/>.</summary>
    public Span<long> LongsOf(int slot) => Longs.AsSpan(slot * LongsPerSample, LongsPerSample);

    /// <summary>Fills <paramref name="size"/> slots with <paramref name="read"/> and moves the samples it kept to the front; returns how many it kept.</summary>
    internal int Fill(int size, Func<int, bool> read)
    {
        for (int i = 0; i < size; i++)
        {
            _present[i] = read(i);
        }

        int kept = 0;
        for (int i = 0; i < size; i++)
        {
            if (!_present[i])
            {
                continue;
            }

            if (kept != i)
            {
                FloatsOf(i).CopyTo(FloatsOf(kept));
                LongsOf(i).CopyTo(LongsOf(kept));
                Labels[kept] = Labels[i];
            }

            kept++;
        }

        return kept;
    }
}
