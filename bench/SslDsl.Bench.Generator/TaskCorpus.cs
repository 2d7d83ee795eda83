using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SslDsl.Bench.Generator;

/// <summary>Compilations holding N pretext-task declarations (the Fashion-MNIST SimCLR sample, renamed), one file each.</summary>
internal static class TaskCorpus
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // The .NET runtime's own assemblies, TorchSharp and the SslDsl runtime.
        string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.GetFiles(runtimeDir, "*.dll")
            .Where(p => { string n = Path.GetFileName(p); return n.StartsWith("System.", StringComparison.Ordinal) || n is "netstandard.dll" or "mscorlib.dll"; })
            .Where(IsManagedAssembly)
            .Append(typeof(TorchSharp.torch).Assembly.Location)
            .Append(typeof(SslDsl.PretextTaskAttribute).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>The source of task number <paramref name="i"/>.</summary>
    public static string Source(int i) => string.Format(CultureInfo.InvariantCulture, """
        using SslDsl;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Bench.Tasks;

        [PretextTask("fashion-simclr-{0}")]
        [ImageInput(Channels = 1, Height = 28, Width = 28)]
        [Views(2)]
        [RandomResizedCrop(MinScale = 0.3, MaxScale = 1.0)]
        [HorizontalFlip(P = 0.5)]
        [ColorJitter(Brightness = 0.4, Contrast = 0.4, P = 0.8)]
        [GaussianNoise(Std = 0.05, P = 0.5)]
        [ProjectionHead(Hidden = 256, Output = 128)]
        [NtXentLoss(Temperature = 0.5)]
        [Optimizer(OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 1e-4)]
        [LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 1)]
        [Training(BatchSize = 256, Epochs = 10, Seed = 42)]
        [FineTune(Classes = 10, Mode = FineTuneMode.LinearProbe)]
        public partial class FashionSimClr{0}
        {{
            [Encoder(OutputDim = 128)]
            static nn.Module<Tensor, Tensor> Encoder() => Backbones.SmallCnn(inChannels: 1, width: 16, outputDim: 128);
        }}
        """, i);

    /// <summary>Parsed syntax trees of <paramref name="count"/> tasks.</summary>
    public static SyntaxTree[] Trees(int count) =>
        Enumerable.Range(0, count).Select(i => CSharpSyntaxTree.ParseText(Source(i), ParseOptions, path: $"Task{i}.cs")).ToArray();

    /// <summary>A fresh compilation (nothing bound yet) over <paramref name="trees"/>.</summary>
    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "GeneratorBench",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
}
