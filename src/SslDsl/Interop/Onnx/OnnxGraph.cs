using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Builds an ONNX graph (ONNX's own protobuf types from OnnxSharp): nodes with unique names,
/// weights as initializers named by their state-dict keys, constants, and the graph's input and
/// output with a dynamic batch axis.
/// </summary>
internal sealed class OnnxGraph
{
    /// <summary>The name of the dynamic first axis of the input and output.</summary>
    public const string BatchAxis = "batch";

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>The graph built so far.</summary>
    public GraphProto Proto { get; } = new() { Name = "encoder" };

    /// <summary>Adds a node and returns the name of its (first) output.</summary>
    public string Node(string opType, string scope, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        string name = Unique(scope.Length == 0 ? opType : $"{scope}/{opType}");
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(name);
        node.Attribute.AddRange(attributes);
        Proto.Node.Add(node);
        return name;
    }

    /// <summary>Adds <paramref name="tensor"/> (float, long or bool; copied to the CPU) as an initializer named <paramref name="name"/>.</summary>
    public string Initializer(string name, Tensor tensor)
    {
        string unique = Unique(name);
        using var cpu = tensor.detach().cpu().contiguous();
        var proto = new TensorProto { Name = unique, DataType = (int)DataType(cpu.dtype) };
        proto.Dims.AddRange(cpu.shape);
        proto.RawData = cpu.dtype switch
        {
            ScalarType.Float32 => Bytes(cpu.data<float>().ToArray()),
            ScalarType.Int64 => Bytes(cpu.data<long>().ToArray()),
            ScalarType.Bool => ByteString.CopyFrom(cpu.data<bool>().Select(b => b ? (byte)1 : (byte)0).ToArray()),
            _ => throw new NotSupportedException($"ONNX export writes float32, int64 and bool tensors; '{name}' is {cpu.dtype}."),
        };
        Proto.Initializer.Add(proto);
        return unique;
    }

    /// <summary>A 1-D int64 constant (shapes, axes, indices).</summary>
    public string Longs(string name, params long[] values)
    {
        using var t = tensor(values, ScalarType.Int64);
        return Initializer(name, t);
    }

    /// <summary>A float scalar constant.</summary>
    public string Scalar(string name, float value)
    {
        using var t = tensor(value);
        return Initializer(name, t);
    }

    /// <summary>Declares the graph input: its dtype, a dynamic first axis and the example's other axes.</summary>
    public void Input(string name, Tensor example) => Proto.Input.Add(ValueInfo(name, example));

    /// <summary>Declares the graph output <paramref name="name"/> as a copy of <paramref name="value"/>.</summary>
    public void Output(string name, string value, Tensor example)
    {
        var node = new NodeProto { OpType = "Identity", Name = Unique("output") };
        node.Input.Add(value);
        node.Output.Add(name);
        Proto.Node.Add(node);
        Proto.Output.Add(ValueInfo(name, example));
    }

    /// <summary>An integer attribute.</summary>
    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>An integer-list attribute.</summary>
    public static AttributeProto Ints(string name, IEnumerable<long> values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    /// <summary>A float attribute.</summary>
    public static AttributeProto Float(string name, double value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = (float)value };

    private static ValueInfoProto ValueInfo(string name, Tensor example)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = BatchAxis });
        foreach (long d in example.shape.Skip(1))
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)DataType(example.dtype), Shape = shape };
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensorType } };
    }

    private static TensorProto.Types.DataType DataType(ScalarType type) => type switch
    {
        ScalarType.Float32 => TensorProto.Types.DataType.Float,
        ScalarType.Int64 => TensorProto.Types.DataType.Int64,
        ScalarType.Bool => TensorProto.Types.DataType.Bool,
        _ => throw new NotSupportedException($"ONNX export handles float32, int64 and bool tensors, not {type}."),
    };

    private static ByteString Bytes<T>(T[] values)
        where T : struct => ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));

    private string Unique(string name)
    {
        string candidate = name;
        for (int i = 1; !_names.Add(candidate); i++)
        {
            candidate = $"{name}_{i}";
        }

        return candidate;
    }
}
