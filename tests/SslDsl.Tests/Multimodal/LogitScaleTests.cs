using System;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.Multimodal;

public class LogitScaleTests
{
    [Fact]
    public void StartsAtLogOfOneOverTheTemperature()
    {
        using var scale = new LogitScale(0.07);
        Assert.Equal(Math.Log(1 / 0.07), scale.LogScale.item<float>(), 5);
        Assert.Equal(1 / 0.07, scale.Value, 3);
    }

    [Fact]
    public void ScaleIsClampedToOneHundredWithNoGradientBeyondIt()
    {
        using var scale = new LogitScale(0.07);
        using (torch.no_grad())
        {
            scale.LogScale.fill_(10.0);
        }

        using var s = scale.Scale();
        Assert.Equal(100.0, s.item<float>(), 3);
        s.backward();
        Assert.Equal(0.0, scale.LogScale.grad!.item<float>());

        scale.Clamp();
        Assert.Equal(Math.Log(100), scale.LogScale.item<float>(), 5);
    }

    [Fact]
    public void BelowTheClampTheGradientOfTheScaleIsTheScale()
    {
        // d exp(t) / dt = exp(t).
        using var scale = new LogitScale(0.5);
        using var s = scale.Scale();
        s.backward();
        Assert.Equal(2.0, scale.LogScale.grad!.item<float>(), 5);
        scale.Clamp();
        Assert.Equal(Math.Log(2), scale.LogScale.item<float>(), 5);
    }

    [Fact]
    public void RejectsATemperatureThatStartsAboveTheClamp()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogitScale(0.005));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogitScale(0));
    }
}
