using TorchSharp;
using Xunit;

namespace SslDsl.Tests;

/// <summary>The TorchSharp native library loads on this host (the build patches it where libstdc++ lacks GLIBCXX_3.4.32).</summary>
public class NativeLibraryTests
{
    [Fact]
    public void TensorOperationRuns()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3 });
        using var b = torch.tensor(new float[] { 4, 5, 6 });
        using var dot = a.dot(b);
        Assert.Equal(32f, dot.item<float>());
    }
}
