using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>Text objectives and multi-task pretraining generate, compile and lower their loss.</summary>
public class TextAndMultiTaskTrainingTests
{
    private const string Text = "[TextInput(MaxLength = 12, VocabSize = 30)]";
    private const string Transformer = "Backbones.TransformerEncoder(vocabSize: 30, maxLength: 12, width: 16, outputDim: 16, depth: 1, heads: 2)";

    public static TheoryData<string, string, string> TextTasks => new()
    {
        { "mlm", Transformer, "[MaskTokens(Probability = 0.3)] [MaskedTokenLoss]" },
        { "span", Transformer, "[SpanMask(MeanSpan = 2, Ratio = 0.3)] [MaskedTokenLoss]" },
        { "nsp", Transformer, "[NextSentenceLoss]" },
        { "wwm", Transformer, "[WholeWordMask(Probability = 0.3)] [MaskedTokenLoss]" },
        { "t5", Transformer, "[SpanCorruption(NoiseDensity = 0.3, MeanSpan = 2)] [SpanCorruptionLoss(Layers = 1, Heads = 2)]" },
        { "mlm-nsp", Transformer, "[MaskTokens] [MaskedTokenLoss] [NextSentenceLoss(Weight = 0.5)]" },
    };

    /// <summary>Sequences [CLS] t1 .. tn [SEP] [PAD].., tokens in 4..29 following a simple pattern (t_{i+1} = t_i + 1), so they are predictable.</summary>
    private static TokenBatch Sequences()
    {
        var ids = torch.zeros(16, 12, torch.ScalarType.Int64);
        var gen = new System.Random(3);
        for (int b = 0; b < 16; b++)
        {
            int length = 6 + (b % 5);
            int start = 4 + gen.Next(10);
            ids[b, 0] = 1;
            for (int i = 1; i <= length; i++)
            {
                ids[b, i] = 4 + ((start + i) % 26);
            }

            ids[b, length + 1] = 2;
        }

        // Words of two tokens (t1 t2, t3 t4, ...); [CLS] and [SEP] start their own.
        var positions = torch.arange(12, dtype: torch.ScalarType.Int64).unsqueeze(0);
        var wordStarts = positions.remainder(2).eq(1).logical_or(ids.le(2)).logical_and(ids.ne(0)).to_type(torch.ScalarType.Int64);
        return new TokenBatch(ids, ids.ne(0).to_type(torch.ScalarType.Int64), WordStarts: wordStarts);
    }

    [Theory]
    [MemberData(nameof(TextTasks))]
    public void TextTaskLowersItsLoss(string name, string encoder, string attributes)
    {
        var assembly = TaskCompiler.Load(TaskCompiler.TinyTask(name, Text, encoder, attributes));
        var (first, last) = TrainerHarness.Train(assembly, "Tiny." + name.Replace("-", ""), Sequences(), steps: 60);
        Assert.True(last < first, $"{name}: {first} -> {last}");
    }

