using System;
using System.Linq;
using Google.Protobuf;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Writes an encoder as an ONNX model (opset <see cref="Opset"/>) for ONNX Runtime and other ONNX
/// tools: the built-in backbones (SmallCnn, ResNet, Mlp, Conv1d, TransformerEncoder) and any encoder
/// built from the modules they use. The graph takes <c>input</c> with the example's dtype and shape
/// except a dynamic batch axis, and returns <c>embedding</c>, exactly what the encoder's forward
/// returns in eval mode (batch norm with its running statistics). The input is what the encoder
/// receives, so a task's input preparation (normalization) is applied before the graph, as in
/// <c>trainer.Embed</c>.
/// </summary>
public static class OnnxExport
{
    /// <summary>The ONNX operator set the graphs use.</summary>
    public const int Opset = 17;

    /// <summary>The ONNX IR version written (the one that goes with opset 17).</summary>
    public const int IrVersion = 8;

    /// <summary>The name of the graph's input.</summary>
    public const string InputName = "input";

    /// <summary>The name of the graph's output.</summary>
    public const string OutputName = "embedding";

    /// <summary>Builds the ONNX model of <paramref name="encoder"/> for inputs shaped like <paramref name="example"/>.</summary>
    /// <param name="encoder">The encoder; its training mode is restored afterwards.</param>
    /// <param name="example">An input batch (any batch size): fixes the dtype and every axis but the first.</param>
    /// <param name="description">Written as the model's doc string.</param>
    /// <exception cref="UnsupportedModuleException">The encoder holds a module with no ONNX translation (the message names it).</exception>
    public static ModelProto Build(nn.Module<Tensor, Tensor> encoder, Tensor example, string description = "")
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(example);
        bool training = encoder.training;
        encoder.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            // The example runs where the encoder lives; the weights are copied to the CPU as they are written.
            var device = encoder.parameters().Select(p => p.device).FirstOrDefault() ?? CPU;
            var input = example.detach().to(device);
            var graph = new OnnxGraph();
            graph.Input(InputName, input);
            string value = new OnnxModuleWriter(graph).Write(encoder, "", InputName, input, out var output);
            graph.Output(OutputName, value, output);
            var model = new ModelProto
            {
                IrVersion = IrVersion,
                ProducerName = "SslDsl",
                ProducerVersion = typeof(OnnxExport).Assembly.GetName().Version?.ToString() ?? "",
                DocString = description,
                Graph = graph.Proto,
            };
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
            return model;
        }
        finally
        {
            encoder.train(training);
        }
    }

    /// <summary>Writes the ONNX model of <paramref name="encoder"/> to <paramref name="path"/> (atomically); see <see cref="Build"/>.</summary>
    /// <exception cref="UnsupportedModuleException">The encoder holds a module with no ONNX translation (the message names it).</exception>
    public static void Save(nn.Module<Tensor, Tensor> encoder, Tensor example, string path, string description = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var model = Build(encoder, example, description);
        AtomicFile.Write(path, stream => model.WriteTo(stream));
    }
}
