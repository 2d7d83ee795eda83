using System.IO;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using SslDsl.Tests.Training;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.InteropTests;

/// <summary>A trainer writes its encoder in every interop format at once, and its whole network on request.</summary>
public class TrainerInteropExportTests
{
    [Fact]
    public void ExportEncoderInteropWritesWeightsArchitectureAndAnOnnxGraphThatEmbedsLikeTheTrainer()
    {
        string dir = TinyData.TempFolder();
        using var train = TinyData.Images(64, seed: 41, name: "train");
        using var test = TinyData.Images(20, seed: 42, name: "test");
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet());
        trainer.Fit(train);

        var files = trainer.ExportEncoderInterop(dir, train);
        Assert.Equal(new[] { "encoder.safetensors", "encoder.pt", "encoder.py", "encoder.onnx" }, files.Select(Path.GetFileName));
        Assert.Contains("the encoder of task 'tiny-simclr' (input Float32 [B,1,8,8], prepared as the task prepares it)", File.ReadAllText(files[2]));

        // The task prepares nothing (no normalization), so the graph's input is the images as they are.
        using var expected = trainer.Embed(test);
        using var session = new InferenceSession(files[3]);
        using var images = test.Tensors[0].contiguous();
        using var input = OrtValue.CreateTensorValueFromMemory(images.data<float>().ToArray(), images.shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, new[] { OnnxExport.InputName }, new[] { input }, new[] { OnnxExport.OutputName });
        using var actual = torch.tensor(results[0].GetTensorDataAsSpan<float>().ToArray(), results[0].GetTensorTypeAndShape().Shape);
        Assert.True(InteropCases.MaxAbsDiff(expected, actual) <= 1e-5);

        var fresh = TinySimClr.Encoder();
        PyTorchImport.Load(fresh, files[0]);
        TinyData.AssertIdentical(TinyData.Snapshot(trainer.Model.Encoder), TinyData.Snapshot(fresh));
    }

    [Fact]
    public void TheWholeNetworkIsExportedWithTheHeadsOnRequest()
    {
        string dir = TinyData.TempFolder();
        using var train = TinyData.Images(32, seed: 43);
        using var trainer = new TinySimClr.Trainer(TinyData.Quiet());
        trainer.Fit(train);
        string path = Path.Combine(dir, "network.safetensors");
        trainer.ExportNetworkWeights(path);

        var keys = TorchSharp.PyBridge.Safetensors.LoadStateDict(path).Keys.ToArray();
        var expected = trainer.Network.named_parameters().Select(p => p.name).Concat(trainer.Network.named_buffers().Select(b => b.name));
        Assert.Equal(expected.OrderBy(k => k), keys.OrderBy(k => k));
        Assert.Contains(keys, k => k.StartsWith("encoder.", System.StringComparison.Ordinal));
        Assert.Contains(keys, k => !k.StartsWith("encoder.", System.StringComparison.Ordinal));
    }
}
