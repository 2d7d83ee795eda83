using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The optimizer a trainer steps: one of <see cref="OptimizerKind"/> over one or more parameter
/// groups, with a learning rate that the schedule scales each step. LARS is SGD with momentum
/// whose per-layer update is scaled by the trust ratio eta * ||w|| / ||g + wd w||.
/// </summary>
public sealed class TrainingOptimizer : IDisposable
{
    private const double LarsEta = 0.001;
    private readonly optim.Optimizer _optimizer;
    private readonly List<(optim.ILearningRateController Group, double Scale)> _groups = new();
    private readonly IReadOnlyList<ParameterGroup> _declared;

    /// <summary>
    /// Creates the optimizer for <paramref name="groups"/> (parameters that do not require gradients are left out;
    /// biases and normalization parameters are never decayed, see <see cref="Groups"/>).
    /// </summary>
    /// <exception cref="ArgumentException">No trainable parameter.</exception>
    public TrainingOptimizer(OptimizerSettings settings, IReadOnlyList<ParameterGroup> groups)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _declared = groups.SelectMany(SplitOffNormsAndBiases)
            .Select(g => g with { Parameters = g.Parameters.Where(p => p.requires_grad).ToArray() })
            .Where(g => g.Parameters.Count > 0).ToArray();
        if (_declared.Count == 0)
        {
            throw new ArgumentException("The optimizer was given no trainable parameter: every parameter is frozen.", nameof(groups));
        }

        _optimizer = Create(settings, _declared);
        var torchGroups = _optimizer.ParamGroups.ToArray();
        for (int i = 0; i < torchGroups.Length; i++)
        {
            _groups.Add((torchGroups[i], _declared[i].LearningRateScale));
        }

        SetLearningRateFactor(1.0);
    }

    /// <summary>Creates the optimizer for all trainable parameters of <paramref name="parameters"/> with scale 1.</summary>
    public TrainingOptimizer(OptimizerSettings settings, IEnumerable<Parameter> parameters)
        : this(settings, new[] { new ParameterGroup(parameters.ToArray()) })
    {
    }

    /// <summary>
    /// The groups the optimizer steps: the given ones, each with its one-dimensional parameters (biases,
    /// batch-norm and layer-norm scales and shifts) split off into a twin group without weight decay, as
    /// SimCLR, BYOL and solo-learn do; only weights of linear and convolution layers are decayed.
    /// </summary>
    public IReadOnlyList<ParameterGroup> Groups => _declared;

    private static IEnumerable<ParameterGroup> SplitOffNormsAndBiases(ParameterGroup group)
    {
        if (!group.ApplyWeightDecay)
        {
            yield return group;
            yield break;
        }

        yield return group with { Parameters = group.Parameters.Where(p => p.dim() > 1).ToArray() };
        yield return group with { Parameters = group.Parameters.Where(p => p.dim() <= 1).ToArray(), ApplyWeightDecay = false };
    }

    /// <summary>The declared optimizer.</summary>
    public OptimizerSettings Settings { get; }

    /// <summary>The learning rate of the first group at the last <see cref="SetLearningRateFactor"/>.</summary>
    public double LearningRate { get; private set; }

    /// <summary>Every trainable parameter this optimizer updates.</summary>
    public IEnumerable<Parameter> Parameters => _declared.SelectMany(g => g.Parameters);

    /// <summary>Sets every group's learning rate to base * group scale * <paramref name="factor"/>.</summary>
    public void SetLearningRateFactor(double factor)
    {
        foreach (var (group, scale) in _groups)
        {
            group.LearningRate = Settings.LearningRate * scale * factor;
        }

        LearningRate = Settings.LearningRate * _groups[0].Scale * factor;
    }

    /// <summary>Clears the gradients.</summary>
    public void ZeroGrad() => _optimizer.zero_grad();

    /// <summary>Applies one update from the current gradients.</summary>
    public void Step()
    {
        if (Settings.Kind == OptimizerKind.Lars)
        {
            ApplyLarsTrustRatio();
        }

        _optimizer.step();
    }

    private void ApplyLarsTrustRatio()
    {
        using var noGrad = torch.no_grad();
        foreach (var group in _declared)
        {
            double wd = group.ApplyWeightDecay ? Settings.WeightDecay : 0.0;
            foreach (var p in group.Parameters)
            {
                var g = p.grad;
                if (g is null)
                {
                    continue;
                }

                if (p.dim() > 1)
                {
                    if (wd > 0)
                    {
                        g.add_(p, alpha: wd);
                    }

                    double wNorm = p.norm().item<float>();
                    double gNorm = g.norm().item<float>();
                    if (wNorm > 0 && gNorm > 0)
                    {
                        g.mul_(LarsEta * wNorm / gNorm);
                    }
                }
            }
        }
    }

    /// <summary>Writes the optimizer's state (moments, step counts) for an exact resume.</summary>
    public void Save(BinaryWriter writer) => ((OptimizerHelper)_optimizer).save_state_dict(writer);

    /// <summary>Reads a state written by <see cref="Save"/>.</summary>
    public void Load(BinaryReader reader) => ((OptimizerHelper)_optimizer).load_state_dict(reader);

    /// <inheritdoc />
    public void Dispose() => _optimizer.Dispose();

    private static optim.Optimizer Create(OptimizerSettings s, IReadOnlyList<ParameterGroup> groups)
    {
        double Wd(ParameterGroup g) => g.ApplyWeightDecay ? s.WeightDecay : 0.0;
        switch (s.Kind)
        {
            case OptimizerKind.Sgd:
            case OptimizerKind.Lars:
            {
                bool lars = s.Kind == OptimizerKind.Lars;
                var opt = torch.optim.SGD(groups[0].Parameters, s.LearningRate, momentum: s.Momentum, weight_decay: lars ? 0 : Wd(groups[0]));
                foreach (var g in groups.Skip(1))
                {
                    opt.add_param_group(new SGD.ParamGroup(g.Parameters, new SGD.Options { LearningRate = s.LearningRate, momentum = s.Momentum, weight_decay = lars ? 0 : Wd(g) }));
                }

                return opt;
            }

            case OptimizerKind.Adam:
            {
                var opt = torch.optim.Adam(groups[0].Parameters, s.LearningRate, weight_decay: Wd(groups[0]));
                foreach (var g in groups.Skip(1))
                {
                    opt.add_param_group(new Adam.ParamGroup(g.Parameters, new Adam.Options { LearningRate = s.LearningRate, weight_decay = Wd(g) }));
                }

                return opt;
            }

            case OptimizerKind.AdamW:
            {
                var opt = torch.optim.AdamW(groups[0].Parameters, s.LearningRate, weight_decay: Wd(groups[0]));
                foreach (var g in groups.Skip(1))
                {
                    opt.add_param_group(new AdamW.ParamGroup(g.Parameters, new AdamW.Options { LearningRate = s.LearningRate, weight_decay = Wd(g) }));
                }

                return opt;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(s), s.Kind, "Unknown optimizer kind.");
        }
    }
}
