using SslDsl;

namespace SslDslSamples;

/// <summary>The command-line names of the training settings, so that run-time messages tell the user what to type.</summary>
internal static class CliNames
{
    /// <summary>Names for the pretraining options; <paramref name="dataOptions"/> names the options that choose the training data.</summary>
    public static SettingNames Pretraining(string dataOptions) => SettingNames.CommandLine(
        (nameof(TrainingOptions.Epochs), "--epochs"),
        (nameof(TrainingOptions.BatchSize), "--batch-size"),
        (nameof(TrainingOptions.Seed), "--seed"),
        (nameof(TrainingOptions.Device), "--device"),
        (nameof(TrainingOptions.OutputDirectory), "--out"),
        (nameof(TrainingOptions.Resume), "--resume"),
        (nameof(TrainingOptions.ResumeFrom), "--resume-from"),
        (nameof(TrainingOptions.Overwrite), "--overwrite"),
        (SettingNames.Dataset, dataOptions));

    /// <summary>Names for a downstream run (probe, fine-tuning) whose epochs come from <paramref name="epochsOption"/>.</summary>
    public static SettingNames Downstream(string epochsOption) => SettingNames.CommandLine(
        (nameof(TrainingOptions.Epochs), epochsOption),
        (nameof(TrainingOptions.Seed), "--seed"),
        (nameof(TrainingOptions.Device), "--device"));
}
