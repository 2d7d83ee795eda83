namespace SslDsl.Generators;

/// <summary>
/// Writes the members every generated Pipeline class starts with: its seeded generator, the constructor, the
/// device, the generator's accessors for checkpoints and the trainer's factory method.
/// </summary>
internal static class PipelineScaffold
{
    /// <summary>Writes the scaffold; <paramref name="draws"/> names what the generator draws for, e.g. "every random draw".</summary>
    public static void Emit(SourceWriter w, string draws)
    {
        w.Line("private readonly Generator generator;");
        w.Line();
        w.SummaryXml("Creates the pipeline on <paramref name=\"device\"/>, its random draws seeded by <paramref name=\"seed\"/>.");
        using (w.Open("public Pipeline(Device device, long seed)"))
        {
            w.Line("Device = device ?? throw new ArgumentNullException(nameof(device));");
            w.Line("generator = new Generator(unchecked((ulong)seed), device);");
        }

        w.Line();
        w.Summary("The device the pipeline draws on.");
        w.Line("public Device Device { get; }");
        w.Line();
        w.Summary($"The generator {draws} comes from (its state is saved in checkpoints).");
        w.Line("public Generator Generator => generator;");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("IReadOnlyList<Generator> ITaskPipeline<Pipeline>.Generators => new[] { generator };");
        w.Line();
        w.SummaryXml("Creates the pipeline on <paramref name=\"device\"/> (the trainer's factory).");
        w.Line("public static Pipeline Create(Device device, long seed) => new(device, seed);");
    }
}
