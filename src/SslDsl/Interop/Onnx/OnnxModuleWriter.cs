using System;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Translates a module tree into ONNX nodes, module by module. Each module is run on an example
/// of its input (eval mode, no gradients) while it is translated, so every shape the graph needs
/// is the one the module really produces; every axis but the batch is fixed to the example's.
/// </summary>
internal sealed partial class OnnxModuleWriter
{
    /// <summary>The module types translated.</summary>
    public const string Supported =
        "Sequential, Conv1d, Conv2d, BatchNorm1d, BatchNorm2d, Linear, ReLU, GELU, MaxPool1d, MaxPool2d, AdaptiveAvgPool1d, AdaptiveAvgPool2d, " +
        "Flatten, LayerNorm, Embedding, Identity, Dropout, and SslDsl's ResidualBlock, HalvingMaxPool1d and TextTransformer";

    private const string Format = "ONNX export";
    private readonly OnnxGraph _graph;

    public OnnxModuleWriter(OnnxGraph graph)
    {
        _graph = graph;
    }

    /// <summary>
    /// Adds the nodes of <paramref name="module"/> (at <paramref name="path"/>) reading value <paramref name="input"/>,
    /// whose example is <paramref name="example"/>; returns the output value and sets its example.
    /// </summary>
    public string Write(nn.Module module, string path, string input, Tensor example, out Tensor output)
    {
        switch (module)
        {
            case Sequential sequential:
                output = example;
                string value = input;
                foreach (var (name, child) in sequential.named_children())
                {
                    value = Write(child, ModuleTree.Join(path, name), value, output, out output);
                }

                return value;
            case ResidualBlock block:
                return Residual(block, path, input, example, out output);
            case TextTransformer transformer:
                return Transformer(transformer, path, input, example, out output);
            case nn.Module<Tensor, Tensor> layer:
                output = layer.forward(example);
                return Layer(layer, path, input, example, output);
            default:
                throw Unsupported(module, path, null);
        }
    }

    private string Layer(nn.Module module, string path, string input, Tensor example, Tensor output)
    {
        switch (module)
        {
            case Convolution conv:
                return Convolution(conv, path, input);
            case BatchNorm norm:
                return BatchNorm(norm, path, input);
            case Linear linear:
                return Linear(linear, path, input);
            case ReLU:
                return _graph.Node("Relu", path, new[] { input });
            case GELU gelu:
                return Gelu(gelu, path, input);
            case MaxPool1d pool1:
                return MaxPool(path, input, new[] { pool1.kernel_size }, new[] { pool1.stride ?? pool1.kernel_size }, new[] { pool1.padding ?? 0 }, new[] { pool1.dilation ?? 1 }, pool1.ceil_mode);
            case MaxPool2d pool2:
                return MaxPool(path, input, pool2.kernel_size, pool2.stride ?? pool2.kernel_size, pool2.padding ?? new long[] { 0, 0 }, pool2.dilation ?? new long[] { 1, 1 }, pool2.ceil_mode);
            case HalvingMaxPool1d:
                return example.shape[^1] >= HalvingMaxPool1d.MinLength
                    ? MaxPool(path, input, new long[] { 2 }, new long[] { 2 }, new long[] { 0 }, new long[] { 1 }, false)
                    : input;
            case AdaptiveAvgPool1d:
            case AdaptiveAvgPool2d:
                return AdaptiveAveragePool(path, input, example, output);
            case Flatten flatten:
                return Flatten(flatten, path, input, example, output);
            case LayerNorm norm:
                return LayerNorm(norm, path, input);
            case Embedding embedding:
                return _graph.Node("Gather", path, new[] { _graph.Initializer(ModuleTree.Join(path, "weight"), embedding.weight!), input }, OnnxGraph.Int("axis", 0));
            case Identity:
            case Dropout:
                return input;
            default:
                throw Unsupported(module, path, null);
        }
    }

    private string Convolution(Convolution conv, string path, string input)
    {
        if (conv.transposed)
        {
            throw Unsupported(conv, path, "is a transposed convolution, which the ONNX export does not translate.");
        }

        if (conv.padding_mode != PaddingModes.Zeros)
        {
            throw Unsupported(conv, path, $"pads with {conv.padding_mode}; the ONNX export translates zero padding only.");
        }

        int dims = conv.kernel_size.Length;
        long[] pads = new long[2 * dims];
        for (int i = 0; i < dims; i++)
        {
            (long begin, long end) = conv.padding_type switch
            {
                Padding.Valid => (0L, 0L),
                Padding.Same => (conv.dilation[i] * (conv.kernel_size[i] - 1) / 2, conv.dilation[i] * (conv.kernel_size[i] - 1) - conv.dilation[i] * (conv.kernel_size[i] - 1) / 2),
                _ => (conv.padding![i], conv.padding![i]),
            };
            pads[i] = begin;
            pads[dims + i] = end;
        }

        var inputs = new[] { input, _graph.Initializer(ModuleTree.Join(path, "weight"), conv.weight!) }.ToList();
        if (conv.bias is not null)
        {
            inputs.Add(_graph.Initializer(ModuleTree.Join(path, "bias"), conv.bias));
        }

        return _graph.Node("Conv", path, inputs,
            OnnxGraph.Ints("kernel_shape", conv.kernel_size),
            OnnxGraph.Ints("strides", conv.stride),
            OnnxGraph.Ints("pads", pads),
            OnnxGraph.Ints("dilations", conv.dilation),
            OnnxGraph.Int("group", conv.groups));
    }

