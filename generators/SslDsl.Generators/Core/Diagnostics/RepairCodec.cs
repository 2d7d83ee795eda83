using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SslDsl.Generators;

/// <summary>
/// Carries repairs from the analyzer to the code fix inside a diagnostic, the one channel between them: each
/// edit's target is the diagnostic's location or one of its additional locations (by index), and each
/// repair is three properties, <c>Repair{i}.Title</c>, <c>Repair{i}.Alternative</c> and <c>Repair{i}.Edits</c>.
/// A repair whose target lies in another file than the diagnostic is dropped: a code fix edits one document.
/// </summary>
internal static class RepairCodec
{
    private const string Count = "Repairs";
    private const char FieldSeparator = '\u001F';
    private const char EditSeparator = '\u001E';

    /// <summary>The additional locations and properties that carry <paramref name="repairs"/> of a diagnostic at <paramref name="location"/>.</summary>
    public static (ImmutableArray<Location> AdditionalLocations, ImmutableDictionary<string, string?> Properties) Encode(Location location, IEnumerable<Repair> repairs)
    {
        var targets = new List<Location> { location };
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        int count = 0;
        foreach (var repair in repairs.Where(r => r.Edits.All(e => e.Target.IsInSource && e.Target.SourceTree == location.SourceTree)))
        {
            var edits = repair.Edits.Select(e => string.Join(FieldSeparator.ToString(), ((int)e.Kind).ToString(CultureInfo.InvariantCulture), IndexOf(targets, e.Target).ToString(CultureInfo.InvariantCulture), e.Name, e.Position.ToString(CultureInfo.InvariantCulture), e.Text));
            properties[$"Repair{count}.Title"] = repair.Title;
            properties[$"Repair{count}.Alternative"] = repair.Alternative;
            properties[$"Repair{count}.Edits"] = string.Join(EditSeparator.ToString(), edits);
            count++;
        }

        if (count > 0)
        {
            properties[Count] = count.ToString(CultureInfo.InvariantCulture);
        }

        return (targets.Skip(1).ToImmutableArray(), properties.ToImmutable());
    }

    /// <summary>The repairs <paramref name="diagnostic"/> carries, in order (the primary one first); empty when it carries none.</summary>
    public static ImmutableArray<Repair> Decode(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(Count, out var text) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            return ImmutableArray<Repair>.Empty;
        }

        var targets = new[] { diagnostic.Location }.Concat(diagnostic.AdditionalLocations).ToArray();
        var repairs = ImmutableArray.CreateBuilder<Repair>(count);
        for (int i = 0; i < count; i++)
        {
            diagnostic.Properties.TryGetValue($"Repair{i}.Title", out var title);
            diagnostic.Properties.TryGetValue($"Repair{i}.Alternative", out var alternative);
            diagnostic.Properties.TryGetValue($"Repair{i}.Edits", out var edits);
            var decoded = (edits ?? "").Split(EditSeparator).Select(e => DecodeEdit(e, targets)).ToList();
            if (title is not null && decoded.Count > 0 && decoded.All(e => e is not null))
            {
                repairs.Add(new Repair(title, alternative, decoded!));
            }
        }

        return repairs.ToImmutable();
    }

    private static RepairEdit? DecodeEdit(string text, Location[] targets)
    {
        var fields = text.Split(FieldSeparator);
        if (fields.Length != 5 ||
            !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int kind) ||
            !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int target) || target >= targets.Length ||
            !int.TryParse(fields[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int position))
        {
            return null;
        }

        return new RepairEdit((RepairKind)kind, targets[target], fields[2], position, fields[4]);
    }

    private static int IndexOf(List<Location> targets, Location location)
    {
        int index = targets.IndexOf(location);
        if (index < 0)
        {
            targets.Add(location);
            index = targets.Count - 1;
        }

        return index;
    }
}
