using System;
using System.IO;
using System.Linq;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.HeadsTests;

public class NegativeQueueTests
{
    private static torch.Tensor Keys(params float[][] rows) =>
        torch.tensor(rows.SelectMany(r => r).ToArray(), new long[] { rows.Length, rows[0].Length });

    private static float[] Row(torch.Tensor queue, long i) => queue[i].data<float>().ToArray();

    [Fact]
    public void StartsWithSeededUnitRowsAndPointerZero()
    {
        using var queue = new NegativeQueue(6, 3, seed: 5);
        using var same = new NegativeQueue(6, 3, seed: 5);
        using var other = new NegativeQueue(6, 3, seed: 6);
        Assert.Equal(new long[] { 6, 3 }, queue.Negatives.shape);
        Assert.Equal(0L, queue.Pointer);
        var norms = queue.Negatives.norm(1).data<float>().ToArray();
        Assert.All(norms, n => Assert.Equal(1f, n, 1e-5f));
        Assert.True(queue.Negatives.eq(same.Negatives).all().item<bool>());
        Assert.False(queue.Negatives.eq(other.Negatives).all().item<bool>());
        Assert.Equal(new[] { "queue", "pointer" }, queue.named_buffers().Select(b => b.name).ToArray());
    }

    [Fact]
    public void EnqueueOverwritesOldestRowsAndWrapsAround()
    {
        using var queue = new NegativeQueue(6, 2, seed: 1);
        var initial = queue.Negatives.clone();
        queue.Enqueue(Keys(new[] { 1f, 0f }, new[] { 0f, 1f }));
        Assert.Equal(2L, queue.Pointer);
        Assert.Equal(new[] { 1f, 0f }, Row(queue.Negatives, 0));
        Assert.Equal(new[] { 0f, 1f }, Row(queue.Negatives, 1));
        Assert.Equal(Row(initial, 2), Row(queue.Negatives, 2));

        queue.Enqueue(Keys(new[] { 2f, 2f }, new[] { 3f, 3f }));
        Assert.Equal(4L, queue.Pointer);
        queue.Enqueue(Keys(new[] { 4f, 4f }, new[] { 5f, 5f }));
        Assert.Equal(0L, queue.Pointer);
        queue.Enqueue(Keys(new[] { 6f, 6f }, new[] { 7f, 7f }));
        Assert.Equal(2L, queue.Pointer);
        float[][] expected = { new[] { 6f, 6f }, new[] { 7f, 7f }, new[] { 2f, 2f }, new[] { 3f, 3f }, new[] { 4f, 4f }, new[] { 5f, 5f } };
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(expected[i], Row(queue.Negatives, i));
        }
    }

    [Fact]
    public void EnqueueWrapsWhenTheBatchSizeChanges()
    {
        using var queue = new NegativeQueue(6, 1);
        queue.Enqueue(Keys(new[] { 1f }, new[] { 2f }));
        queue.Enqueue(Keys(new[] { 3f }, new[] { 4f }, new[] { 5f }));
        Assert.Equal(5L, queue.Pointer);
        queue.Enqueue(Keys(new[] { 6f }, new[] { 7f }, new[] { 8f }));
        // Rows 5, 0, 1 take 6, 7, 8.
        Assert.Equal(2L, queue.Pointer);
        Assert.Equal(new[] { 7f, 8f, 3f, 4f, 5f, 6f }, queue.Negatives.reshape(-1).data<float>().ToArray());
    }

    [Fact]
    public void EnqueueIsDetachedFromTheGraph()
    {
        using var queue = new NegativeQueue(4, 2);
        using var keys = torch.ones(new long[] { 2, 2 }, requires_grad: true);
        queue.Enqueue(keys * 2);
        Assert.False(queue.Negatives.requires_grad);
        Assert.False(queue.get_buffer("queue")!.requires_grad);
        Assert.Equal(new[] { 2f, 2f }, Row(queue.Negatives, 1));
    }

    [Fact]
    public void EnqueueRejectsBadKeys()
    {
        using var queue = new NegativeQueue(6, 2);
        Assert.Throws<ArgumentException>(() => queue.Enqueue(torch.zeros(2, 3)));
        Assert.Throws<ArgumentException>(() => queue.Enqueue(torch.zeros(4, 2)));
        Assert.Throws<ArgumentException>(() => queue.Enqueue(torch.zeros(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NegativeQueue(0, 2));
    }

    [Fact]
    public void SaveAndLoadRoundTripsQueueAndPointer()
    {
        string path = Path.Combine(Path.GetTempPath(), $"negative-queue-{Guid.NewGuid():N}.bin");
        try
        {
            using var saved = new NegativeQueue(4, 3, seed: 1);
            saved.Enqueue(Keys(new[] { 1f, 2f, 3f }, new[] { 4f, 5f, 6f }));
            saved.Enqueue(Keys(new[] { 7f, 8f, 9f }, new[] { 1f, 1f, 1f }));
            saved.Enqueue(Keys(new[] { 0f, 0f, 1f }, new[] { 0f, 1f, 0f }));
            Assert.Equal(2L, saved.Pointer);
            saved.save(path);

            using var loaded = new NegativeQueue(4, 3, seed: 2);
            Assert.False(loaded.Negatives.eq(saved.Negatives).all().item<bool>());
            loaded.load(path);
            Assert.Equal(2L, loaded.Pointer);
            Assert.True(loaded.Negatives.eq(saved.Negatives).all().item<bool>());
            Assert.Equal(new[] { 0f, 1f, 0f }, Row(loaded.Negatives, 1));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
