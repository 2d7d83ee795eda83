using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>A generated task's Model: the network of encoder and heads, whose encoder alone gives the representation.</summary>
public interface ITaskModel
{
    /// <summary>The encoder f(x), without heads.</summary>
    nn.Module<Tensor, Tensor> Encoder { get; }
}
