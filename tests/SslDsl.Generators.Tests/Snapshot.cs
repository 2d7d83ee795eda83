using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>
/// Checked-in snapshots of generated source: Snapshots/{Test}/{HintName}.txt. A mismatch writes
/// {HintName}.received.txt beside the expected file and fails. To accept new output, run
/// <c>SSLDSL_ACCEPT_SNAPSHOTS=1 dotnet test tests/SslDsl.Generators.Tests</c> (rewrites the expected
/// files) and review the diff in git.
/// </summary>
internal static class Snapshot
{
    public static void Match(string testName, IReadOnlyDictionary<string, string> files, [CallerFilePath] string callerPath = "")
    {
        string dir = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots", testName);
        bool accept = Environment.GetEnvironmentVariable("SSLDSL_ACCEPT_SNAPSHOTS") == "1";
        if (accept)
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }

            Directory.CreateDirectory(dir);
            foreach (var (hint, text) in files)
            {
                File.WriteAllText(Path.Combine(dir, hint + ".txt"), Normalize(text));
            }

            return;
        }

        Assert.True(Directory.Exists(dir), $"No snapshot for '{testName}' in {dir}. Run with SSLDSL_ACCEPT_SNAPSHOTS=1 to create it.");
        var expected = Directory.GetFiles(dir, "*.txt").Where(f => !f.EndsWith(".received.txt", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f)[..^4], File.ReadAllText);
        Assert.Equal(expected.Keys.OrderBy(k => k), files.Keys.OrderBy(k => k));
        foreach (var (hint, text) in files)
        {
            string actual = Normalize(text);
            string receivedPath = Path.Combine(dir, hint + ".received.txt");
            if (actual != Normalize(expected[hint]))
            {
                File.WriteAllText(receivedPath, actual);
                Assert.Fail($"Generated '{hint}' differs from its snapshot {Path.Combine(dir, hint + ".txt")}; the new output is in {receivedPath}. " +
                            "If the change is intended, accept it with SSLDSL_ACCEPT_SNAPSHOTS=1 dotnet test tests/SslDsl.Generators.Tests.");
            }
            else if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
