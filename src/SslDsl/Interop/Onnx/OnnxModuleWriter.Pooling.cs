using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Adaptive average pooling, which ONNX lacks, from the bins PyTorch uses.</summary>
internal sealed partial class OnnxModuleWriter
{
    /// <summary>
    /// Output cell i of an axis of length n pooled to m averages input [floor(i n / m), ceil((i + 1) n / m)).
    /// One GlobalAveragePool when every axis pools to 1; one AveragePool when every axis's bins have
    /// one size and one stride (7 to 2: [0,4) and [3,7)); else, per axis, a mean of each bin's slice.
    /// </summary>
    private string AdaptiveAveragePool(string path, string input, Tensor example, Tensor output)
    {
        int spatial = (int)example.dim() - 2;
        var bins = Enumerable.Range(0, spatial).Select(a => Bins(example.shape[a + 2], output.shape[a + 2])).ToArray();
        if (bins.All(b => b.Length == 1))
        {
            return _graph.Node("GlobalAveragePool", path, new[] { input });
        }

        if (bins.All(Uniform))
        {
            return _graph.Node("AveragePool", path, new[] { input },
                OnnxGraph.Ints("kernel_shape", bins.Select(b => b[0].End - b[0].Start)),
                OnnxGraph.Ints("strides", bins.Select(b => b.Length > 1 ? b[1].Start - b[0].Start : 1)),
                OnnxGraph.Ints("pads", new long[2 * spatial]));
        }

        string value = input;
        for (int a = 0; a < spatial; a++)
        {
            long axis = a + 2;
            var cells = new List<string>();
            foreach (var (start, end) in bins[a])
            {
                string slice = _graph.Node("Slice", path, new[]
                {
                    value,
                    _graph.Longs(ModuleTree.Join(path, "start"), start),
                    _graph.Longs(ModuleTree.Join(path, "end"), end),
                    _graph.Longs(ModuleTree.Join(path, "axis"), axis),
                });
                cells.Add(_graph.Node("ReduceMean", path, new[] { slice }, OnnxGraph.Ints("axes", new[] { axis }), OnnxGraph.Int("keepdims", 1)));
            }

            value = _graph.Node("Concat", path, cells, OnnxGraph.Int("axis", axis));
        }

        return value;
    }

    private static (long Start, long End)[] Bins(long n, long m) =>
        Enumerable.Range(0, (int)m).Select(i => (i * n / m, ((i + 1) * n + m - 1) / m)).ToArray();

    private static bool Uniform((long Start, long End)[] bins) =>
        bins.All(b => b.End - b.Start == bins[0].End - bins[0].Start) &&
        bins.Skip(1).Select((b, i) => b.Start - bins[i].Start).Distinct().Count() <= 1;
}
