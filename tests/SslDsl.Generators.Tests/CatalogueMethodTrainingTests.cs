using System;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Generators.Tests;

/// <summary>
/// DINO, SwAV, NNCLR, SimSiam, MoCo v3 and gradient accumulation: the generated code trains, lowers its loss, and
/// updates the state each method keeps (EMA teacher, centre, temperature warm-up, prototypes, queue, support set).
/// </summary>
public class CatalogueMethodTrainingTests
{
    private const string Image8 = "[ImageInput(Channels = 1, Height = 8, Width = 8)]";

    private const string Dino = "[MultiCrop(GlobalSize = 8, LocalSize = 4, LocalViews = 2, GlobalMinScale = 0.5)] [HorizontalFlip] [DinoHead(Hidden = 16, Bottleneck = 8, Output = 32)] [MomentumEncoder(Momentum = 0.9)] [DinoLoss(StudentTemperature = 0.1, WarmupTeacherTemperature = 0.04, TeacherTemperature = 0.06, WarmupTeacherTemperatureEpochs = 2, CenterMomentum = 0.9)]";

    private const string Swav = "[MultiCrop(GlobalSize = 8, LocalSize = 4, LocalViews = 2, GlobalMinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [SwavLoss(Prototypes = 10, Temperature = 0.1, FreezePrototypesEpochs = 0, QueueSize = 32, QueueStartEpoch = 0)]";

    private const string Nnclr = "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [PredictorHead(Hidden = 16, Output = 8)] [NnclrLoss(SupportSetSize = 64)]";

    /// <summary>A batch of 16 8x8 ramps with noise: structured enough that every method can lower its loss.</summary>
    private static ImageBatch Batch(ulong seed = 2)
    {
        var ramp = torch.arange(64, dtype: ScalarType.Float32).view(1, 1, 8, 8) / 64;
        return new ImageBatch((ramp + (torch.rand(new long[] { 16, 1, 8, 8 }, generator: new Generator(seed)) * 0.5)).clamp(0, 1));
    }

    private static (PretextTrainer<ImageBatch> Trainer, dynamic Model) Create(string name, string attributes, int batchSize = 16, string input = Image8)
    {
        var assembly = TaskCompiler.Load(TaskCompiler.TinyTask(name, input, TaskCompiler.ConvEncoder, attributes, batchSize));
        var trainer = (PretextTrainer<ImageBatch>)Activator.CreateInstance(
            TaskCompiler.Nested(assembly, "Tiny." + name, "Trainer"), new TrainingOptions { Device = torch.CPU, ShowProgress = false, Log = System.IO.TextWriter.Null })!;
        return (trainer, trainer.GetType().GetProperty("Model")!.GetValue(trainer)!);
    }

    [Fact]
    public void SwavLowersItsLoss()
    {
        var assembly = TaskCompiler.Load(TaskCompiler.TinyTask("swav", Image8, TaskCompiler.ConvEncoder, Swav));
        var (first, last) = TrainerHarness.Train(assembly, "Tiny.swav", Batch(), steps: 40);
        Assert.True(last < first, $"swav: {first} -> {last}");
    }

