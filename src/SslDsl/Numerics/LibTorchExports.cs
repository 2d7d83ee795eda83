using System;
using System.Runtime.InteropServices;
using TorchSharp;

namespace SslDsl;

/// <summary>Finds C++ entry points of libtorch_cpu that TorchSharp does not bind (<see cref="LibTorchContext"/>, <see cref="Autocast"/>).</summary>
internal static class LibTorchExports
{
    private static readonly string[] LibraryNames = { "libtorch_cpu.so", "libtorch_cpu.dylib", "torch_cpu.dll" };

    /// <summary>The addresses of <paramref name="symbols"/> (mangled names), in order, or null when libtorch_cpu lacks any of them.</summary>
    public static IntPtr[]? Find(params string[] symbols)
    {
        // Any torch call loads libtorch (and with it libtorch_cpu) through TorchSharp's own loader;
        // the names then resolve to the library already in the process.
        _ = torch.get_num_threads();
        foreach (string name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, out var handle))
            {
                continue;
            }

            var found = new IntPtr[symbols.Length];
            bool all = true;
            for (int i = 0; i < symbols.Length && all; i++)
            {
                all = NativeLibrary.TryGetExport(handle, symbols[i], out found[i]);
            }

            if (all)
            {
                return found;
            }
        }

        return null;
    }
}
