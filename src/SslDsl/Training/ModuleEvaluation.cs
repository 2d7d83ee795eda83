using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Runs inference with a module in evaluation mode and no gradient, then restores its mode.</summary>
public static class ModuleEvaluation
{
    /// <summary>
    /// Calls <paramref name="inference"/> with <paramref name="module"/> in evaluation mode (batch-norm statistics frozen,
    /// dropout off) and gradients off; the module's training mode is restored afterwards.
    /// </summary>
    public static T Evaluating<T>(this nn.Module module, Func<T> inference)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(inference);
        bool training = module.training;
        module.eval();
        try
        {
            using var noGrad = torch.no_grad();
            return inference();
        }
        finally
        {
            module.train(training);
        }
    }
}
