using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SslDsl;

/// <summary>
/// Reads a text file as numbered lines, strictly as UTF-8: bytes that are not UTF-8, or NUL bytes (a binary
/// file), raise a <see cref="DatasetFormatException"/> naming the file and line.
/// </summary>
internal static class TextFileLines
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The lines (without their line break) and their 1-based numbers.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist; <paramref name="hint"/> says how to get it.</exception>
    public static List<(int Number, string Text)> Read(string path, string what, string hint)
    {
        DataPaths.NotAFolder(path, what);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{what} not found: {path}. {hint}", path);
        }

        byte[] bytes = File.ReadAllBytes(path);
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var lines = new List<(int, string)>();
        int number = 1;
        while (start <= bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', start);
            bool last = end < 0;
            if (last)
            {
                end = bytes.Length;
            }

            int stop = end > start && bytes[end - 1] == (byte)'\r' ? end - 1 : end;
            int nul = Array.IndexOf(bytes, (byte)0, start, stop - start);
            if (nul >= 0)
            {
                throw new DatasetFormatException(path, $"line {number}: a NUL byte at column {nul - start + 1}; expected a text file ({what}), not binary data.");
            }

            string text;
            try
            {
                text = Strict.GetString(bytes, start, stop - start);
            }
            catch (DecoderFallbackException e)
            {
                throw new DatasetFormatException(path, $"line {number}: bytes that are not UTF-8; expected UTF-8 text ({what}).", e);
            }

            if (!(last && text.Length == 0))
            {
                lines.Add((number, text));
            }

            if (last)
            {
                break;
            }

            start = end + 1;
            number++;
        }

        return lines;
    }
}
