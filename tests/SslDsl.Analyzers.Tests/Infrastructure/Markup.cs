using System.Text.RegularExpressions;

namespace SslDsl.Analyzers.Tests;

/// <summary>Removes the test framework's diagnostic markup ({|SSL007:...|}, [|...|], {|#0:...|}) from a source.</summary>
internal static class Markup
{
    private static readonly Regex Open = new(@"\{\|[A-Za-z0-9#]+:|\[\|", RegexOptions.Compiled);

    public static string Strip(string source) => Open.Replace(source, "").Replace("|}", "").Replace("|]", "");
}
