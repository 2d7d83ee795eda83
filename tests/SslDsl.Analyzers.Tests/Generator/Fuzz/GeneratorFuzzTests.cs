using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// Fuzzes the generator and the analyzer with every mutant <see cref="SourceMutator"/> makes of every
/// declaration in <see cref="FuzzSeeds"/>: the generator runs on all of them; every
/// <see cref="SampleEvery"/>-th also gets the analyzer and the compiler check of generated code on
/// clean user code (each costs a full binding). See <see cref="MutantCheck"/> for what each mutant must satisfy.
/// </summary>
public class GeneratorFuzzTests
{
    /// <summary>
    /// Mutants 0, SampleEvery, 2 * SampleEvery, ... are sampled; SSLDSL_FUZZ_SAMPLE_EVERY overrides it
    /// (1 checks every mutant fully, see docs/generator-fuzz.md for the times).
    /// </summary>
    private static readonly int SampleEvery =
        int.TryParse(Environment.GetEnvironmentVariable("SSLDSL_FUZZ_SAMPLE_EVERY"), out int every) && every > 0 ? every : 4;

    private readonly ITestOutputHelper log;

    public GeneratorFuzzTests(ITestOutputHelper log) => this.log = log;

    [Fact]
    public void NoMutantOfAnyDeclarationBreaksGeneratorOrAnalyzer()
    {
        var mutants = FuzzSeeds.All.SelectMany(s => SourceMutator.Mutate(s.Name, s.Source)).ToList();
        var failures = new ConcurrentBag<string>();
        int analyzed = 0;
        var clock = Stopwatch.StartNew();

        Parallel.For(0, mutants.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            bool sampled = i % SampleEvery == 0;
            if (sampled)
            {
                Interlocked.Increment(ref analyzed);
            }

            var mutant = mutants[i];
            foreach (var problem in MutantCheck.Problems(mutant, sampled))
            {
                failures.Add($"{mutant.Seed} / {mutant.Kind} / {mutant.Edit}: {problem}");
            }
        });

        log.WriteLine($"{mutants.Count} mutants of {FuzzSeeds.All.Count} declarations in {clock.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores; analyzer and full check on {analyzed}.");
        foreach (var kind in mutants.GroupBy(m => m.Kind))
        {
            log.WriteLine($"  {kind.Key}: {kind.Count()}");
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} problems, e.g.:\n" + string.Join("\n", failures.OrderBy(f => f, StringComparer.Ordinal).Take(15)));
    }
}
