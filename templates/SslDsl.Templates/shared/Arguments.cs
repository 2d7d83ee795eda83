using System;
using System.Globalization;

namespace SslDslTask;

/// <summary>The command line: --epochs N (default 1) and --limit N (how many samples to train on).</summary>
internal static class Arguments
{
    /// <summary>Reads <paramref name="args"/>; on a bad argument, says which in one line and returns false.</summary>
    public static bool TryParse(string[] args, int defaultLimit, out int epochs, out int limit)
    {
        epochs = 1;
        limit = defaultLimit;
        for (int i = 0; i < args.Length; i++)
        {
            bool known = args[i] is "--epochs" or "--limit";
            if (!known || i + 1 == args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
            {
                Console.Error.WriteLine(known ? $"{args[i]} takes a whole number of at least 1." : $"Unknown argument '{args[i]}'; use --epochs N and --limit N.");
                return false;
            }

            if (args[i++] == "--epochs")
            {
                epochs = value;
            }
            else
            {
                limit = value;
            }
        }

        return true;
    }
}
