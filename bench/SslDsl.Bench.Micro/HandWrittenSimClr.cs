using System;
using System.Linq;
using SslDsl.Bench;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Bench.Micro;

/// <summary>
/// The SimCLR step written by hand with TorchSharp, doing what the generated FashionSimClr.Trainer.Step
/// does: the same SmallCnn and projection head (built in the same order from the same seed), two views
/// through the runtime's ImageAugment functions with the declared parameters, NT-Xent, AdamW.
/// </summary>
public sealed class HandWrittenSimClr : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly ProjectionHead _projection;
    private readonly optim.Optimizer _optimizer;
    private readonly Generator _generator;

    /// <summary>Builds the model, optimizer and augmentation generator from <paramref name="seed"/>.</summary>
    public HandWrittenSimClr(long seed)
    {
        torch.manual_seed(seed);
        _encoder = FashionSimClr.Encoder();
        _projection = new ProjectionHead(128, hidden: 256, output: 128, layers: 2, batchNorm: true);
        var parameters = _encoder.parameters().Concat(_projection.parameters()).ToArray();
        _optimizer = torch.optim.AdamW(parameters, 1e-3, weight_decay: 1e-4);
        _generator = new Generator(unchecked((ulong)seed), torch.CPU);
    }

    /// <summary>One update on <paramref name="images"/> [B, 1, 28, 28]; returns the loss before it.</summary>
    public float Step(Tensor images)
    {
        using var scope = torch.NewDisposeScope();
        _encoder.train();
        _projection.train();
        _optimizer.zero_grad();
        var views = new[] { Augment(images), Augment(images) };
        var projections = _projection.forward(_encoder.forward(torch.cat(views, 0)));
        var z = projections.chunk(2, 0);
        var loss = Losses.NtXent(z[0], z[1], temperature: 0.5);
        float value = loss.item<float>();
        loss.backward();
        _optimizer.step();
        return value;
    }

    private Tensor Augment(Tensor x)
    {
        x = ImageAugment.RandomResizedCrop(x, minScale: 0.3, maxScale: 1.0, minRatio: 0.75, maxRatio: 4.0 / 3.0, p: 1.0, generator: _generator);
        x = ImageAugment.HorizontalFlip(x, p: 0.5, generator: _generator);
        x = ImageAugment.ColorJitter(x, brightness: 0.4, contrast: 0.4, saturation: 0.0, hue: 0.0, p: 0.8, generator: _generator);
        return ImageAugment.GaussianNoise(x, std: 0.05, p: 0.5, generator: _generator);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _projection.Dispose();
        _encoder.Dispose();
        _generator.Dispose();
    }
}