    private string BatchNorm(BatchNorm norm, string path, string input)
    {
        if (!norm.track_running_stats || norm.running_mean is null || norm.running_var is null)
        {
            throw Unsupported(norm, path, "keeps no running statistics, so it normalizes with each batch's own; the ONNX export translates eval-mode batch norm only.");
        }

        long n = norm.num_features;
        using var ones = torch.ones(n);
        using var zeros = torch.zeros(n);
        var inputs = new[]
        {
            input,
            _graph.Initializer(ModuleTree.Join(path, "weight"), norm.weight is null ? ones : norm.weight),
            _graph.Initializer(ModuleTree.Join(path, "bias"), norm.bias is null ? zeros : norm.bias),
            _graph.Initializer(ModuleTree.Join(path, "running_mean"), norm.running_mean),
            _graph.Initializer(ModuleTree.Join(path, "running_var"), norm.running_var),
        };
        return _graph.Node("BatchNormalization", path, inputs, OnnxGraph.Float("epsilon", norm.eps));
    }

    private string Linear(Linear linear, string path, string input)
    {
        using var transposed = linear.weight!.t();
        string product = _graph.Node("MatMul", path, new[] { input, _graph.Initializer(ModuleTree.Join(path, "weight.T"), transposed) });
        return linear.bias is null
            ? product
            : _graph.Node("Add", path, new[] { product, _graph.Initializer(ModuleTree.Join(path, "bias"), linear.bias) });
    }

    private string Gelu(GELU gelu, string path, string x)
    {
        string half = _graph.Scalar(ModuleTree.Join(path, "half"), 0.5f);
        string one = _graph.Scalar(ModuleTree.Join(path, "one"), 1f);
        string inner;
        if (gelu.approximate == GELU.Approximate.tanh)
        {
            // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
            string cube = _graph.Node("Mul", path, new[] { x, _graph.Node("Mul", path, new[] { x, x }) });
            string scaledCube = _graph.Node("Mul", path, new[] { cube, _graph.Scalar(ModuleTree.Join(path, "c"), 0.044715f) });
            string sum = _graph.Node("Add", path, new[] { x, scaledCube });
            inner = _graph.Node("Tanh", path, new[] { _graph.Node("Mul", path, new[] { sum, _graph.Scalar(ModuleTree.Join(path, "sqrt_2_over_pi"), (float)Math.Sqrt(2 / Math.PI)) }) });
        }
        else
        {
            // 0.5 x (1 + erf(x / sqrt(2)))
            inner = _graph.Node("Erf", path, new[] { _graph.Node("Div", path, new[] { x, _graph.Scalar(ModuleTree.Join(path, "sqrt2"), (float)Math.Sqrt(2)) }) });
        }

        string onePlus = _graph.Node("Add", path, new[] { inner, one });
        return _graph.Node("Mul", path, new[] { _graph.Node("Mul", path, new[] { x, onePlus }), half });
    }

    private string MaxPool(string path, string input, long[] kernel, long[] stride, long[] padding, long[] dilation, bool ceilMode) =>
        _graph.Node("MaxPool", path, new[] { input },
            OnnxGraph.Ints("kernel_shape", kernel),
            OnnxGraph.Ints("strides", stride),
            OnnxGraph.Ints("pads", padding.Concat(padding)),
            OnnxGraph.Ints("dilations", dilation),
            OnnxGraph.Int("ceil_mode", ceilMode ? 1 : 0));

    private string Flatten(Flatten flatten, string path, string input, Tensor example, Tensor output)
    {
        long start = flatten.start_dim < 0 ? flatten.start_dim + example.dim() : flatten.start_dim;

        // Reshape to the output's shape: 0 keeps the (dynamic) batch axis; -1 when the batch axis is flattened too.
        long[] shape = start == 0
            ? new[] { -1L }.Concat(output.shape.Skip(1)).ToArray()
            : new[] { 0L }.Concat(output.shape.Skip(1)).ToArray();
        return _graph.Node("Reshape", path, new[] { input, _graph.Longs(ModuleTree.Join(path, "shape"), shape) });
    }

    private string LayerNorm(LayerNorm norm, string path, string input)
    {
        using var ones = torch.ones(norm.normalized_shape);
        using var zeros = torch.zeros(norm.normalized_shape);
        var inputs = new[]
        {
            input,
            _graph.Initializer(ModuleTree.Join(path, "weight"), norm.weight is null ? ones : norm.weight),
            _graph.Initializer(ModuleTree.Join(path, "bias"), norm.bias is null ? zeros : norm.bias),
        };
        return _graph.Node("LayerNormalization", path, inputs,
            OnnxGraph.Int("axis", -norm.normalized_shape.Length),
            OnnxGraph.Float("epsilon", norm.eps));
    }

    private string Residual(ResidualBlock block, string path, string input, Tensor example, out Tensor output)
    {
        string Child(string name, string value, Tensor x, out Tensor y) =>
            Write(ModuleTree.Child(block, name), ModuleTree.Join(path, name), value, x, out y);

        string conv1 = Child("conv1", input, example, out var h1);
        string bn1 = Child("bn1", conv1, h1, out var h2);
        string relu = _graph.Node("Relu", path, new[] { bn1 });
        using var hidden = nn.functional.relu(h2);
        string conv2 = Child("conv2", relu, hidden, out var h3);
        string bn2 = Child("bn2", conv2, h3, out _);
        string shortcut = Child("shortcut", input, example, out _);
        output = block.forward(example);
        return _graph.Node("Relu", path, new[] { _graph.Node("Add", path, new[] { bn2, shortcut }) });
    }

    private static UnsupportedModuleException Unsupported(nn.Module module, string path, string? detail) =>
        new(Format, path, module.GetType().Name, detail, Supported);
}
