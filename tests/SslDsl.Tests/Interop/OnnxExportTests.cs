using System;
using System.IO;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using SslDsl.Tests.DataTests;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace SslDsl.Tests.InteropTests;

/// <summary>ONNX exports run in ONNX Runtime give TorchSharp's embeddings.</summary>
public class OnnxExportTests
{
    private const double Tolerance = 1e-4;
    private readonly ITestOutputHelper _output;

    public OnnxExportTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void RealData_EveryBuiltInBackboneRunsInOnnxRuntimeWithTorchSharpsEmbeddings()
    {
        using var files = new TempFiles();
        foreach (var c in InteropCases.All())
        {
            using var scope = torch.NewDisposeScope();
            var encoder = InteropCases.Trained(c, seed: 3);
            var expected = InteropCases.Embed(encoder, c.Input);
            string path = Path.Combine(files.Directory, c.Name + ".onnx");
            OnnxExport.Save(encoder, c.Input, path, c.Name);

            // The whole batch, and 5 samples: the batch axis is dynamic.
            double diff = InteropCases.MaxAbsDiff(expected, Run(path, c.Input));
            double diff5 = InteropCases.MaxAbsDiff(expected.narrow(0, 0, 5), Run(path, c.Input.narrow(0, 0, 5)));
            _output.WriteLine($"{c.Name}: max |ONNX Runtime - TorchSharp| = {diff:E2} (64 samples), {diff5:E2} (5 samples); max |embedding| {expected.abs().max().item<float>():F3}");
            Assert.True(diff <= Tolerance, $"{c.Name}: ONNX Runtime differs from TorchSharp by {diff}");
            Assert.True(diff5 <= Tolerance, $"{c.Name}: ONNX Runtime differs from TorchSharp by {diff5} on 5 samples");
        }
    }

    [Fact]
    public void TheGraphIsBuiltFromOnnxsSchemaWithWeightsNamedByStateDictKeys()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1);
        var encoder = Backbones.Mlp(6, width: 4, outputDim: 3, depth: 1);
        var model = OnnxExport.Build(encoder, torch.rand(2, 6), "mlp");

        Assert.Equal(OnnxExport.Opset, model.OpsetImport.Single().Version);
        Assert.Equal(new[] { "MatMul", "BatchNormalization", "Relu", "MatMul", "Add", "Identity" }, model.Graph.Node.Select(n => n.OpType));
        Assert.Equal(
            new[] { "block0.linear.weight.T", "block0.bn.weight", "block0.bn.bias", "block0.bn.running_mean", "block0.bn.running_var", "head.linear.weight.T", "head.linear.bias" },
            model.Graph.Initializer.Select(i => i.Name));
        var input = model.Graph.Input.Single();
        Assert.Equal(OnnxExport.InputName, input.Name);
        Assert.Equal("batch", input.Type.TensorType.Shape.Dim[0].DimParam);
        Assert.Equal(6, input.Type.TensorType.Shape.Dim[1].DimValue);
        Assert.Equal(OnnxExport.OutputName, model.Graph.Output.Single().Name);
    }

    [Fact]
    public void AnEncoderWithAnUnsupportedModuleIsRefusedWithTheModulesPathAndType()
    {
        using var encoder = nn.Sequential(("stem", nn.Linear(4, 4)), ("body", nn.Sequential(("act", nn.Softplus()))));
        var e = Assert.Throws<UnsupportedModuleException>(() => OnnxExport.Build(encoder, torch.rand(2, 4)));
        Assert.Equal("body.act", e.ModulePath);
        Assert.Equal("Softplus", e.ModuleType);
        Assert.StartsWith("ONNX export: module 'body.act' (Softplus) is not supported. Supported modules: Sequential, Conv1d", e.Message);
    }

    [Fact]
    public void AnExportedFileIsWrittenAtomicallyAndLeavesTheEncodersModeAsItWas()
    {
        using var files = new TempFiles();
        using var encoder = Backbones.Mlp(3, width: 2, outputDim: 2, depth: 1);
        encoder.train();
        string path = Path.Combine(files.Directory, "sub", "encoder.onnx");
        using var example = torch.rand(4, 3);
        OnnxExport.Save(encoder, example, path);
        Assert.True(encoder.training);
        Assert.Equal(new[] { "encoder.onnx" }, Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    private static Tensor Run(string path, Tensor input)
    {
        using var session = new InferenceSession(path);
        using var named = input.dtype == ScalarType.Int64
            ? OrtValue.CreateTensorValueFromMemory(input.contiguous().data<long>().ToArray(), input.shape)
            : OrtValue.CreateTensorValueFromMemory(input.contiguous().data<float>().ToArray(), input.shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, new[] { OnnxExport.InputName }, new[] { named }, new[] { OnnxExport.OutputName });
        var result = results[0];
        var shape = result.GetTensorTypeAndShape().Shape;
        return torch.tensor(result.GetTensorDataAsSpan<float>().ToArray(), shape);
    }
}
