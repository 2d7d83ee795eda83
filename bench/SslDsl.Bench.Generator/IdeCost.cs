using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SslDsl.Analyzers;
using SslDsl.Generators;

namespace SslDsl.Bench.Generator;

/// <summary>
/// What the analyzers and the generator cost a project of N task declarations, against compiling it, timed by
/// Roslyn: the analyzer on the whole compilation, as a build runs it, and on one document, as an IDE runs it on
/// a keystroke (the time in its callbacks, from <see cref="CompilationWithAnalyzers"/> telemetry); the generator
/// (<see cref="GeneratorDriver.GetTimingInfo"/>) cold, as a build runs it, and after a one-character edit of one
/// task, as an IDE does; and the compile (binding and emitting the tasks and their generated code). Wall clock,
/// plus the process's CPU time for the generator and the compile (other work on shared cores stretches wall time
/// far more than CPU time; the analyzer's callbacks cannot be timed apart from the driver's own binding in CPU
/// time). Each is measured <c>repeats</c> times; the report gives the median and the fastest.
/// </summary>
internal static class IdeCost
{
    /// <summary>Measures and writes the report (markdown) to <paramref name="output"/>.</summary>
    public static async Task RunAsync(int tasks, int repeats, TextWriter output)
    {
        var trees = TaskCorpus.Trees(tasks);
        int edited = tasks / 2;
        var editedTree = OneCharacterEdit(trees[edited]);
        var wall = new Dictionary<string, List<TimeSpan>>();
        var cpu = new Dictionary<string, List<TimeSpan>>();
        var process = Process.GetCurrentProcess();
        TimeSpan Cpu()
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }

        bool warmUp = true;
        void Add(string name, TimeSpan wallTime, TimeSpan? cpuTime)
        {
            if (warmUp)
            {
                return;
            }

            (wall.TryGetValue(name, out var w) ? w : wall[name] = new List<TimeSpan>()).Add(wallTime);
            if (cpuTime is { } c)
            {
                (cpu.TryGetValue(name, out var list) ? list : cpu[name] = new List<TimeSpan>()).Add(c);
            }
        }

        string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
        // One run first that is not counted: it JIT-compiles Roslyn, the generator and the analyzer.
        for (int r = -1; r < repeats; r++)
        {
            warmUp = r < 0;
            var compilation = TaskCorpus.Compile(trees);
            var start = Cpu();
            var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
            Add(ColdGenerator, driver.GetTimingInfo().ElapsedTime, Cpu() - start);
            var before = Sources(driver);
            Check(before.Count == tasks && generatorDiagnostics.IsEmpty, $"expected {tasks} generated files and no generator diagnostic, got {before.Count} and {generatorDiagnostics.Length}");

            var editedCompilation = compilation.ReplaceSyntaxTree(trees[edited], editedTree);
            start = Cpu();
            driver = driver.RunGeneratorsAndUpdateCompilation(editedCompilation, out _, out _);
            Add(EditGenerator, driver.GetTimingInfo().ElapsedTime, Cpu() - start);
            var changed = Sources(driver).Where(s => before[s.Key] != s.Value).Select(s => s.Key).ToList();
            Check(changed.Count == 1, $"the edit should regenerate one file, it changed {changed.Count}");

            var withGenerated = generated.SyntaxTrees.ToArray();
            var stopwatch = Stopwatch.StartNew();
            start = Cpu();
            using (var stream = new MemoryStream())
            {
                var emit = TaskCorpus.Compile(withGenerated).Emit(stream);
                Check(emit.Success, "the project does not compile: " + string.Join("; ", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3)));
            }

