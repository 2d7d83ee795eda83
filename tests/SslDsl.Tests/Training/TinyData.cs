using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Tests.Training;

/// <summary>Small labelled image sets and helpers shared by the trainer tests.</summary>
internal static class TinyData
{
    /// <summary>
    /// <paramref name="n"/> 1x8x8 images: label 0 has a bright top half, label 1 a bright bottom
    /// half (invariant to horizontal flips), plus uniform noise; labels alternate.
    /// </summary>
    public static Dataset<ImageBatch> Images(int n, long seed, string name = "tiny")
    {
        using var generator = new Generator((ulong)seed);
        var images = torch.rand(new long[] { n, 1, 8, 8 }, generator: generator).mul_(0.3f);
        var labels = torch.arange(n, dtype: ScalarType.Int64).remainder(2);
        for (int i = 0; i < n; i++)
        {
            long row = i % 2 == 0 ? 0 : 4;
            images[i, 0].narrow(0, row, 4).add_(0.7f);
        }

        return new Dataset<ImageBatch>(new[] { images }, labels, name);
    }

    /// <summary>A fresh, empty temporary folder.</summary>
    public static string TempFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ssldsl-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Options for a quiet run (of the declared epochs unless <paramref name="epochs"/> is given).</summary>
    public static TrainingOptions Quiet(string? output = null, bool resume = false, int? epochs = null) => new()
    {
        Epochs = epochs,
        Device = torch.CPU,
        OutputDirectory = output,
        Resume = resume,
        ShowProgress = false,
        Log = TextWriter.Null,
        WritePlots = false,
    };

    /// <summary>Copies of every parameter and buffer of <paramref name="module"/>, by name.</summary>
    public static Dictionary<string, Tensor> Snapshot(nn.Module module) =>
        module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());

    /// <summary>Asserts that two state snapshots hold bitwise-identical tensors.</summary>
    public static void AssertIdentical(Dictionary<string, Tensor> expected, Dictionary<string, Tensor> actual)
    {
        Xunit.Assert.Equal(expected.Keys.OrderBy(k => k), actual.Keys.OrderBy(k => k));
        foreach (var (name, tensor) in expected)
        {
            Xunit.Assert.True(Same(tensor, actual[name]), $"'{name}' differs: max |diff| = {(tensor.to_type(ScalarType.Float64) - actual[name].to_type(ScalarType.Float64)).abs().max().item<double>()}");
        }
    }

    /// <summary>True when two snapshots differ somewhere (training moved the weights).</summary>
    public static bool Differ(Dictionary<string, Tensor> a, Dictionary<string, Tensor> b) =>
        a.Any(kv => !Same(kv.Value, b[kv.Key]));

    /// <summary>Same shape, type and bitwise-equal values.</summary>
    public static bool Same(Tensor a, Tensor b)
    {
        if (!a.shape.SequenceEqual(b.shape) || a.dtype != b.dtype)
        {
            return false;
        }

        using var eq = a.eq(b);
        using var all = eq.all();
        return all.item<bool>();
    }
}
