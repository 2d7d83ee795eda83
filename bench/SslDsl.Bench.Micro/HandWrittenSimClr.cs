using System;
using System.Linq;
using FashionSimClrSample;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl.Bench.Micro;

/// <summary>
/// The SimCLR step written by hand with TorchSharp, doing what the generated FashionSimClr.Trainer.Step
/// does: the same encoder and projection head (built in the same order from the same seed), two views
/// through the runtime's ImageAugment functions with the declared parameters, NT-Xent, AdamW with no
/// weight decay on biases and norms.
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
        _projection = new ProjectionHead(FashionSimClr.EncoderOutputDim, hidden: 512, output: 128, layers: 2, batchNorm: true);
        var parameters = _encoder.parameters().Concat(_projection.parameters()).ToArray();
        _optimizer = torch.optim.AdamW(parameters.Where(p => p.dim() > 1), 2e-3, weight_decay: 1e-4);
        _optimizer.add_param_group(new AdamW.ParamGroup(parameters.Where(p => p.dim() <= 1), new AdamW.Options { LearningRate = 2e-3, weight_decay = 0 }));
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
        var loss = Losses.NtXent(z[0], z[1], temperature: 0.2);
        float value = loss.item<float>();
        loss.backward();
        _optimizer.step();
        return value;
    }

    private Tensor Augment(Tensor x)
    {
        x = ImageAugment.RandomResizedCrop(x, minScale: 0.4, maxScale: 1.0, minRatio: 0.75, maxRatio: 4.0 / 3.0, p: 1.0, generator: _generator);
        x = ImageAugment.HorizontalFlip(x, p: 0.5, generator: _generator);
        x = ImageAugment.ColorJitter(x, brightness: 0.6, contrast: 0.6, saturation: 0.0, hue: 0.0, p: 0.8, generator: _generator);
        return ImageAugment.RandomErasing(x, minArea: 0.0816, maxArea: 0.0816, p: 0.25, generator: _generator);
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