            Add(Compile, stopwatch.Elapsed, Cpu() - start);
            var whole = await AnalyzeAsync(TaskCorpus.Compile(withGenerated), null);
            Add(WholeAnalyzers, whole, null);
            Add(AnalyzerWork, TimeSpan.Zero, AnalyzerWorkCpu(TaskCorpus.Compile(withGenerated), trees.Length, Cpu));
            var document = TaskCorpus.Compile(withGenerated);
            Add(DocumentAnalyzers, await AnalyzeAsync(document, document.SyntaxTrees.ElementAt(edited)), null);
        }

        Write(output, tasks, repeats, load, File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown", wall, cpu);
        output.WriteLine(TransformRuns(trees, edited, editedTree));
    }

    /// <summary>
    /// How the edit propagates through the generator's steps: its transform runs again for every declaration
    /// (a new compilation can change what any attribute binds to), and all but the edited one produce a model
    /// equal to the last, so only one file is emitted again.
    /// </summary>
    private static string TransformRuns(SyntaxTree[] trees, int edited, SyntaxTree editedTree)
    {
        var compilation = TaskCorpus.Compile(trees);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new PretextTaskGenerator().AsSourceGenerator() }, parseOptions: TaskCorpus.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation).RunGenerators(compilation.ReplaceSyntaxTree(trees[edited], editedTree));
        var steps = driver.GetRunResult().Results[0].TrackedSteps;
        var transform = steps[TrackingNames.PretextTasks];
        int modified = transform.SelectMany(s => s.Outputs).Count(o => o.Reason == IncrementalStepRunReason.Modified);
        int emitted = steps["SourceOutput"].SelectMany(s => s.Outputs).Count(o => o.Reason == IncrementalStepRunReason.Modified);
        return $"After the edit the {TrackingNames.PretextTasks} transform ran {transform.Length} times; {modified} model(s) changed and {emitted} file(s) were emitted again.";
    }

    /// <summary>
    /// Runs the analyzer on <paramref name="compilation"/>: every declaration, or the symbols of
    /// <paramref name="tree"/> only (what an IDE analyzes for the document being edited); returns the time spent
    /// in its callbacks (Roslyn's analyzer telemetry, wall clock).
    /// </summary>
    private static async Task<TimeSpan> AnalyzeAsync(Compilation compilation, SyntaxTree? tree)
    {
        var analyzer = new PretextTaskAnalyzer();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);
        var diagnostics = tree is null
            ? await withAnalyzers.GetAnalyzerDiagnosticsAsync()
            : await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, default);
        Check(diagnostics.IsEmpty, "the analyzer reported " + string.Join("; ", diagnostics.Take(3)));
        return (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime;
    }

    /// <summary>
    /// The CPU time of what the analyzer does for each task (<c>TaskParser.Parse</c>, then <c>TaskValidator.Validate</c>,
    /// as <see cref="PretextTaskAnalyzer"/> does) once the compiler has bound the declarations' attributes, as it
    /// has when a build runs the analyzers: a first pass binds them, the second is timed.
    /// </summary>
    private static TimeSpan AnalyzerWorkCpu(Compilation compilation, int tasks, Func<TimeSpan> cpu)
    {
        var types = compilation.SyntaxTrees.Take(tasks)
            .Select(t => (INamedTypeSymbol)compilation.GetSemanticModel(t).GetDeclaredSymbol(t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().First())!)
            .ToList();
        int Analyze() => types.Sum(type => TaskValidator.Validate(TaskParser.Parse(type, default)).Count);
        Check(Analyze() == 0, "the validator reported diagnostics");
        var start = cpu();
        Analyze();
        return cpu() - start;
    }

    /// <summary>The task's temperature 0.5 becomes 0.6: one character, one changed declaration.</summary>
    private static SyntaxTree OneCharacterEdit(SyntaxTree tree)
    {
        var text = tree.GetText();
        int at = text.ToString().IndexOf("Temperature = 0.5", StringComparison.Ordinal) + "Temperature = 0.".Length;
        return tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, 1), "6")));
    }

    private static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(new[] { new PretextTaskGenerator().AsSourceGenerator() }, parseOptions: TaskCorpus.ParseOptions);

    private static Dictionary<string, string> Sources(GeneratorDriver driver) =>
        driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    private static void Write(TextWriter output, int tasks, int repeats, string loadBefore, string loadAfter, Dictionary<string, List<TimeSpan>> wall, Dictionary<string, List<TimeSpan>> cpu)
    {
        static double Median(List<TimeSpan> s) => s.Select(t => t.TotalMilliseconds).OrderBy(x => x).ElementAt(s.Count / 2);
        static double Fastest(List<TimeSpan> s) => s.Min(t => t.TotalMilliseconds);
        static string F(double ms) => ms.ToString(ms < 10 ? "0.00" : "0", CultureInfo.InvariantCulture);
        static string P(double part, double whole) => (100 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";

        output.WriteLine($"{tasks} task declarations, {repeats} repeats; /proc/loadavg before: {loadBefore}, after: {loadAfter}; {Environment.ProcessorCount} cores");
        output.WriteLine();
        output.WriteLine("| what | wall ms, median | wall ms, fastest | wall ms per declaration, fastest | CPU ms, median | CPU ms, fastest | CPU ms per declaration, median |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var name in wall.Keys)
        {
            int per = name is EditGenerator or DocumentAnalyzers ? 1 : tasks;
            bool hasWall = name != AnalyzerWork;
            bool hasCpu = cpu.TryGetValue(name, out var c);
            string w = hasWall ? $"{F(Median(wall[name]))} | {F(Fastest(wall[name]))} | {F(Fastest(wall[name]) / per)}" : " | | ";
            string p = hasCpu ? $"{F(Median(c!))} | {F(Fastest(c!))} | {F(Median(c!) / per)}" : " | | ";
            output.WriteLine($"| {name} | {w} | {p} |");
        }

        double compileCpu = Median(cpu[Compile]);
        double buildCpu = Median(cpu[ColdGenerator]) + Median(cpu[AnalyzerWork]);
        output.WriteLine();
        output.WriteLine($"CPU, medians: cold generator + analyzer work = {F(buildCpu)} ms = {P(buildCpu, compileCpu)} of the compile ({F(compileCpu)} ms), {F(buildCpu / tasks)} ms per declaration; " +
            $"after a one-character edit the generator takes {F(Median(cpu[EditGenerator]))} ms = {F(Median(cpu[EditGenerator]) / tasks)} ms per declaration of the project.");
        foreach (var (label, pick) in new (string, Func<List<TimeSpan>, double>)[] { ("fastest", Fastest), ("median", Median) })
        {
            double compile = pick(wall[Compile]);
            double build = pick(wall[WholeAnalyzers]) + pick(wall[ColdGenerator]);
            double keystroke = pick(wall[DocumentAnalyzers]) + pick(wall[EditGenerator]);
            output.WriteLine($"Wall, {label}s: analyzer callbacks + cold generator = {F(build)} ms = {P(build, compile)} of the compile ({F(compile)} ms), {F(build / tasks)} ms per declaration; " +
                $"a keystroke (analyzer callbacks on the edited document + incremental generator) = {F(keystroke)} ms, {F(keystroke / tasks)} ms per declaration of the project.");
        }
    }

    private const string ColdGenerator = "generator, cold run";
    private const string EditGenerator = "generator, after a one-character edit";
    private const string Compile = "compile (bind and emit tasks and generated code)";
    private const string WholeAnalyzers = "analyzer callbacks, whole compilation";
    private const string AnalyzerWork = "analyzer work, whole compilation (attributes bound)";
    private const string DocumentAnalyzers = "analyzer callbacks, the edited document";
}
