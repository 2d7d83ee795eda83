using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Tests.Numerics;

/// <summary>|x| computed as sqrt(x * x): finite forward, but its backward at x = 0 is inf * 0 = NaN.</summary>
public sealed class SqrtOfSquare : nn.Module<Tensor, Tensor>
{
    public SqrtOfSquare() : base(nameof(SqrtOfSquare))
    {
    }

    public override Tensor forward(Tensor input) => (input * input).sqrt();
}

/// <summary>log(x): NaN in the forward pass for negative inputs.</summary>
public sealed class Log : nn.Module<Tensor, Tensor>
{
    public Log() : base(nameof(Log))
    {
    }

    public override Tensor forward(Tensor input) => input.log();
}

/// <summary>Encoders that break in a known module, for the diagnosis tests.</summary>
public static class BrokenEncoders
{
    /// <summary>
    /// flatten - linear 64->12 whose first output is exactly 0 (zero weights and bias) - SqrtOfSquare -
    /// linear 12->12: the loss is finite, the backward of module 2 turns a finite gradient into NaN, and
    /// the NaN reaches the first linear layer's weight gradient.
    /// </summary>
    public static nn.Module<Tensor, Tensor> NaNInBackward()
    {
        var first = nn.Linear(64, 12);
        using (torch.no_grad())
        {
            first.weight![0].zero_();
            first.bias![0].zero_();
        }

        return nn.Sequential(("flatten", nn.Flatten()), ("first", first), ("abs", new SqrtOfSquare()), ("second", nn.Linear(12, 12)));
    }

    /// <summary>flatten - linear 64->12 with a bias of -100 (all outputs negative) - Log - linear: NaN in the forward pass of module "log".</summary>
    public static nn.Module<Tensor, Tensor> NaNInForward()
    {
        var first = nn.Linear(64, 12);
        using (torch.no_grad())
        {
            first.bias!.fill_(-100);
        }

        return nn.Sequential(("flatten", nn.Flatten()), ("first", first), ("log", new Log()), ("second", nn.Linear(12, 12)));
    }
}

[PretextTask("nan-in-backward")]
[ImageInput(Channels = 1, Height = 8, Width = 8)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.5, MaxScale = 1.0)]
[ProjectionHead(Hidden = 16, Output = 8)]
[NtXentLoss(Temperature = 0.5)]
[Training(BatchSize = 16, Epochs = 1, Seed = 3)]
public partial class NaNInBackwardTask
{
    [Encoder(OutputDim = 12)]
    public static nn.Module<Tensor, Tensor> Encoder() => BrokenEncoders.NaNInBackward();
}

[PretextTask("nan-in-forward")]
[ImageInput(Channels = 1, Height = 8, Width = 8)]
[Views(2)]
[RandomResizedCrop(MinScale = 0.5, MaxScale = 1.0)]
[ProjectionHead(Hidden = 16, Output = 8)]
[NtXentLoss(Temperature = 0.5)]
[Training(BatchSize = 16, Epochs = 1, Seed = 3)]
public partial class NaNInForwardTask
{
    [Encoder(OutputDim = 12)]
    public static nn.Module<Tensor, Tensor> Encoder() => BrokenEncoders.NaNInForward();
}
