using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SslDsl;

/// <summary>Field splitting and number parsing for delimited text files, with errors that name the file, line and column.</summary>
internal static class CsvFields
{
    /// <summary>Splits one line; fields may be wrapped in double quotes (a doubled quote inside stands for one).</summary>
    public static string[] Split(string line, char delimiter, string path, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new DatasetFormatException(path, $"line {lineNumber}: a quoted field is not closed; expected a closing '\"'.");
        }

        fields.Add(field.ToString().Trim());
        return fields.ToArray();
    }

    /// <summary>Parses a number written with '.' as the decimal separator.</summary>
    public static bool TryParse(string field, out float value) =>
        float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value);

    /// <summary>Parses a number or throws a <see cref="DatasetFormatException"/> naming the line and column.</summary>
    public static float Parse(string field, string path, int lineNumber, string column)
    {
        if (!TryParse(field, out float value))
        {
            throw new DatasetFormatException(path, $"line {lineNumber}, column {column}: '{Shorten(field)}' is not a number; expected a finite decimal number such as 3.25.");
        }

        return value;
    }

    /// <summary>Parses an integer or throws a <see cref="DatasetFormatException"/> naming the line and column.</summary>
    public static int ParseInt(string field, string path, int lineNumber, string column)
    {
        if (!int.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            throw new DatasetFormatException(path, $"line {lineNumber}, column {column}: '{Shorten(field)}' is not an integer; expected a whole number.");
        }

        return value;
    }

    /// <summary>The field as shown in messages (at most 40 characters).</summary>
    public static string Shorten(string field) => field.Length <= 40 ? field : field[..37] + "...";
}
