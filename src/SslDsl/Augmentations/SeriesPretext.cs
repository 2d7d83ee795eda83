using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Pretext splits of time series, [B,C,T] (or any tensor with time on the last axis).</summary>
public static partial class SeriesPretext
{
    /// <summary>
    /// Splits a series into the context <c>x[..., :T-horizon]</c> and the forecast target <c>x[..., T-horizon:]</c>
    /// (views of <paramref name="x"/>, no copy).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> is not in [1, T-1].</exception>
    public static (Tensor Context, Tensor Target) SplitForecast(Tensor x, int horizon)
    {
        if (x is null)
        {
            throw new ArgumentNullException(nameof(x), "SplitForecast: the input tensor is null.");
        }

        if (x.dim() < 1)
        {
            throw new ArgumentException("SplitForecast expects a tensor with time on the last axis, e.g. [B,C,T], but got a scalar.", nameof(x));
        }

        long steps = x.shape[^1];
        if (horizon < 1 || horizon >= steps)
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon,
                $"SplitForecast: horizon must be in [1, T-1] so that some context remains; the series has T = {steps} steps.");
        }

        return (x.narrow(-1, 0, steps - horizon), x.narrow(-1, steps - horizon, horizon));
    }
}
