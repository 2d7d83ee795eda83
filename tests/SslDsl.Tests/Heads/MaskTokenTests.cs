using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.HeadsTests;

public class MaskTokenTests
{
    [Fact]
    public void HiddenPixelsTakeTheTokenPixelAtTheirPlaceInThePatch()
    {
        using var token = new MaskToken(channels: 2, patchSize: 2);
        using (no_grad())
        {
            token.Patch.copy_(tensor(new float[] { 1, 2, 3, 4, -1, -2, -3, -4 }).view(2, 2, 2));
        }

        using var images = full(new long[] { 1, 2, 4, 4 }, 9f);
        using var mask = zeros(1, 1, 4, 4);
        mask[0, 0, 2..4, 0..2] = 1f;  // the bottom-left patch
        mask[0, 0, 0, 3] = 1f;        // one pixel of the top-right patch: row 0, column 1 of its patch

        var filled = token.forward(images, mask);

        Assert.Equal(new float[] { 1, 2, 3, 4 }, filled[0, 0, 2..4, 0..2].reshape(-1).data<float>().ToArray());
        Assert.Equal(new float[] { -1, -2, -3, -4 }, filled[0, 1, 2..4, 0..2].reshape(-1).data<float>().ToArray());
        Assert.Equal(2f, filled[0, 0, 0, 3].item<float>());
        Assert.Equal(-2f, filled[0, 1, 0, 3].item<float>());
        Assert.Equal(16 * 2 - 2 * 5, filled.eq(9f).sum().item<long>());
    }

    [Fact]
    public void TheTokenIsOneParameterStoredFlatAndReceivesGradientsFromHiddenPixelsOnly()
    {
        using var token = new MaskToken(channels: 1, patchSize: 2);
        var parameter = token.parameters().Single();
        Assert.Equal(new long[] { 4 }, parameter.shape);
        using var mask = zeros(1, 1, 2, 4);
        mask[0, 0, 0, 0] = 1f;
        token.forward(zeros(1, 1, 2, 4), mask).sum().backward();
        Assert.Equal(new float[] { 1, 0, 0, 0 }, parameter.grad!.data<float>().ToArray());
    }

    [Fact]
    public void ImagesThatThePatchDoesNotTileAreRejectedWithTheirShape()
    {
        using var token = new MaskToken(channels: 1, patchSize: 4);
        var e = Assert.Throws<ArgumentException>(() => token.forward(zeros(1, 1, 6, 8), zeros(1, 1, 6, 8)));
        Assert.Contains("[1, 1, 6, 8]", e.Message);
        Assert.Throws<ArgumentException>(() => token.forward(zeros(1, 2, 8, 8), zeros(1, 1, 8, 8)));
    }
}
