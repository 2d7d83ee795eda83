using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Training;

/// <summary>Weight decay reaches the weights of linear and convolution layers only, never biases or norm parameters.</summary>
public class WeightDecayTests
{
    [Theory]
    [InlineData(OptimizerKind.AdamW)]
    [InlineData(OptimizerKind.Sgd)]
    public void WithZeroGradientsOnlyLayerWeightsShrink(OptimizerKind kind)
    {
        const double lr = 0.1, wd = 0.5;
        using var model = nn.Sequential(("linear", nn.Linear(3, 4)), ("bn", nn.BatchNorm1d(4)), ("conv", nn.Conv1d(4, 2, 3)));
        using (torch.no_grad())
        {
            foreach (var p in model.parameters())
            {
                p.uniform_(0.5, 1.5);
            }
        }

        var before = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        using var optimizer = new TrainingOptimizer(new OptimizerSettings(kind, lr, wd, 0.0), model.parameters());
        Assert.Equal(new[] { true, false }, optimizer.Groups.Select(g => g.ApplyWeightDecay));
        Assert.Equal(2, optimizer.Groups[0].Parameters.Count);  // linear.weight, conv.weight
        Assert.Equal(4, optimizer.Groups[1].Parameters.Count);  // linear.bias, bn.weight, bn.bias, conv.bias

        optimizer.ZeroGrad();
        // A loss that touches every parameter with weight 0: every gradient exists and is exactly 0.
        torch.stack(model.parameters().Select(p => p.sum()).ToArray()).sum().mul(0).backward();

        optimizer.Step();
        foreach (var (name, p) in model.named_parameters())
        {
            // AdamW: p <- p - lr * wd * p (its Adam part is 0 for a zero gradient); SGD: p <- p - lr * (0 + wd * p).
            var expected = name.EndsWith("weight") && !name.StartsWith("bn") ? before[name] * (1 - lr * wd) : before[name];
            Assert.True(torch.allclose(expected, p.detach(), rtol: 1e-6, atol: 1e-7), $"{kind} {name}");
        }
    }
}
