namespace SslDsl.Generators;

/// <summary>
/// The parts every generated Trainer shares, single-task or multi-task: constructors, the Model and
/// Pipeline properties, the overrides that expose the encoder and prepare inputs for embedding, the
/// ComputeLoss hook, and Dispose.
/// </summary>
internal static class TrainerShellEmitter
{
    /// <summary>Constructors, properties and overrides, up to and including ComputeLoss.</summary>
    public static void EmitMembers(SourceWriter w, TaskPlan plan, string pipelineSummary)
    {
        string batch = plan.Input.BatchType;
        string name = plan.Task.Type.Name;
        w.Summary("Creates a trainer with a new model.");
        w.Line("/// <param name=\"options\">Run-time overrides (epochs, batch size, device, output folder); null keeps the declared values.</param>");
        w.Line("public Trainer(TrainingOptions? options = null)");
        w.Line("    : this(null, options)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.SummaryXml("Creates a trainer around an existing model (or a new one when <paramref name=\"model\"/> is null).");
        using (w.Open($"public Trainer(Model? model, TrainingOptions? options)\n    : base({name}.DeclaredTraining, options)"))
        {
            w.Line("Model = model ?? new Model();");
            w.Line("Model.to(Device);");
            w.Line("Pipeline = new Pipeline(Device, Settings.Seed);");
        }

        w.Line();
        w.Summary("The model being trained.");
        w.Line("public Model Model { get; }");
        w.Line();
        w.Summary(pipelineSummary);
        w.Line("public Pipeline Pipeline { get; }");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public override nn.Module Network => Model;");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public override nn.Module<Tensor, Tensor> Encoder => Model.Encoder;");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public override int EncoderOutputDim => {name}.EncoderOutputDim;");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"protected override Tensor PrepareForEmbedding({batch} batch) => {name}.Pipeline.Prepare(batch.{plan.Input.Tensor});");
        if (batch == "TokenBatch")
        {
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("protected override Tensor Pool(Tensor encoderOutput, TokenBatch batch) => Backbones.MeanPool(encoderOutput, batch.AttentionMask.to(encoderOutput.device));");
        }

        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"protected override LossTerms ComputeLoss({batch} batch) => Objective(Model, Pipeline, batch);");
    }

    /// <summary>Dispose: the pipeline, then the base (optimizer and network).</summary>
    public static void EmitDispose(SourceWriter w)
    {
        w.Line();
        w.Line("/// <inheritdoc />");
        using (w.Open("protected override void Dispose(bool disposing)"))
        {
            w.Line("if (disposing)");
            w.Line("{");
            w.Line("    Pipeline.Dispose();");
            w.Line("}");
            w.Line();
            w.Line("base.Dispose(disposing);");
        }
    }
}
