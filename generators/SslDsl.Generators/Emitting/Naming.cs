using System.Text;

namespace SslDsl.Generators;

/// <summary>Names derived from attribute names for generated code and metrics.</summary>
internal static class Naming
{
    /// <summary>NtXentLoss → nt_xent; RotationPrediction → rotation_prediction.</summary>
    public static string TermName(string objective)
    {
        string stem = objective.EndsWith("Loss") ? objective.Substring(0, objective.Length - 4) : objective;
        var sb = new StringBuilder();
        for (int i = 0; i < stem.Length; i++)
        {
            char c = stem[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>NtXentLoss → ntXent.</summary>
    public static string Variable(string objective)
    {
        string stem = objective.EndsWith("Loss") ? objective.Substring(0, objective.Length - 4) : objective;
        return Camel(stem);
    }

    /// <summary>MinScale → minScale.</summary>
    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
}
