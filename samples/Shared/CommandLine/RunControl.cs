namespace SslDslSamples;

/// <summary>How a sample's pretraining treats its output folder: continue the run there, continue from a given checkpoint, or replace it.</summary>
/// <param name="Resume">--resume: continue from the newest checkpoint in the output folder.</param>
/// <param name="ResumeFrom">--resume-from: continue from this checkpoint file.</param>
/// <param name="Overwrite">--overwrite: replace the run already in the output folder.</param>
public sealed record RunControl(bool Resume = false, string? ResumeFrom = null, bool Overwrite = false);