    /// <summary>
    /// DINO's loss first rises: the student starts as a copy of the teacher (a low cross-entropy), and centring spreads
    /// the teacher's targets to near uniform (the plateau ln K = 4.16 for K = 64), since this small network first maps
    /// every image to nearly the same output. From that plateau the loss goes down as the student learns which of four
    /// image patterns each crop, global or local, shows.
    /// </summary>
    [Fact]
    public void DinoLowersItsLossFromTheCentredPlateau()
    {
        const string attributes = "[MultiCrop(GlobalSize = 8, LocalSize = 4, LocalViews = 2, GlobalMinScale = 0.5, LocalMinScale = 0.3, LocalMaxScale = 0.6)] [HorizontalFlip] [DinoHead(Hidden = 32, Bottleneck = 64, Output = 64)] [MomentumEncoder(Momentum = 0.99)] [DinoLoss]";
        var source = TaskCompiler.TinyTask("dinolearns", Image8, "Backbones.PooledCnn(inChannels: 1, width: 8, depth: 1, pool: 2)", attributes)
            .Replace("OutputDim = 16", "OutputDim = 32").Replace("LearningRate = 0.01", "LearningRate = 0.001");
        var assembly = TaskCompiler.Load(source);
        using var trainer = (PretextTrainer<ImageBatch>)Activator.CreateInstance(TaskCompiler.Nested(assembly, "Tiny.dinolearns", "Trainer"), new TrainingOptions { Device = torch.CPU, ShowProgress = false })!;
        var generator = new Generator(2);
        var pool = Patterns(generator);
        var windows = Enumerable.Range(0, 20)
            .Select(_ => Enumerable.Range(0, 20).Average(_ => trainer.Step(new ImageBatch(pool.index_select(0, torch.randperm(64, generator: generator).narrow(0, 0, 16))))))
            .ToArray();
        string curve = string.Join(" ", windows.Select(w => w.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));
        double plateau = windows.Max();
        Assert.True(plateau > 0.9 * Math.Log(64), $"centring spreads the teacher to near uniform: {curve}");
        Assert.True(windows[^1] < 0.85 * plateau, $"the student learns from the plateau: {curve}");
    }

    /// <summary>64 noisy 8x8 images of four patterns (top half, left half, centre square, top and bottom bars).</summary>
    private static Tensor Patterns(Generator generator)
    {
        var pool = torch.rand(new long[] { 64, 1, 8, 8 }, generator: generator) * 0.3;
        for (int i = 0; i < 64; i++)
        {
            var image = pool[i, 0];
            switch (i % 4)
            {
                case 0: image.narrow(0, 0, 4).add_(0.7f); break;
                case 1: image.narrow(1, 0, 4).add_(0.7f); break;
                case 2: image.narrow(0, 2, 4).narrow(1, 2, 4).add_(0.7f); break;
                default: image.narrow(0, 0, 2).add_(0.7f); image.narrow(0, 6, 2).add_(0.7f); break;
            }
        }

        return pool;
    }

    [Fact]
    public void MultiCropDrawsTwoGlobalAndTheLocalCropsAtTheirSizes()
    {
        var (trainer, model) = Create("dinoviews", Dino);
        using (trainer)
        {
            dynamic pipeline = trainer.GetType().GetProperty("Pipeline")!.GetValue(trainer)!;
            Tensor[] views = pipeline.Views(Batch().Images);
            Assert.Equal(new[] { 8L, 8, 4, 4 }, views.Select(v => v.shape[3]).ToArray());
            Assert.All(views, v => Assert.Equal(16L, v.shape[0]));
        }
    }

    [Fact]
    public void DinoTeacherFollowsTheStudentByEmaAndTheCentreFollowsTheTeacher()
    {
        var (trainer, model) = Create("dinostate", Dino);
        using (trainer)
        {
            var student = (nn.Module)model.Encoder;
            var teacher = (nn.Module)model.TargetEncoder;
            var teacherHead = (nn.Module)model.TargetDinoHead;
            Assert.All(teacher.parameters().Concat(teacherHead.parameters()), p => Assert.False(p.requires_grad));
            var teacherBefore = First(teacher).clone();
            var headBefore = First(teacherHead).clone();
            trainer.Step(Batch());

            // Outside Fit the momentum is its start value, 0.9: teacher = 0.9 teacher_before + 0.1 student_after (they were equal before).
            Assert.True(First(teacher).allclose(teacherBefore * 0.9 + First(student) * 0.1, rtol: 1e-5, atol: 1e-6));
            Assert.True(First(teacherHead).allclose(headBefore * 0.9 + First((nn.Module)model.DinoHead) * 0.1, rtol: 1e-5, atol: 1e-6));

            // The centre: c <- 0.9 c + 0.1 mean(teacher outputs), checked on the loss's own outputs through the generated AfterStep.
            var trainerType = trainer.GetType();
            var centering = (DinoCentering)model.DinoCentering;
            var before = centering.Center.clone();
            var loss = (LossTerms)trainerType.GetMethod("Objective")!.Invoke(null, new object[] { model, trainerType.GetProperty("Pipeline")!.GetValue(trainer)!, Batch(3) })!;
            var teacherOutputs = loss.Outputs["teacher"];
            Assert.Equal(new long[] { 32, 32 }, teacherOutputs.shape);
            trainerType.GetMethod("AfterStep")!.Invoke(null, new object[] { model, loss, 0.0 });
            var expected = before * 0.9 + teacherOutputs.mean(new long[] { 0 }, keepdim: true) * 0.1;
            Assert.True(centering.Center.allclose(expected, rtol: 1e-5, atol: 1e-7));
            Assert.False(centering.Center.allclose(before));
        }
    }

