using System.IO;
using System.Linq;
using SslDsl.Tests.DataTests;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.InteropTests;

/// <summary>Initialising a backbone from a state dict or safetensors file: all of it, or nothing with the reasons by name.</summary>
public class PyTorchImportTests
{
    [Theory]
    [InlineData(".safetensors")]
    [InlineData(".pt")]
    public void AnExportLoadsIntoAFreshBackboneWithIdenticalWeightsAndEmbeddings(string extension)
    {
        using var files = new TempFiles();
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1);
        var trained = Backbones.ResNet(1, width: 4, outputDim: 8, depth: 2);
        var x = torch.randn(6, 1, 12, 12);
        trained.train();
        trained.forward(x);
        string path = Path.Combine(files.Directory, "encoder" + extension);
        PyTorchExport.SaveSafetensors(trained, Path.ChangeExtension(path, ".safetensors"));
        PyTorchExport.SaveStateDict(trained, Path.ChangeExtension(path, ".pt"));

        torch.manual_seed(2);
        var fresh = Backbones.ResNet(1, width: 4, outputDim: 8, depth: 2);
        PyTorchImport.Load(fresh, path);

        var expected = trained.state_dict();
        foreach (var (name, tensor) in fresh.state_dict())
        {
            Assert.True(tensor.eq(expected[name]).all().item<bool>(), $"{name} differs after loading {extension}");
        }

        Assert.Equal(0.0, InteropCases.MaxAbsDiff(InteropCases.Embed(trained, x), InteropCases.Embed(fresh, x)));
    }

    [Fact]
    public void MissingExtraAndWronglyShapedTensorsAreNamedAndNothingIsLoaded()
    {
        using var files = new TempFiles();
        using var scope = torch.NewDisposeScope();
        string deeper = Path.Combine(files.Directory, "deeper.safetensors");
        string wider = Path.Combine(files.Directory, "wider.pt");
        PyTorchExport.SaveSafetensors(Backbones.Mlp(5, width: 4, outputDim: 3, depth: 2), deeper);
        PyTorchExport.SaveStateDict(Backbones.Mlp(5, width: 6, outputDim: 3, depth: 1), wider);

        var target = Backbones.Mlp(5, width: 4, outputDim: 3, depth: 1);
        var before = target.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());

        var extra = Assert.Throws<CheckpointMismatchException>(() => PyTorchImport.Load(target, deeper));
        Assert.Contains("nothing was loaded", extra.Message);
        Assert.Contains("not in the module (6): 'block1.linear.weight' [4,4]", extra.Message);

        var shapes = Assert.Throws<CheckpointMismatchException>(() => PyTorchImport.Load(target, wider));
        Assert.Contains("wrong shape (6): 'block0.linear.weight' is [6,5] in the file but [4,5] here", shapes.Message);
        Assert.Contains("'head.linear.weight' is [3,6] in the file but [3,4] here", shapes.Message);

        var deeperTarget = Backbones.Mlp(5, width: 4, outputDim: 3, depth: 3);
        var missing = Assert.Throws<CheckpointMismatchException>(() => PyTorchImport.Load(deeperTarget, deeper));
        Assert.Contains("missing (6): 'block2.linear.weight' [4,4], 'block2.bn.weight' [4]", missing.Message);
        Assert.StartsWith(deeper + ": the safetensors file does not fit the module", missing.Message);

        foreach (var (name, tensor) in target.state_dict())
        {
            Assert.True(tensor.eq(before[name]).all().item<bool>(), $"{name} changed although the load was refused");
        }
    }

    [Fact]
    public void AFileThatIsNotAStateDictIsReportedWithItsPath()
    {
        using var files = new TempFiles();
        string path = files.Write("notes.pt", "not a pickle");
        using var target = Backbones.Mlp(2, width: 2, outputDim: 2, depth: 1);
        var e = Assert.Throws<CheckpointMismatchException>(() => PyTorchImport.Load(target, path));
        Assert.StartsWith(path + ": cannot be read as a PyTorch state dict", e.Message);
        Assert.Throws<FileNotFoundException>(() => PyTorchImport.Load(target, Path.Combine(files.Directory, "absent.safetensors")));
    }

    [Fact]
    public void ThePythonDefinitionRefusesAnUnsupportedModuleByPathAndType()
    {
        using var files = new TempFiles();
        using var encoder = nn.Sequential(("stem", nn.Linear(4, 4)), ("act", nn.Softplus()));
        var e = Assert.Throws<UnsupportedModuleException>(() => PyTorchExport.WritePythonModule(encoder, Path.Combine(files.Directory, "encoder.py"), "test"));
        Assert.Equal("act", e.ModulePath);
        Assert.StartsWith("Python export: module 'act' (Softplus) is not supported.", e.Message);
        Assert.Empty(Directory.GetFiles(files.Directory));
    }
}
