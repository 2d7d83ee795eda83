using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SslDsl.Tests.DataTests;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SslDsl.Tests.InteropTests;

/// <summary>What Python PyTorch measured for one exported case.</summary>
public sealed record PythonResult(string Case, double MaxAbsDiff, double SafetensorsMaxAbsDiff, int Keys);

/// <summary>
/// Exports every case (state dict, safetensors, Python module, input and SslDsl's embeddings) and runs
/// check_pytorch_export.py over all of them in one Python process (torch is imported once).
/// </summary>
public sealed class PyTorchRoundTrip : IDisposable
{
    private readonly TempFiles _files = new();

    public PyTorchRoundTrip()
    {
        Cases = InteropCases.All().ToArray();
        foreach (var c in Cases)
        {
            using var scope = torch.NewDisposeScope();
            var encoder = InteropCases.Trained(c, seed: 5);
            PyTorchExport.SaveStateDict(encoder, PathOf(c, ".pt"));
            PyTorchExport.SaveSafetensors(encoder, PathOf(c, ".safetensors"));
            PyTorchExport.WritePythonModule(encoder, PathOf(c, ".py"), $"the {c.Name} test encoder");
            var data = new Dictionary<string, Tensor> { ["input"] = c.Input, ["expected"] = InteropCases.Embed(encoder, c.Input) };
            PyTorchPickler.PickleStateDict(PathOf(c, ".data.pt"), data);
        }

        string output = PythonPyTorch.Run("check_pytorch_export.py", new[] { _files.Directory }.Concat(Cases.Select(c => c.Name)).ToArray());
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        Results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<PythonResult>(line, options)!)
            .ToDictionary(r => r.Case);
    }

    public IReadOnlyList<InteropCase> Cases { get; }

    /// <summary>Python's measurements by case name.</summary>
    public IReadOnlyDictionary<string, PythonResult> Results { get; }

    /// <summary>The file of case <paramref name="c"/> with <paramref name="suffix"/>.</summary>
    public string PathOf(InteropCase c, string suffix) => Path.Combine(_files.Directory, c.Name + suffix);

    public void Dispose() => _files.Dispose();
}