    [Fact]
    public void DinoTeacherTemperatureWarmsUpOverTheEpochsOfFit()
    {
        var (trainer, model) = Create("dinowarm", Dino);
        using (trainer)
        {
            var centering = (DinoCentering)model.DinoCentering;
            Assert.Equal(0.04, centering.TeacherTemperature, 12);
            using var data = new Dataset<ImageBatch>(new[] { Batch().Images }, null, "ramps");
            trainer.Fit(data);
            Assert.Equal(1, trainer.CompletedEpochs);

            // One epoch of a 2-epoch warm-up from 0.04 to 0.06: its steps ran at epoch 0.
            Assert.Equal(0.04, centering.TeacherTemperature, 12);
            using var longer = (PretextTrainer<ImageBatch>)Activator.CreateInstance(trainer.GetType(), new TrainingOptions { Device = torch.CPU, ShowProgress = false, Epochs = 3 })!;
            dynamic longerModel = longer.GetType().GetProperty("Model")!.GetValue(longer)!;
            longer.Fit(data);
            Assert.Equal(0.06, ((DinoCentering)longerModel.DinoCentering).TeacherTemperature, 12);
        }
    }

    [Fact]
    public void SwavRenormalizesItsPrototypesAndQueuesTheGlobalCrops()
    {
        var (trainer, model) = Create("swavstate", Swav);
        using (trainer)
        {
            var prototypes = (SwavPrototypes)model.Prototypes;
            var queue = (SwavQueue)model.SwavQueue;
            var before = prototypes.Vectors.clone();
            trainer.Step(Batch());
            Assert.True(prototypes.Vectors.norm(1).allclose(torch.ones(10), atol: 1e-5));
            Assert.False(prototypes.Vectors.allclose(before));
            Assert.Equal(16L, queue.View(0).Pointer);
            Assert.Equal(16L, queue.View(1).Pointer);
            Assert.True(queue.View(0).Negatives.narrow(0, 0, 16).norm(1).allclose(torch.ones(16), atol: 1e-5));
        }
    }

    [Fact]
    public void FrozenPrototypesDoNotMoveInTheirFirstEpoch()
    {
        var (trainer, model) = Create("swavfrozen", Swav.Replace("FreezePrototypesEpochs = 0", "FreezePrototypesEpochs = 1"));
        using (trainer)
        {
            var prototypes = (SwavPrototypes)model.Prototypes;
            var before = prototypes.Vectors.clone();
            trainer.Step(Batch());
            trainer.Step(Batch(5));
            Assert.True(prototypes.Vectors.allclose(before, atol: 1e-6));
        }
    }

    [Fact]
    public void NnclrAddsViewZeroToItsSupportSet()
    {
        var (trainer, model) = Create("nnclrstate", Nnclr);
        using (trainer)
        {
            var support = (SupportSet)model.SupportSet;
            trainer.Step(Batch());
            Assert.Equal(16L, support.Pointer);
            Assert.True(support.Embeddings.narrow(0, 0, 16).norm(1).allclose(torch.ones(16), atol: 1e-5));
        }
    }

