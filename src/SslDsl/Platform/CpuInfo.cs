using System;
using System.IO;
using System.Linq;

namespace SslDsl;

/// <summary>Fields of Linux's /proc/cpuinfo (the first processor's).</summary>
internal static class CpuInfo
{
    /// <summary>The value of the first line named <paramref name="name"/> ("model name", "flags"), trimmed; null where there is no such line or no /proc/cpuinfo.</summary>
    public static string? Field(string name)
    {
        try
        {
            if (!File.Exists("/proc/cpuinfo"))
            {
                return null;
            }

            string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
            return line is not null && line.IndexOf(':') is int i and >= 0 ? line[(i + 1)..].Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
