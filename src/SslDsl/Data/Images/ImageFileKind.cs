using System;
using System.Linq;

namespace SslDsl;

/// <summary>Names what a file that is not a decodable image looks like, from its first bytes, for error messages.</summary>
internal static class ImageFileKind
{
    /// <summary>
    /// A phrase such as "it starts like a PNG but cannot be decoded (truncated or corrupt)" or "it is a TIFF file,
    /// which is not supported: convert it to PNG" or "its first bytes are 25 50 44 46 (a PDF file)".
    /// </summary>
    public static string Describe(ReadOnlySpan<byte> head)
    {
        if (StartsWith(head, 0x89, 0x50, 0x4E, 0x47))
        {
            return "it starts like a PNG but cannot be decoded (truncated or corrupt)";
        }

        if (StartsWith(head, 0xFF, 0xD8, 0xFF))
        {
            return "it starts like a JPEG but cannot be decoded (truncated or corrupt)";
        }

        if (StartsWith(head, (byte)'G', (byte)'I', (byte)'F', (byte)'8'))
        {
            return "it starts like a GIF but cannot be decoded (truncated or corrupt)";
        }

        if (StartsWith(head, (byte)'R', (byte)'I', (byte)'F', (byte)'F'))
        {
            return "it starts like a RIFF (WebP) file but cannot be decoded (truncated or corrupt)";
        }

        if (StartsWith(head, (byte)'B', (byte)'M'))
        {
            return "it starts like a BMP but cannot be decoded (truncated, corrupt or an unsupported BMP variant)";
        }

        if (StartsWith(head, (byte)'I', (byte)'I', 0x2A, 0x00) || StartsWith(head, (byte)'M', (byte)'M', 0x00, 0x2A))
        {
            return "it is a TIFF file, which is not supported: convert it to PNG";
        }

        if (StartsWith(head, (byte)'%', (byte)'P', (byte)'D', (byte)'F'))
        {
            return "it is a PDF file, not an image";
        }

        var sample = head[..Math.Min(head.Length, 64)];
        if (sample.Length > 0 && sample.ToArray().All(b => b is (>= 0x20 and < 0x7F) or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            return "it is a text file, not an image";
        }

        string hex = string.Join(" ", head[..Math.Min(head.Length, 8)].ToArray().Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        return $"it is not in a format SkiaSharp decodes (PNG, JPEG, BMP, GIF, WebP, ICO, WBMP); its first bytes are {hex}";
    }

    private static bool StartsWith(ReadOnlySpan<byte> head, params byte[] magic) => head.StartsWith(magic);
}
