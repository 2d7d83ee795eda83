using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.HeadsTests;

/// <summary>The state DINO, SwAV and NNCLR keep between steps: centre and temperature, prototypes, queue, support set.</summary>
public class MethodStateTests
{
    [Fact]
    public void DinoCentreIsAnEmaOfTheTeacherOutputMean()
    {
        using var centering = new DinoCentering(outputDim: 2, momentum: 0.9);
        Assert.Equal(new float[] { 0, 0 }, centering.Center.data<float>().ToArray());
        centering.Update(torch.tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 }));
        // mean (2, 3); c = 0.9 * 0 + 0.1 * (2, 3).
        Assert.True(centering.Center.allclose(torch.tensor(new[] { 0.2f, 0.3f }).reshape(1, 2), atol: 1e-6));
        centering.Update(torch.tensor(new float[] { 0, 0 }, new long[] { 1, 2 }));
        Assert.True(centering.Center.allclose(torch.tensor(new[] { 0.18f, 0.27f }).reshape(1, 2), atol: 1e-6));
        Assert.Equal(new[] { "center" }, centering.named_buffers().Select(b => b.name).ToArray());
    }

    [Fact]
    public void TeacherTemperatureWarmsUpLinearlyOverItsEpochs()
    {
        using var centering = new DinoCentering(outputDim: 4, teacherTemperature: 0.07, warmupTeacherTemperature: 0.04, warmupEpochs: 3);
        Assert.Equal(0.04, centering.TeacherTemperature, 12);
        centering.SetEpoch(1);
        Assert.Equal(0.05, centering.TeacherTemperature, 12);
        centering.SetEpoch(2);
        Assert.Equal(0.06, centering.TeacherTemperature, 12);
        centering.SetEpoch(3);
        Assert.Equal(0.07, centering.TeacherTemperature, 12);
        centering.SetEpoch(40);
        Assert.Equal(0.07, centering.TeacherTemperature, 12);
    }

    [Fact]
    public void DinoHeadOutputsCosinesWithUnitRowsAndFreezesItsLastLayerFirst()
    {
        using var head = new DinoHead(input: 6, hidden: 8, bottleneck: 4, output: 5, freezeLastLayerEpochs: 1);
        var input = torch.randn(3, 6, generator: new Generator(1));
        var output = head.forward(input);
        Assert.Equal(new long[] { 3, 5 }, output.shape);
        Assert.True(output.abs().max().item<float>() <= 1.0f + 1e-5f, "a normalized bottleneck times unit rows gives cosines");
        Assert.True(output.std().item<float>() > 1e-2f, "the head separates its inputs");

        Assert.True(head.LastLayerFrozen);
        head.forward(input).sum().backward();
        var last = head.named_parameters().Single(p => p.name == "last_weight").parameter;
        Assert.Null(last.grad);
        head.zero_grad();
        head.SetEpoch(1);
        head.forward(input).sum().backward();
        Assert.NotNull(last.grad);
    }

    [Fact]
    public void SwavPrototypesScoreCosinesStayUnitAndFreezeFirst()
    {
        using var prototypes = new SwavPrototypes(dim: 3, count: 4, freezeEpochs: 1);
        Assert.True(prototypes.Vectors.norm(1).allclose(torch.ones(4), atol: 1e-5));
        var z = torch.randn(5, 3, generator: new Generator(2)).requires_grad_();
        var scores = prototypes.forward(z);
        var expected = nn.functional.normalize(z, dim: 1).matmul(prototypes.Vectors.t());
        Assert.True(scores.allclose(expected, atol: 1e-6));

        prototypes.forward(z).sum().backward();
        Assert.All(prototypes.parameters(), p => Assert.Null(p.grad));
        prototypes.SetEpoch(1);
        prototypes.forward(z).sum().backward();
        Assert.All(prototypes.parameters(), p => Assert.NotNull(p.grad));

        using (torch.no_grad())
        {
            prototypes.parameters().First().mul_(3);
        }

        prototypes.Normalize();
        Assert.True(prototypes.Vectors.norm(1).allclose(torch.ones(4), atol: 1e-5));
    }

    [Fact]
    public void SwavQueueScoresOnlyFromItsStartEpochAndKeepsEachGlobalCropApart()
    {
        using var queue = new SwavQueue(views: 2, size: 4, dim: 3, startEpoch: 2, seed: 1);
        using var prototypes = new SwavPrototypes(dim: 3, count: 5);
        Assert.Null(queue.Scores(prototypes));
        var features = torch.tensor(new float[] { 2, 0, 0, 0, 3, 0, 0, 0, 4, 5, 0, 0 }, new long[] { 4, 3 });
        queue.Enqueue(features);
        Assert.Equal(new[] { 1f, 0f, 0f }, queue.View(0).Negatives[0].data<float>().ToArray());
        Assert.Equal(new[] { 0f, 1f, 0f }, queue.View(0).Negatives[1].data<float>().ToArray());
        Assert.Equal(new[] { 0f, 0f, 1f }, queue.View(1).Negatives[0].data<float>().ToArray());
        Assert.Equal(2L, queue.View(1).Pointer);
        queue.SetEpoch(2);
        var scores = queue.Scores(prototypes)!;
        Assert.Equal(2, scores.Length);
        Assert.Equal(new long[] { 4, 5 }, scores[0].shape);
        Assert.True(scores[1].allclose(prototypes.forward(queue.View(1).Negatives), atol: 1e-6));
    }

    [Fact]
    public void SupportSetReturnsTheMostSimilarStoredEmbedding()
    {
        using var support = new SupportSet(size: 4, dim: 2, seed: 3);
        support.Enqueue(torch.tensor(new float[] { 1, 0, 0, 2, -3, 0, 0, -1 }, new long[] { 4, 2 }));
        Assert.Equal(0L, support.Pointer);
        var nearest = support.Nearest(torch.tensor(new float[] { 0.9f, 0.1f, -0.2f, -5f, -1f, 0.5f }, new long[] { 3, 2 }));
        Assert.Equal(new[] { 1f, 0f, 0f, -1f, -1f, 0f }, nearest.data<float>().ToArray());
        Assert.False(nearest.requires_grad);
    }
}
