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

    /// <summary>
    /// Multi-task pretraining: total = sum of weight_i * total_i; each part's terms are weighted
    /// and renamed "task/term", its outputs renamed "task/output".
    /// </summary>
    public static LossTerms Combine(params (string Task, double Weight, LossTerms Loss)[] parts)
    {
        if (parts is null || parts.Length == 0)
        {
            throw new ArgumentException("Combine needs at least one task's loss.", nameof(parts));
        }

        Tensor? total = null;
        var terms = new List<(string, Tensor)>();
        foreach (var (task, weight, loss) in parts)
        {
            var weighted = weight == 1.0 ? loss.Total : loss.Total * weight;
            total = total is null ? weighted : total + weighted;
            foreach (var (name, value) in loss.Terms)
            {
                terms.Add(($"{task}/{name}", weight == 1.0 ? value : value * weight));
            }
        }

        var combined = new LossTerms(total!, terms.ToArray());
        foreach (var (task, _, loss) in parts)
        {
            foreach (var output in loss.Outputs)
            {
                combined.Outputs[$"{task}/{output.Key}"] = output.Value;
            }
        }

        return combined;
    }

    /// <summary>The outputs one task contributed to a <see cref="Combine"/>d loss, under their own names.</summary>
    public LossTerms Part(string task)
    {
        string prefix = task + "/";
        var part = new LossTerms(Total);
        foreach (var output in Outputs)
        {
            if (output.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                part.Outputs[output.Key.Substring(prefix.Length)] = output.Value;
            }
        }

        return part;
    }

    /// <summary>Adds an intermediate tensor for <c>AfterOptimizerStep</c> and returns this instance.</summary>
    public LossTerms With(string name, Tensor value)
    {
        Outputs[name] = value;
        return this;
    }
}
