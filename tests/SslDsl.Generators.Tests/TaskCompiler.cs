using System;
using System.Collections.Concurrent;
using System.Reflection;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>Generates, compiles (asserting no warnings or errors) and loads task declarations; caches by source.</summary>
internal static class TaskCompiler
{
    private static readonly ConcurrentDictionary<string, Assembly> Cache = new();

    /// <summary>The loaded assembly of <paramref name="sources"/>.</summary>
    public static Assembly Load(params string[] sources) => Cache.GetOrAdd(string.Join("\n//----\n", sources), _ =>
    {
        var run = GeneratorHarness.Generate(sources);
        Assert.Empty(run.CompilationProblems);
        Assert.NotEmpty(run.Files);
        return GeneratorHarness.Load(run.Output);
    });

    /// <summary>A nested type of task <paramref name="task"/> (e.g. "Trainer").</summary>
    public static Type Nested(Assembly assembly, string task, string name) =>
        assembly.GetType($"{task}+{name}", throwOnError: true)!;

    /// <summary>A tiny convolutional image encoder that accepts any image size (adaptive pooling).</summary>
    public const string ConvEncoder = "nn.Sequential(nn.Conv2d(1, 8, 3, padding: 1), nn.ReLU(), nn.AdaptiveAvgPool2d(2), nn.Flatten(), nn.Linear(32, 16))";

    /// <summary>A tiny task of any modality: its input attribute, encoder expression (16 features) and attribute lines.</summary>
    public static string TinyTask(string name, string input, string encoder, string attributes, int batchSize = 16) => $$"""
        using SslDsl;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Tiny;

        [PretextTask("{{name}}")]
        {{input}}
        {{attributes}}
        [Optimizer(OptimizerKind.Adam, LearningRate = 0.01)]
        [Training(BatchSize = {{batchSize}}, Epochs = 1, Seed = 3)]
        public partial class {{name.Replace("-", "")}}
        {
            [Encoder(OutputDim = 16)]
            public static nn.Module<Tensor, Tensor> Encoder() => {{encoder}};
        }
        """;

    /// <summary>
    /// A tiny image task (1x8x8, linear encoder to 16 features) with the given attribute lines;
    /// trains in milliseconds per step.
    /// </summary>
    public static string TinyImageTask(string name, string attributes, int batchSize = 16) => $$"""
        using SslDsl;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Tiny;

        [PretextTask("{{name}}")]
        [ImageInput(Channels = 1, Height = 8, Width = 8)]
        {{attributes}}
        [Optimizer(OptimizerKind.Adam, LearningRate = 0.01)]
        [Training(BatchSize = {{batchSize}}, Epochs = 1, Seed = 3)]
        public partial class {{name.Replace("-", "")}}
        {
            [Encoder(OutputDim = 16)]
            public static nn.Module<Tensor, Tensor> Encoder() => nn.Sequential(nn.Flatten(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 16));
        }
        """;
}
