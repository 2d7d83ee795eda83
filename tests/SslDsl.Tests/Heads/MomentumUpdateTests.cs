using System;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;

namespace SslDsl.Tests.HeadsTests;

public class MomentumUpdateTests
{
    private static Linear Layer(float w0, float w1, float bias)
    {
        var layer = torch.nn.Linear(2, 1);
        using var noGrad = torch.no_grad();
        layer.weight!.copy_(torch.tensor(new[] { w0, w1 }).view(1, 2));
        layer.bias!.copy_(torch.tensor(new[] { bias }));
        return layer;
    }

    private static float[] Values(torch.Tensor t) => t.detach().reshape(-1).data<float>().ToArray();

    [Fact]
    public void EmaMovesParametersTowardsTheOnlineNetwork()
    {
        using var target = Layer(1f, 2f, 0.5f);
        using var online = Layer(3f, -2f, 1.5f);
        MomentumUpdate.Ema(target, online, 0.9);
        // w = 0.9 * [1, 2] + 0.1 * [3, -2] = [1.2, 1.6]; b = 0.9 * 0.5 + 0.1 * 1.5 = 0.6.
        Assert.Equal(1.2f, Values(target.weight!)[0], 1e-6f);
        Assert.Equal(1.6f, Values(target.weight!)[1], 1e-6f);
        Assert.Equal(0.6f, Values(target.bias!)[0], 1e-6f);
        // The online network is unchanged.
        Assert.Equal(new[] { 3f, -2f }, Values(online.weight!));

        MomentumUpdate.Ema(target, online, 1.0);
        Assert.Equal(1.2f, Values(target.weight!)[0], 1e-6f);
        MomentumUpdate.Ema(target, online, 0.0);
        Assert.Equal(new[] { 3f, -2f }, Values(target.weight!));
        Assert.Equal(1.5f, Values(target.bias!)[0]);
    }

    [Fact]
    public void EmaCopiesBuffers()
    {
        using var target = torch.nn.BatchNorm1d(2);
        using var online = torch.nn.BatchNorm1d(2);
        using (torch.no_grad())
        {
            online.running_mean!.copy_(torch.tensor(new[] { 1f, 2f }));
        }

        MomentumUpdate.Ema(target, online, 0.9);
        Assert.Equal(new[] { 1f, 2f }, Values(target.running_mean!));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void EmaRejectsMomentumOutsideTheUnitInterval(double momentum)
    {
        using var target = Layer(1f, 2f, 0.5f);
        using var online = Layer(3f, -2f, 1.5f);
        Assert.Throws<ArgumentOutOfRangeException>(() => MomentumUpdate.Ema(target, online, momentum));
    }

    [Fact]
    public void CopyWeightsMakesAFrozenEqualTarget()
    {
        torch.manual_seed(10);
        using var online = new ProjectionHead(4, 8, 3);
        torch.manual_seed(11);
        using var target = new ProjectionHead(4, 8, 3);
        online.train();
        using (torch.no_grad())
        {
            online.forward(torch.randn(6, 4)).Dispose(); // updates the batch-norm running statistics
        }

        MomentumUpdate.CopyWeights(target, online);
        var targetParameters = target.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in online.named_parameters())
        {
            Assert.True(parameter.eq(targetParameters[name]).all().item<bool>(), name);
            Assert.False(targetParameters[name].requires_grad, name);
            Assert.True(parameter.requires_grad, name);
        }

        var targetBuffers = target.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        foreach (var (name, buffer) in online.named_buffers())
        {
            Assert.True(buffer.eq(targetBuffers[name]).all().item<bool>(), name);
        }
    }

    [Fact]
    public void CopyWeightsRejectsDifferentArchitectures()
    {
        using var online = new ProjectionHead(4, 8, 3);
        using var target = new ProjectionHead(4, 8, 2);
        Assert.Throws<ArgumentException>(() => MomentumUpdate.CopyWeights(target, online));
        using var deeper = new ProjectionHead(4, 8, 3, layers: 3);
        Assert.Throws<ArgumentException>(() => MomentumUpdate.Ema(deeper, online, 0.5));
        Assert.Throws<ArgumentException>(() => MomentumUpdate.Ema(online, online, 0.5));
    }

    [Fact]
    public void CosineScheduleEndpointsAndMidpoint()
    {
        Assert.Equal(0.996, MomentumUpdate.CosineSchedule(0.996, 1.0, 0), 1e-15);
        Assert.Equal(1.0, MomentumUpdate.CosineSchedule(0.996, 1.0, 1), 1e-15);
        // cos(pi / 2) = 0: final - (final - start) / 2 = the mean.
        Assert.Equal(0.998, MomentumUpdate.CosineSchedule(0.996, 1.0, 0.5), 1e-15);
        // progress 0.25: 0.99 - 0.09 * (cos(pi / 4) + 1) / 2 = 0.99 - 0.09 * (sqrt(0.5) + 1) / 2 ~ 0.913180.
        Assert.Equal(0.99 - (0.09 * (Math.Sqrt(0.5) + 1) / 2), MomentumUpdate.CosineSchedule(0.9, 0.99, 0.25), 1e-15);
        Assert.Throws<ArgumentOutOfRangeException>(() => MomentumUpdate.CosineSchedule(0.9, 0.99, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MomentumUpdate.CosineSchedule(0.9, 0.99, double.NaN));
    }
}
