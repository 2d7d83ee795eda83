using System.Globalization;
using System.Text;

namespace SslDsl;

/// <summary>The settings a run actually uses, for the console.</summary>
public abstract partial class PretextTrainer<TBatch>
{
    /// <summary>
    /// The settings in force for this trainer, the run-time options applied to the declared
    /// defaults (the generated <c>T.Describe()</c> shows the declaration alone): epochs, batch size,
    /// seed, learning rate and gradient clip, each overridden value followed by the declared one (and the
    /// gradient accumulation when there is one, and the precision when it is not float32),
    /// then the device, the output folder and whether the run resumes.
    /// </summary>
    public string DescribeSettings()
    {
        var c = CultureInfo.InvariantCulture;
        string Value<T>(string name, T value, T declared) => Equals(value, declared)
            ? string.Create(c, $"{name} = {value}")
            : string.Create(c, $"{name} = {value} (declared {declared})");
        var text = new StringBuilder();
        text.Append(c, $"Settings of this run of '{Settings.TaskName}' (options applied to the declared defaults):\n");
        text.Append("  Training: ").AppendJoin(", ",
            Value("Epochs", Settings.Epochs, _declared.Epochs),
            Value("BatchSize", Settings.BatchSize, _declared.BatchSize),
            Value("Seed", Settings.Seed, _declared.Seed),
            Value("LearningRate", Settings.Optimizer.LearningRate, _declared.Optimizer.LearningRate),
            Value("GradientClip", Settings.GradientClip, _declared.GradientClip));
        if (Settings.AccumulateSteps != 1)
        {
            text.Append(c, $", AccumulateSteps = {Settings.AccumulateSteps} (an update every {Settings.AccumulateSteps} batches, effectively of {Settings.AccumulateSteps * Settings.BatchSize} samples)");
        }

        // Like the accumulation, the precision is named only when a run does not train in float32 or its task declares another.
        if (Precision != TrainingPrecision.Float32 || _declared.Precision != TrainingPrecision.Float32)
        {
            text.Append(", ").Append(Value("Precision", Precision, _declared.Precision));
        }

        text.Append('\n');
        string output = Options.OutputDirectory is string dir ? System.IO.Path.GetFullPath(dir) : "none (nothing is written)";
        string resume = Options.ResumeFrom is string from ? $"from {from}" : Options.Resume ? "from the newest checkpoint" : Options.Overwrite ? "no (overwrites an earlier run)" : "no";
        text.Append(c, $"  Device: {Device}; output folder: {output}; resume: {resume}");
        return text.ToString();
    }
}
