using System;
using System.Linq;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.HeadsTests;

public class HeadShapesTests
{
    private static long[] Shape(torch.Tensor t) => t.shape;

    private static long ParameterCount(torch.nn.Module module) => module.parameters().Sum(p => p.numel());

    [Fact]
    public void PredictorHeadIsLinearBatchNormReluLinear()
    {
        torch.manual_seed(1);
        using var head = new PredictorHead(8, 16, 4);
        using var output = head.forward(torch.randn(5, 8));
        Assert.Equal(new long[] { 5, 4 }, Shape(output));
        Assert.Equal(new[] { "_layers.linear0.weight", "_layers.linear0.bias", "_layers.bn0.weight", "_layers.bn0.bias", "_layers.linear1.weight", "_layers.linear1.bias" }, head.named_parameters().Select(p => p.name).ToArray());
        Assert.Contains(head.named_buffers(), b => b.name == "_layers.bn0.running_mean");
        Assert.Throws<ArgumentException>(() => head.forward(torch.randn(5, 7)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PredictorHead(8, 0, 4));
    }

    [Theory]
    [InlineData(1, 28, 28, 2, 2)]
    [InlineData(3, 32, 32, 2, 2)]
    [InlineData(1, 32, 32, 3, 3)]
    [InlineData(2, 5, 7, 2, 2)]
    [InlineData(1, 28, 28, 9, 5)]
    [InlineData(1, 1, 1, 2, 0)]
    public void ImageDecoderProducesTheRequestedImage(int channels, int height, int width, int layers, int stages)
    {
        torch.manual_seed(2);
        using var decoder = new ImageDecoder(12, channels, height, width, hidden: 16, layers: layers);
        Assert.Equal(stages, decoder.Stages);
        using var output = decoder.forward(torch.randn(3, 12));
        Assert.Equal(new long[] { 3, channels, height, width }, Shape(output));
        Assert.True(output.isfinite().all().item<bool>());
    }

    [Fact]
    public void ImageDecoderBackpropagatesAndRejectsBadInput()
    {
        torch.manual_seed(3);
        using var decoder = new ImageDecoder(6, 1, 28, 28, hidden: 8, layers: 2);
        using var output = decoder.forward(torch.randn(2, 6));
        output.pow(2).mean().backward();
        Assert.All(decoder.parameters(), p => Assert.NotNull(p.grad));
        Assert.Throws<ArgumentException>(() => decoder.forward(torch.randn(2, 5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageDecoder(6, 1, 0, 28, 8, 2));
    }

    [Fact]
    public void VectorDecoderIsAnMlpOfTheRequestedDepth()
    {
        using var linear = new VectorDecoder(5, 7, hidden: 9, layers: 1);
        Assert.Equal((5 * 7) + 7, ParameterCount(linear));
        using var deep = new VectorDecoder(5, 7, hidden: 9, layers: 3);
        Assert.Equal((5 * 9) + 9 + (9 * 9) + 9 + (9 * 7) + 7, ParameterCount(deep));
        using var output = deep.forward(torch.randn(4, 5));
        Assert.Equal(new long[] { 4, 7 }, Shape(output));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VectorDecoder(5, 7, 9, 0));
    }

    [Fact]
    public void TokenPredictionHeadMapsEveryPositionToTheVocabulary()
    {
        using var head = new TokenPredictionHead(8, 11);
        // Linear(8,8) + LayerNorm(8) (weight and bias) + Linear(8,11).
        Assert.Equal((8 * 8) + 8 + 8 + 8 + (8 * 11) + 11, ParameterCount(head));
        using var output = head.forward(torch.randn(2, 5, 8));
        Assert.Equal(new long[] { 2, 5, 11 }, Shape(output));
        Assert.Throws<ArgumentException>(() => head.forward(torch.randn(2, 8)));
    }

    [Fact]
    public void ClassifierHeadIsLinearOrMlp()
    {
        using var linear = new ClassifierHead(6, 4);
        Assert.Equal((6 * 4) + 4, ParameterCount(linear));
        using var mlp = new ClassifierHead(6, 4, hidden: 10);
        Assert.Equal((6 * 10) + 10 + (10 * 4) + 4, ParameterCount(mlp));
        using var output = mlp.forward(torch.randn(3, 6));
        Assert.Equal(new long[] { 3, 4 }, Shape(output));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClassifierHead(6, 4, hidden: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClassifierHead(6, 0));
    }

    [Theory]
    [InlineData(1, 28, 28)]
    [InlineData(3, 32, 32)]
    [InlineData(1, 5, 5)]
    public void DiscriminatorReturnsOneLogitPerImage(int channels, int height, int width)
    {
        torch.manual_seed(4);
        using var discriminator = new Discriminator(channels, height, width, width0: 8);
        using var output = discriminator.forward(torch.randn(4, channels, height, width));
        Assert.Equal(new long[] { 4 }, Shape(output));
        Assert.Throws<ArgumentException>(() => discriminator.forward(torch.randn(4, channels, height + 1, width)));
    }
}
