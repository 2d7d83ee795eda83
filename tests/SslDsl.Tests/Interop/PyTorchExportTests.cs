using System.Collections;
using System.IO;
using System.Linq;
using TorchSharp;
using TorchSharp.PyBridge;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace SslDsl.Tests.InteropTests;

/// <summary>Weights out to Python PyTorch and back in, checked in a real PyTorch (Debian's python3-torch).</summary>
public class PyTorchExportTests : IClassFixture<PyTorchRoundTrip>
{
    private const double Tolerance = 1e-5;
    private readonly PyTorchRoundTrip _roundTrip;
    private readonly ITestOutputHelper _output;

    public PyTorchExportTests(PyTorchRoundTrip roundTrip, ITestOutputHelper output)
    {
        _roundTrip = roundTrip;
        _output = output;
    }

    [Fact]
    public void RealData_PyTorchBuildsEachExportedArchitectureLoadsItsStateDictAndGivesSslDslsEmbeddings()
    {
        Assert.Equal(_roundTrip.Cases.Select(c => c.Name), _roundTrip.Results.Keys);
        foreach (var c in _roundTrip.Cases)
        {
            var r = _roundTrip.Results[c.Name];
            using var encoder = InteropCases.Trained(c, seed: 5);
            _output.WriteLine($"{c.Name}: {r.Keys} tensors; max |PyTorch - SslDsl| = {r.MaxAbsDiff:E2}; safetensors vs state dict in PyTorch: {r.SafetensorsMaxAbsDiff:E2}");
            // PyTorch loaded the file strictly, so its keys are the architecture's: one per distinct parameter or buffer.
            Assert.Equal(encoder.state_dict().Values.Select(t => t.Handle).Distinct().Count(), r.Keys);
            Assert.True(r.MaxAbsDiff <= Tolerance, $"{c.Name}: PyTorch's embeddings differ from SslDsl's by {r.MaxAbsDiff}");
            Assert.Equal(0.0, r.SafetensorsMaxAbsDiff);
        }
    }

    [Fact]
    public void RealData_WeightsSavedByPyTorchLoadIntoAFreshBackboneWithPyTorchsEmbeddings()
    {
        foreach (var c in _roundTrip.Cases)
        {
            using var scope = torch.NewDisposeScope();
            torch.manual_seed(11);
            var encoder = c.Build();
            PyTorchImport.Load(encoder, _roundTrip.PathOf(c, ".from_torch.pt"));
            var data = PyTorchUnpickler.UnpickleStateDict(_roundTrip.PathOf(c, ".from_torch.data.pt"));
            var expected = (Tensor)data["expected"]!;
            double diff = InteropCases.MaxAbsDiff(expected, InteropCases.Embed(encoder, (Tensor)data["input"]!));
            _output.WriteLine($"{c.Name}: max |SslDsl - PyTorch| with PyTorch's weights = {diff:E2}");
            Assert.True(diff <= Tolerance, $"{c.Name}: SslDsl with PyTorch's weights differs from PyTorch by {diff}");
        }
    }
}
