using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// Objectives that predict a transformation or the future: rotation (which of N quarter turns),
/// jigsaw (which permutation of a fixed set shuffled the tiles), relative patch position (which of
/// the 8 neighbours), and time-series forecasting (the next Horizon steps from the augmented window before).
/// Each reads view 0 of the pipeline and adds a small head on the encoder.
/// </summary>
internal sealed class PredictionFamily : IObjectiveFamily
{
    public bool Owns(string objectiveName) =>
        objectiveName is "RotationPrediction" or "JigsawPrediction" or "RelativePatchPosition" or "ForecastLoss";

    public void Plan(TaskPlan plan)
    {
        var task = plan.Task;
        string name = task.Type.Name;
        bool viewDeclared = false;
        void View()
        {
            if (!viewDeclared && !plan.LossLines.Any(l => l.StartsWith("var views = ", System.StringComparison.Ordinal)))
            {
                plan.LossLines.Add($"var views = pipeline.Views(batch.{plan.Input.Tensor});");
            }

            viewDeclared = true;
        }

        foreach (var objective in task.Objectives.Where(o => Owns(o.Name)))
        {
            string variable = Naming.Variable(objective.Name);
            switch (objective.Name)
            {
                case "RotationPrediction":
                    View();
                    plan.AddMember(new ModelMember("rotationHead", "RotationHead", "ClassifierHead",
                        $"new ClassifierHead({name}.EncoderOutputDim, classes: {objective.Literal("Angles")})",
                        "Predicts which rotation was applied."));
                    plan.LossLines.Add($"var (rotated, rotationLabels) = ImagePretext.Rotations(views[0], angles: {objective.Literal("Angles")}, pipeline.Generator);");
                    plan.LossLines.Add($"var {variable} = Losses.Classification(model.RotationHead.forward(model.Encoder.forward(rotated)), rotationLabels);");
                    break;

                case "JigsawPrediction":
                    View();
                    plan.AddMember(new ModelMember("jigsawHead", "JigsawHead", "ClassifierHead",
                        $"new ClassifierHead({name}.EncoderOutputDim, classes: {objective.Literal("Permutations")}, hidden: {name}.EncoderOutputDim)",
                        "Predicts which permutation of the fixed set shuffled the tiles."));
                    plan.PipelineCode.Add(
                        "/// <summary>The fixed permutation set of the jigsaw task (maximal minimum Hamming distance, seed 0).</summary>\n" +
                        $"public static JigsawPermutations JigsawPermutations {{ get; }} = JigsawPermutations.Create(grid: {objective.Literal("Grid")}, count: {objective.Literal("Permutations")}, seed: 0);");
                    plan.LossLines.Add($"var (shuffled, permutationLabels) = ImagePretext.Jigsaw(views[0], grid: {objective.Literal("Grid")}, Pipeline.JigsawPermutations, pipeline.Generator);");
                    plan.LossLines.Add($"var {variable} = Losses.Classification(model.JigsawHead.forward(model.Encoder.forward(shuffled)), permutationLabels);");
                    break;

                case "RelativePatchPosition":
                    View();
                    plan.AddMember(new ModelMember("positionHead", "PositionHead", "ClassifierHead",
                        $"new ClassifierHead(2 * {name}.EncoderOutputDim, classes: 8, hidden: {name}.EncoderOutputDim)",
                        "Predicts where the neighbour patch lies relative to the centre patch (8 positions)."));
                    plan.LossLines.Add($"var (centre, neighbour, positionLabels) = ImagePretext.RelativePatches(views[0], grid: {objective.Literal("Grid")}, pipeline.Generator);");
                    plan.LossLines.Add("var pairFeatures = torch.cat(new[] { model.Encoder.forward(centre), model.Encoder.forward(neighbour) }, 1);");
                    plan.LossLines.Add($"var {variable} = Losses.Classification(model.PositionHead.forward(pairFeatures), positionLabels);");
                    break;

                case "ForecastLoss":
                {
                    // The target is the real future: only the context is augmented, so noise or a time mask never
                    // corrupts what the model is asked to predict.
                    var input = task.Input;
                    string channels = input?.Literal("Channels") ?? "1";
                    string horizon = objective.Literal("Horizon");
                    var decoder = task.Head("Decoder") ?? TaskModelBuilder.Defaults("Decoder");
                    plan.AddMember(new ModelMember("forecastHead", "ForecastHead", "VectorDecoder",
                        $"new VectorDecoder({name}.EncoderOutputDim, outputDim: {channels} * {horizon}, hidden: {decoder.Literal("Hidden")}, layers: {decoder.Literal("Layers")})",
                        "Predicts the next Horizon steps of every channel from the encoded context window."));
                    plan.LossLines.Add($"var (context, future) = SeriesPretext.SplitForecast(batch.{plan.Input.Tensor}, horizon: {horizon});");
                    plan.LossLines.Add("var augmentedContext = pipeline.Views(context)[0];");
                    plan.LossLines.Add($"var predicted = model.ForecastHead.forward(model.Encoder.forward(augmentedContext)).view(-1, {channels}, {horizon});");
                    plan.LossLines.Add($"var {variable} = Losses.Forecast(predicted, future.to(predicted.device));");
                    break;
                }
            }

            plan.Terms.Add(new LossTerm(Naming.TermName(objective.Name), variable, objective.Literal("Weight"), objective.Double("Weight")));
        }
    }
}