    [Fact]
    public void SimSiamHasNoMomentumTargetAndMocoV3FollowsItsOnlineNetworkByEma()
    {
        var (simsiam, simsiamModel) = Create("simsiamstate", "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [PredictorHead(Hidden = 16, Output = 8)] [SimSiamLoss]");
        using (simsiam)
        {
            Type modelType = simsiamModel.GetType();
            Assert.Null(modelType.GetProperty("TargetEncoder"));
        }

        var (moco, model) = Create("mocov3state", "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [PredictorHead(Hidden = 16, Output = 8)] [MomentumEncoder(Momentum = 0.9)] [MocoV3Loss]");
        using (moco)
        {
            var before = First((nn.Module)model.TargetProjection).clone();
            moco.Step(Batch());
            Assert.True(First((nn.Module)model.TargetProjection).allclose(before * 0.9 + First((nn.Module)model.Projection) * 0.1, rtol: 1e-5, atol: 1e-6));
        }
    }

    [Fact]
    public void AccumulatedStepsUpdateEveryKthBatch()
    {
        var source = TaskCompiler.TinyTask("accumulating", Image8, TaskCompiler.ConvEncoder, "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [NtXentLoss]")
            .Replace("Epochs = 1, Seed = 3)]", "Epochs = 1, Seed = 3, AccumulateSteps = 2)]");
        var assembly = TaskCompiler.Load(source);
        using var accumulating = (PretextTrainer<ImageBatch>)Activator.CreateInstance(TaskCompiler.Nested(assembly, "Tiny.accumulating", "Trainer"), new TrainingOptions { Device = torch.CPU, ShowProgress = false })!;
        Assert.Equal(2, accumulating.Settings.AccumulateSteps);
        var encoder = (nn.Module)((dynamic)accumulating.GetType().GetProperty("Model")!.GetValue(accumulating)!).Encoder;
        var before = First(encoder).clone();
        accumulating.Step(Batch());
        Assert.True(First(encoder).allclose(before, rtol: 0, atol: 0));
        Assert.Equal(1, accumulating.PendingBatches);
        accumulating.Step(Batch(4));
        Assert.False(First(encoder).allclose(before, rtol: 0, atol: 0));
        Assert.Equal(1L, accumulating.GlobalStep);
    }

    [Fact]
    public void MultiTaskRunsTheAfterStepOfAMemberThatKeepsStateWithoutAMomentumEncoder()
    {
        string members = TaskCompiler.TinyTask("nnclr", Image8, TaskCompiler.ConvEncoder, Nnclr);
        string joint = $$"""
            using SslDsl;
            using TorchSharp;
            using static TorchSharp.torch;

            namespace Tiny;

            [MultiTaskPretraining("joint-nnclr")]
            [Objective(typeof(nnclr))]
            [Optimizer(OptimizerKind.Adam, LearningRate = 0.01)]
            [Training(BatchSize = 16, Epochs = 1)]
            public partial class JointNnclr
            {
                [Encoder(OutputDim = 16)]
                static nn.Module<Tensor, Tensor> Shared() => {{TaskCompiler.ConvEncoder}};
            }
            """;
        var assembly = TaskCompiler.Load(members, joint);
        using var trainer = (PretextTrainer<ImageBatch>)Activator.CreateInstance(TaskCompiler.Nested(assembly, "Tiny.JointNnclr", "Trainer"), new TrainingOptions { Device = torch.CPU, ShowProgress = false })!;
        dynamic model = trainer.GetType().GetProperty("Model")!.GetValue(trainer)!;
        trainer.Step(Batch());
        Assert.Equal(16L, ((SupportSet)model.nnclr.SupportSet).Pointer);
    }

    private static Tensor First(nn.Module module) => module.parameters().First();
}
