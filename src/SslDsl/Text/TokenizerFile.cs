using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SslDsl;

/// <summary>
/// The JSON file of a <see cref="ByteLevelTokenizer"/>:
/// <c>{"format": "ssldsl-byte-bpe", "version": 1, "special_tokens": ["[PAD]", ...], "merges": [[left, right], ...]}</c>.
/// </summary>
internal static class TokenizerFile
{
    public const string Format = "ssldsl-byte-bpe";
    public const int Version = 1;

    public static void Write(string path, IReadOnlyList<(int Left, int Right)> merges)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var mergeArray = new JsonArray();
        foreach (var (left, right) in merges)
        {
            mergeArray.Add(new JsonArray(left, right));
        }

        var specials = new JsonArray();
        foreach (var s in ByteLevelTokenizer.SpecialTokens)
        {
            specials.Add(s);
        }

        var root = new JsonObject
        {
            ["format"] = Format,
            ["version"] = Version,
            ["special_tokens"] = specials,
            ["byte_offset"] = ByteLevelTokenizer.ByteOffset,
            ["merges"] = mergeArray,
        };
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllText(path, root.ToJsonString());
    }

    public static List<(int Left, int Right)> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Tokenizer file not found: {path}. Train one with ByteLevelTokenizer.Train and Save it there.", path);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(path, $"line {(e.LineNumber ?? 0) + 1}: not valid JSON ({e.Message}); expected a tokenizer file written by ByteLevelTokenizer.Save.", e);
        }

        if (root is not JsonObject obj || obj["format"]?.GetValueKind() != JsonValueKind.String || (string?)obj["format"] != Format)
        {
            throw new DatasetFormatException(path, $"expected a JSON object with \"format\": \"{Format}\" (a file written by ByteLevelTokenizer.Save).");
        }

        if (obj["version"] is not JsonValue v || !v.TryGetValue(out int version) || version != Version)
        {
            throw new DatasetFormatException(path, $"expected \"version\": {Version}; found {obj["version"]?.ToJsonString() ?? "none"}.");
        }

        if (obj["merges"] is not JsonArray merges)
        {
            throw new DatasetFormatException(path, "expected a \"merges\" array of [left, right] id pairs.");
        }

        var result = new List<(int, int)>(merges.Count);
        for (int i = 0; i < merges.Count; i++)
        {
            if (merges[i] is not JsonArray pair || pair.Count != 2
                || pair[0] is not JsonValue a || !a.TryGetValue(out int left)
                || pair[1] is not JsonValue b || !b.TryGetValue(out int right))
            {
                throw new DatasetFormatException(path, $"merge {i} is {merges[i]?.ToJsonString() ?? "null"}; expected [left, right] with two integer ids.");
            }

            result.Add((left, right));
        }

        return result;
    }
}
