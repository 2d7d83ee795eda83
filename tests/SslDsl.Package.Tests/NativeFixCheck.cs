using System;
using System.IO;
using System.Linq;
using System.Text;

namespace SslDsl.Package.Tests;

/// <summary>What the package's native fix must have done to a consumer's output, judged from the host and the files.</summary>
internal static class NativeFixCheck
{
    /// <summary>The version whose need the fix marks weak.</summary>
    public const string Version = "GLIBCXX_3.4.32";

    /// <summary>True when the host's libstdc++ lacks <see cref="Version"/>, so the fix must patch the copy (Linux only).</summary>
    public static bool HostNeedsFix()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        string? libstdcxx = new[]
        {
            "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/lib64/libstdc++.so.6", "/usr/lib64/libstdc++.so.6",
            "/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        }.FirstOrDefault(File.Exists);
        return libstdcxx is not null && !Encoding.ASCII.GetString(File.ReadAllBytes(libstdcxx)).Contains(Version + "\0", StringComparison.Ordinal);
    }

    /// <summary>The byte offsets at which two files of equal length differ.</summary>
    public static int[] DifferingOffsets(byte[] a, byte[] b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"The files differ in length ({a.Length} and {b.Length} bytes); the fix only flips one flag bit.");
        }

        return Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToArray();
    }
}
