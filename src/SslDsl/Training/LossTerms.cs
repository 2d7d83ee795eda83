using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>The loss of one step: the weighted total that is back-propagated and its named terms.</summary>
public sealed class LossTerms
{
    /// <summary>Creates the result of a step.</summary>
    /// <param name="total">The scalar that is back-propagated.</param>
    /// <param name="terms">Each objective's (weighted) contribution, by name.</param>
    public LossTerms(Tensor total, params (string Name, Tensor Value)[] terms)
    {
        Total = total ?? throw new ArgumentNullException(nameof(total));
        Terms = terms;
    }

    /// <summary>The scalar that is back-propagated.</summary>
    public Tensor Total { get; }

    /// <summary>The named terms that make up <see cref="Total"/>.</summary>
    public IReadOnlyList<(string Name, Tensor Value)> Terms { get; }

    /// <summary>
    /// Intermediate tensors the step hands on to <c>AfterOptimizerStep</c> (for example MoCo's keys,
    /// enqueued only after the update), by name.
    /// </summary>
    public Dictionary<string, Tensor> Outputs { get; } = new();

    /// <summary>Adds an intermediate tensor for <c>AfterOptimizerStep</c> and returns this instance.</summary>
    public LossTerms With(string name, Tensor value)
    {
        Outputs[name] = value;
        return this;
    }
}
