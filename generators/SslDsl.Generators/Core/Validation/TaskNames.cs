using System.Text;

namespace SslDsl.Generators;

/// <summary>Task names the repairs propose: a task's class name in kebab case.</summary>
internal static class TaskNames
{
    /// <summary>A class name as a task name: FashionSimClr gives "fashion-sim-clr", MLMTask "mlm-task".</summary>
    public static string FromClassName(string name)
    {
        var text = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            bool wordStart = i > 0 && char.IsUpper(name[i]) &&
                (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (wordStart)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
