using System;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>Every joint-embedding method generates, compiles and lowers its loss over a few steps on a fixed batch.</summary>
public class JointEmbeddingTrainingTests
{
    private const string Moco = "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [MomentumEncoder(Momentum = 0.9)] [NegativeQueue(Size = 64)] [InfoNceLoss(Temperature = 0.2)]";

    public static TheoryData<string, string> Methods => new()
    {
        { "simclr3", "[Views(3)] [RandomResizedCrop(MinScale = 0.5)] [HorizontalFlip] [ProjectionHead(Hidden = 16, Output = 8)] [NtXentLoss(Temperature = 0.5)]" },
        { "infonce", "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [InfoNceLoss(Temperature = 0.2)]" },
        { "moco", Moco },
        { "byol", "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [GaussianNoise(Std = 0.1, View = 1)] [ProjectionHead(Hidden = 16, Output = 8)] [PredictorHead(Hidden = 16, Output = 8)] [MomentumEncoder(Momentum = 0.99)] [ByolLoss]" },
        { "barlow", "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [BarlowTwinsLoss]" },
        { "vicreg", "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [VicRegLoss]" },
        { "margin", "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [GaussianNoise(Std = 0.05)] [ContrastiveMarginLoss(Margin = 1.0)]" },
        { "weighted", "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [NtXentLoss(Weight = 0.5)] [VicRegLoss(Weight = 0.04)]" },
        { "simsiam", "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [PredictorHead(Hidden = 16, Output = 8)] [SimSiamLoss]" },
        { "mocov3", "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [PredictorHead(Hidden = 16, Output = 8)] [MomentumEncoder(Momentum = 0.9)] [MocoV3Loss(Temperature = 0.2)]" },
        { "nnclr", "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [PredictorHead(Hidden = 16, Output = 8)] [NnclrLoss(Temperature = 0.1, SupportSetSize = 64)]" },
        { "dcl", "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [DclLoss(Temperature = 0.1)]" },
        { "dclw", "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [DclwLoss(Temperature = 0.1, Sigma = 0.5)]" },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void GeneratedTrainerLowersTheLoss(string name, string attributes)
    {
        var assembly = TaskCompiler.Load(TaskCompiler.TinyImageTask(name, attributes));
        var options = new TrainingOptions { Device = torch.CPU, ShowProgress = false };
        using var trainer = (PretextTrainer<ImageBatch>)Activator.CreateInstance(TaskCompiler.Nested(assembly, "Tiny." + name, "Trainer"), options)!;
        using var images = torch.rand(new long[] { 16, 1, 8, 8 }, generator: new torch.Generator(11));
        var batch = new ImageBatch(images);

        double first = 0, last = 0;
        for (int i = 0; i < 40; i++)
        {
            float loss = trainer.Step(batch);
            Assert.True(float.IsFinite(loss), $"{name}: step {i} loss {loss}");
            if (i < 5)
            {
                first += loss / 5;
            }

            if (i >= 35)
            {
                last += loss / 5;
            }
        }

        Assert.True(last < first, $"{name}: mean loss of the first 5 steps {first}, of the last 5 {last}");
    }

    [Fact]
    public void MocoEnqueuesKeysAndTheTargetFollowsTheOnlineEncoderByEma()
    {
        var assembly = TaskCompiler.Load(TaskCompiler.TinyImageTask("moco", Moco));
        using var trainer = (PretextTrainer<ImageBatch>)Activator.CreateInstance(
            TaskCompiler.Nested(assembly, "Tiny.moco", "Trainer"), new TrainingOptions { Device = torch.CPU, ShowProgress = false })!;
        dynamic model = trainer.GetType().GetProperty("Model")!.GetValue(trainer)!;
        var queue = (NegativeQueue)model.Queue;
        var online = (torch.nn.Module)model.Encoder;
        var target = (torch.nn.Module)model.TargetEncoder;
        Assert.All(target.parameters(), p => Assert.False(p.requires_grad));

        using var images = torch.rand(new long[] { 16, 1, 8, 8 }, generator: new torch.Generator(2));
        var targetBefore = First(target).clone();
        trainer.Step(new ImageBatch(images));
        Assert.Equal(16, queue.Pointer);

        // After one step: target = 0.9 * target_before + 0.1 * online_after (online was equal to target before the step).
        var onlineAfter = First(online);
        var expected = targetBefore * 0.9 + onlineAfter * 0.1;
        Assert.True(First(target).allclose(expected, rtol: 1e-5, atol: 1e-6));

        trainer.Step(new ImageBatch(images));
        trainer.Step(new ImageBatch(images));
        trainer.Step(new ImageBatch(images));
        Assert.Equal(0, queue.Pointer);
    }

    private static torch.Tensor First(torch.nn.Module module)
    {
        foreach (var p in module.parameters())
        {
            return p;
        }

        throw new InvalidOperationException("no parameters");
    }
}
