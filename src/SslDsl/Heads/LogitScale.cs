using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// CLIP's learnable temperature: a parameter t = log(1 / temperature) (CLIP: log(1 / 0.07)) whose exponential is
/// the logit multiplier s = exp(t). As in CLIP, s is kept at most <see cref="MaxScale"/> (100): the forward pass
/// reads t clamped to log(MaxScale) (no gradient beyond it), and <see cref="Clamp"/>, called after each optimizer
/// step, clamps the stored parameter itself, so it cannot drift above the bound.
/// </summary>
public sealed class LogitScale : nn.Module
{
    private readonly Parameter _logScale;

    /// <summary>Creates the scale at 1 / <paramref name="temperature"/>.</summary>
    /// <param name="temperature">The initial temperature, &gt; 0 and at least 1 / <paramref name="maxScale"/> (CLIP: 0.07).</param>
    /// <param name="maxScale">The largest multiplier, &gt;= 1 (CLIP: 100).</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not &gt; 0 or below 1 / maxScale, or maxScale is below 1.</exception>
    public LogitScale(double temperature = InitialTemperature, double maxScale = ClipMaxScale, string name = "logit_scale")
        : base(name)
    {
        const string op = nameof(LogitScale);
        Guard.Positive(op, temperature);
        Guard.AtLeast(op, maxScale, 1.0);
        Guard.AtLeast(op, temperature, 1.0 / maxScale);
        MaxScale = maxScale;
        _logScale = new Parameter(torch.tensor(Math.Log(1.0 / temperature), ScalarType.Float32));
        register_parameter("log_scale", _logScale);
    }

    /// <summary>CLIP's initial temperature, 0.07.</summary>
    public const double InitialTemperature = 0.07;

    /// <summary>CLIP's largest multiplier, 100.</summary>
    public const double ClipMaxScale = 100.0;

    /// <summary>The largest multiplier s.</summary>
    public double MaxScale { get; }

    /// <summary>The device the module lives on (where a multimodal model's inputs go).</summary>
    public Device Device => _logScale.device;

    /// <summary>The stored parameter t = log s (before clamping).</summary>
    public Parameter LogScale => _logScale;

    /// <summary>The multiplier s = exp(min(t, log MaxScale)), a scalar tensor that carries the gradient to t.</summary>
    public Tensor Scale() => _logScale.clamp_max(Math.Log(MaxScale)).exp();

    /// <summary>The current multiplier as a number.</summary>
    public double Value
    {
        get
        {
            using var scale = Scale();
            return scale.item<float>();
        }
    }

    /// <summary>Clamps the stored parameter to at most log(MaxScale), in place (CLIP does this after every step).</summary>
    public void Clamp()
    {
        using var guard = torch.no_grad();
        _logScale.clamp_max_(Math.Log(MaxScale));
    }
}
