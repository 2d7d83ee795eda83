using TorchSharp;
using Xunit;

namespace SslDsl.Tests.Multimodal;

public class PairedBatchTests
{
    [Fact]
    public void RoundTripsThroughItsTensorsFirstModalityFirst()
    {
        var images = new ImageBatch(torch.zeros(2, 1, 4, 4), torch.tensor(new long[] { 3, 5 }));
        var texts = new TokenBatch(torch.ones(2, 6, torch.int64), torch.ones(2, 6, torch.int64));
        var pair = new PairedBatch<ImageBatch, TokenBatch>(images, texts);
        Assert.Equal(3, pair.Tensors.Length);
        var back = PairedBatch<ImageBatch, TokenBatch>.FromTensors(pair.Tensors, pair.Labels);
        Assert.Same(images.Images, back.First.Images);
        Assert.Same(texts.Ids, back.Second.Ids);
        Assert.Same(texts.AttentionMask, back.Second.AttentionMask);
        Assert.Equal(new long[] { 3, 5 }, back.Labels!.data<long>().ToArray());
        Assert.Equal(2, back.Count);

        using var dataset = new Dataset<PairedBatch<ImageBatch, TokenBatch>>(pair.Tensors, pair.Labels);
        var first = System.Linq.Enumerable.First(dataset.Batches(1));
        Assert.Equal(new long[] { 1, 6 }, first.Second.Ids.shape);
    }
}
