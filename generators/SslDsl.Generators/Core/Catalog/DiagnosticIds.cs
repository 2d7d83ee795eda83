namespace SslDsl.Generators;

/// <summary>The diagnostic a parameter's range violation raises, by the kind of value (see docs/diagnostics.md).</summary>
internal static class DiagnosticIds
{
    /// <summary>SSL007: a probability, ratio or fraction.</summary>
    public const string Probability = "SSL007";

    /// <summary>SSL008: a temperature.</summary>
    public const string Temperature = "SSL008";

    /// <summary>SSL009: an EMA momentum.</summary>
    public const string Momentum = "SSL009";

    /// <summary>SSL015: a size that must fit the input.</summary>
    public const string Shape = "SSL015";

    /// <summary>SSL016: a width of the encoder or a head.</summary>
    public const string Dimension = "SSL016";

    /// <summary>SSL020: an objective's weight.</summary>
    public const string Weight = "SSL020";

    /// <summary>SSL025: an optimizer, schedule or training value.</summary>
    public const string Training = "SSL025";

    /// <summary>SSL026: any other strength or size.</summary>
    public const string Strength = "SSL026";

    /// <summary>SSL037: a multimodal (CLIP) temperature.</summary>
    public const string ClipTemperature = "SSL037";
}