    [Fact]
    public void NextTokenWithTheBuiltInBackboneIsCausalAndLowersItsLoss()
    {
        const string source = """
            using SslDsl;

            namespace Tiny;

            [PretextTask("gpt")]
            [TextInput(MaxLength = 12, VocabSize = 30)]
            [Backbone(BackboneKind.TransformerEncoder, Width = 16, OutputDim = 16, Depth = 1, Heads = 2)]
            [NextTokenLoss]
            [Optimizer(OptimizerKind.Adam, LearningRate = 0.01)]
            [Training(BatchSize = 16, Epochs = 1)]
            public partial class Gpt
            {
            }
            """;
        var run = GeneratorHarness.Generate(source);
        Assert.Contains("causal: true", run.Files["Tiny.Gpt.SslDsl.g.cs"]);
        var (first, last) = TrainerHarness.Train(TaskCompiler.Load(source), "Tiny.Gpt", Sequences(), steps: 60);
        Assert.True(last < first, $"{first} -> {last}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NextTokenWithAnEncoderMemberChecksOnItsFirstStepThatTheEncoderIsCausal(bool causal)
    {
        string source = $$"""
            using SslDsl;
            using TorchSharp;
            using static TorchSharp.torch;

            namespace Tiny;

            [PretextTask("gpt-member")]
            [TextInput(MaxLength = 12, VocabSize = 30)]
            [NextTokenLoss]
            [Optimizer(OptimizerKind.Adam, LearningRate = 0.01)]
            [Training(BatchSize = 16, Epochs = 1)]
            public partial class GptMember
            {
                [Encoder(OutputDim = 16)]
                static nn.Module<Tensor, Tensor> Encoder() => Backbones.TransformerEncoder(vocabSize: 30, maxLength: 12, width: 16, outputDim: 16, depth: 1, heads: 2, causal: {{(causal ? "true" : "false")}});
            }
            """;
        var assembly = TaskCompiler.Load(source);
        if (causal)
        {
            var (first, last) = TrainerHarness.Train(assembly, "Tiny.GptMember", Sequences(), steps: 30);
            Assert.True(last < first, $"{first} -> {last}");
            return;
        }

        // Without a causal mask every position sees the token it must predict: the first step refuses to train.
        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => TrainerHarness.Train(assembly, "Tiny.GptMember", Sequences(), steps: 1));
        var inner = Assert.IsType<System.ArgumentException>(error.InnerException);
        Assert.StartsWith("Next-token prediction needs a causal encoder, but this one lets a position see later tokens: changing the last of 12 tokens moved", inner.Message);
    }

    [Fact]
    public void MultiTaskPretrainingSumsWeightedMemberLossesOnOneSharedEncoder()
    {
        string members = TaskCompiler.TinyTask("simclr", "[ImageInput(Channels = 1, Height = 8, Width = 8)]", TaskCompiler.ConvEncoder,
                "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [NtXentLoss]")
            + "\n" + TaskCompiler.TinyTask("mae", "[ImageInput(Channels = 1, Height = 8, Width = 8)]", TaskCompiler.ConvEncoder,
                "[PatchMask(PatchSize = 2, Ratio = 0.5)] [Decoder(Hidden = 16, Layers = 1)] [ReconstructionLoss]").Split("namespace Tiny;")[1]
            + "\n" + TaskCompiler.TinyTask("byol", "[ImageInput(Channels = 1, Height = 8, Width = 8)]", TaskCompiler.ConvEncoder,
                "[Views(2)] [RandomResizedCrop(MinScale = 0.5)] [ProjectionHead(Hidden = 16, Output = 8)] [PredictorHead(Hidden = 16, Output = 8)] [MomentumEncoder] [ByolLoss]").Split("namespace Tiny;")[1];
        string joint = $$"""
            using SslDsl;
            using TorchSharp;
            using static TorchSharp.torch;

            namespace Tiny;

            [MultiTaskPretraining("joint")]
            [Objective(typeof(simclr), Weight = 1.0)]
            [Objective(typeof(mae), Weight = 0.5)]
            [Objective(typeof(byol), Weight = 0.25)]
            [Optimizer(OptimizerKind.Adam, LearningRate = 0.01)]
            [Training(BatchSize = 16, Epochs = 1)]
            public partial class Joint
            {
                [Encoder(OutputDim = 16)]
                static nn.Module<Tensor, Tensor> Shared() => {{TaskCompiler.ConvEncoder}};
            }
            """;
        var assembly = TaskCompiler.Load(members, joint);
        var trainerType = TaskCompiler.Nested(assembly, "Tiny.Joint", "Trainer");
        using var trainer = (PretextTrainer<ImageBatch>)System.Activator.CreateInstance(trainerType, new TrainingOptions { Device = torch.CPU, ShowProgress = false })!;
        dynamic model = trainer.GetType().GetProperty("Model")!.GetValue(trainer)!;

        // One shared encoder: every member model holds the very same module.
        Assert.Same((object)model.Encoder, (object)model.simclr.Encoder);
        Assert.Same((object)model.Encoder, (object)model.mae.Encoder);
        Assert.Same((object)model.Encoder, (object)model.byol.Encoder);

        var ramp = torch.arange(64, dtype: torch.ScalarType.Float32).view(1, 1, 8, 8) / 64;
        using var images = (ramp + torch.rand(new long[] { 16, 1, 8, 8 }, generator: new torch.Generator(2)) * 0.2).clamp(0, 1);
        var (first, last) = TrainerHarness.Train(assembly, "Tiny.Joint", new ImageBatch(images), steps: 40);
        Assert.True(last < first, $"{first} -> {last}");

        // The terms are the weighted member terms and sum to the total.
        var objective = trainerType.GetMethod("Objective")!;
        var pipeline = trainerType.GetProperty("Pipeline")!.GetValue(trainer)!;
        using var scope = torch.NewDisposeScope();
        var loss = (LossTerms)objective.Invoke(null, new object[] { model, pipeline, new ImageBatch(images) })!;
        Assert.Equal(new[] { "simclr/nt_xent", "mae/reconstruction", "byol/byol" }, System.Linq.Enumerable.Select(loss.Terms, t => t.Name));
        double sum = System.Linq.Enumerable.Sum(loss.Terms, t => t.Value.item<float>());
        Assert.Equal(sum, loss.Total.item<float>(), 4);
    }
}
