using SslDsl.Tests.Distributed;

namespace SslDsl.Tests;

/// <summary>
/// The entry point of this test assembly when it runs as a program rather than under the test host: the
/// data-parallel tests start it under <c>mpiexec</c> as <c>dotnet SslDsl.Tests.dll distributed-worker ...</c>
/// (<see cref="DistributedWorker"/>), so the ranks run the same tasks as the tests without another project and
/// another copy of the native libraries.
/// </summary>
public static class Program
{
    /// <summary>Runs a worker scenario; exit code 2 for anything else.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "distributed-worker")
        {
            return DistributedWorker.Run(args[1..]);
        }

        System.Console.Error.WriteLine("SslDsl.Tests runs under 'dotnet test'; as a program it takes: distributed-worker collectives|train ...");
        return 2;
    }
}
