using System.Collections.Generic;
using TorchSharp.Modules;

namespace SslDsl;

/// <summary>Parameters trained with one learning-rate multiplier (e.g. a lower rate for a fine-tuned encoder).</summary>
/// <param name="Parameters">The parameters.</param>
/// <param name="LearningRateScale">Multiplier of the base learning rate.</param>
/// <param name="ApplyWeightDecay">Whether weight decay applies (off for biases and norms in some recipes).</param>
public sealed record ParameterGroup(IReadOnlyList<Parameter> Parameters, double LearningRateScale = 1.0, bool ApplyWeightDecay = true);
