using System;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Generators.Tests;

/// <summary>
/// MoCo's BatchNorm: the online encoder normalizes the queries with statistics of the query view alone, and the
/// momentum encoder sees the key view shuffled, in groups, with its outputs put back in the keys' order.
/// </summary>
public class MocoBatchNormTests
{
    // A recorder in front of a BatchNorm shows exactly which samples each BatchNorm call normalizes together.
    private const string Encoder = "nn.Sequential(nn.Flatten(), new Recorder(), nn.BatchNorm1d(64), nn.Linear(64, 16))";

    private const string Moco = "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [MomentumEncoder(Momentum = 0.9)] [NegativeQueue(Size = 64)] [InfoNceLoss(Temperature = 0.2)]";

    [Fact]
    public void QueriesAreNormalizedByTheirOwnViewAndKeysByAShuffledBatchPutBackInOrder()
    {
        var assembly = TaskCompiler.Load(TaskCompiler.TinyTask("mocobn", "[ImageInput(Channels = 1, Height = 8, Width = 8)]", Encoder, Moco), Recorder.Source);
        var modelType = TaskCompiler.Nested(assembly, "Tiny.mocobn", "Model");
        var pipelineType = TaskCompiler.Nested(assembly, "Tiny.mocobn", "Pipeline");
        using var model = (nn.Module)Activator.CreateInstance(modelType)!;
        using var pipeline = (IDisposable)Activator.CreateInstance(pipelineType, CPU, 7L)!;
        using var replay = (IDisposable)Activator.CreateInstance(pipelineType, CPU, 7L)!;
        using var images = rand(new long[] { 16, 1, 8, 8 }, generator: new Generator(2));

        var terms = (LossTerms)TaskCompiler.Nested(assembly, "Tiny.mocobn", "Trainer").GetMethod("Objective")!.Invoke(null, new object[] { model, pipeline, new ImageBatch(images) })!;

        var views = (Tensor[])pipelineType.GetMethod("Views")!.Invoke(replay, new object[] { images })!;
        var q = views[0].flatten(1);
        var k = views[1].flatten(1);
        var encoder = (nn.Module<Tensor, Tensor>)modelType.GetProperty("Encoder")!.GetValue(model)!;
        var projection = (nn.Module<Tensor, Tensor>)modelType.GetProperty("Projection")!.GetValue(model)!;
        var targetEncoder = (nn.Module<Tensor, Tensor>)modelType.GetProperty("TargetEncoder")!.GetValue(model)!;
        var targetProjection = (nn.Module<Tensor, Tensor>)modelType.GetProperty("TargetProjection")!.GetValue(model)!;

        // Queries: the online BatchNorm saw view 0 alone, in two groups of 8 (batch 16), in order. Its running mean,
        // from 0 with momentum 0.1, is then 0.9 * 0.1 * mean(group 1) + 0.1 * mean(group 2).
        var online = Recorder.Of(encoder).ToArray();
        Assert.Equal(2, online.Length);
        Assert.True(online[0].Same(q.narrow(0, 0, 8)) && online[1].Same(q.narrow(0, 8, 8)), "the online encoder should see view 0 alone, in two groups");
        var batchNorm = encoder.modules().OfType<TorchSharp.Modules.BatchNorm1d>().Single();
        var expectedMean = q.narrow(0, 0, 8).mean(new long[] { 0 }) * 0.09 + q.narrow(0, 8, 8).mean(new long[] { 0 }) * 0.1;
        Assert.True(batchNorm.running_mean!.allclose(expectedMean, rtol: 1e-5, atol: 1e-6), "the online BatchNorm's statistics should come from view 0");

        // Keys: the momentum BatchNorm saw view 1 in two groups of 8, shuffled (a permutation that is not the identity).
        var target = Recorder.Of(targetEncoder).ToArray();
        Assert.Equal(2, target.Length);
        var seen = cat(target, 0);
        var order = cdist(seen, k).argmin(1);
        Assert.True(seen.Same(k.index_select(0, order)), "the momentum encoder should see the rows of view 1");
        Assert.True(order.sort().Values.Same(arange(16L)), "every key should be encoded once");
        Assert.False(order.Same(arange(16L)), "the key batch should be shuffled");

        // By hand: each group through its network in training mode (BatchNorm on that group), keys put back in view 1's order.
        using (no_grad())
        {
            var queries = cat(new[] { views[0].narrow(0, 0, 8), views[0].narrow(0, 8, 8) }.Select(g => projection.forward(encoder.forward(g))).ToArray(), 0);
            var keys = zeros(16, 8);
            foreach (var rows in new[] { order.narrow(0, 0, 8), order.narrow(0, 8, 8) })
            {
                keys.index_copy_(0, rows, targetProjection.forward(targetEncoder.forward(views[1].index_select(0, rows))));
            }

            Assert.True(terms.Outputs["keys"].allclose(keys, rtol: 1e-4, atol: 1e-5), "row i of the keys should be the key of image i");
            var negatives = ((NegativeQueue)modelType.GetProperty("Queue")!.GetValue(model)!).Negatives;
            double expected = Losses.InfoNce(queries, keys, temperature: 0.2, negatives: negatives).item<float>();
            Assert.Equal(expected, terms.Total.item<float>(), 4);
        }
    }
}
