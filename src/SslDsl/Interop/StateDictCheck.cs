using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Compares the tensors of a weights file with a module's state dict, by name, shape and kind.</summary>
internal static class StateDictCheck
{
    private const int MaxListed = 10;

    /// <summary>
    /// Every difference between <paramref name="found"/> (the file) and <paramref name="expected"/>
    /// (the module): missing tensors, extra tensors, other shapes, integer vs floating values; null when they fit.
    /// </summary>
    public static string? Differences(IReadOnlyDictionary<string, Tensor> found, IReadOnlyDictionary<string, Tensor> expected)
    {
        var parts = new List<string>();
        var missing = expected.Keys.Where(k => !found.ContainsKey(k)).Select(k => $"'{k}' {Shape(expected[k])}").ToList();
        var extra = found.Keys.Where(k => !expected.ContainsKey(k)).Select(k => $"'{k}' {Shape(found[k])}").ToList();
        var wrong = expected.Keys.Where(found.ContainsKey)
            .Where(k => !found[k].shape.SequenceEqual(expected[k].shape))
            .Select(k => $"'{k}' is {Shape(found[k])} in the file but {Shape(expected[k])} here")
            .ToList();
        var kind = expected.Keys.Where(found.ContainsKey)
            .Where(k => found[k].is_floating_point() != expected[k].is_floating_point())
            .Select(k => $"'{k}' holds {found[k].dtype} in the file but {expected[k].dtype} here")
            .ToList();
        Add(parts, "missing", missing);
        Add(parts, "not in the module", extra);
        Add(parts, "wrong shape", wrong);
        Add(parts, "wrong kind of values", kind);
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static void Add(List<string> parts, string what, List<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        string more = names.Count > MaxListed ? $" and {names.Count - MaxListed} more" : "";
        parts.Add($"{what} ({names.Count}): {string.Join(", ", names.Take(MaxListed))}{more}");
    }

    private static string Shape(Tensor t) => $"[{string.Join(",", t.shape)}]";
}
