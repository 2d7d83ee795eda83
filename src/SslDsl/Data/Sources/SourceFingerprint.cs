using System;
using System.Security.Cryptography;
using System.Text;

namespace SslDsl;

/// <summary>The fingerprints of streaming sources: the SHA-256 (hex, first 16 bytes) of what identifies them.</summary>
internal static class SourceFingerprint
{
    /// <summary>The fingerprint of <paramref name="parts"/>, each written with the invariant culture and separated.</summary>
    public static string Of(params object?[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Convert.ToString(part, System.Globalization.CultureInfo.InvariantCulture) ?? "null"));
            sha.AppendData(new byte[] { 0 });
        }

        return Convert.ToHexString(sha.GetHashAndReset(), 0, 16).ToLowerInvariant();
    }
}
