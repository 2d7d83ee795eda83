using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL031 (a generic task class, or one nested in a generic type) and SSL032 (a warm-up as long as training, a warning).</summary>
public class Ssl031Ssl032Tests
{
    public static readonly string FailingGeneric = Sources.Task(Sources.SimClr, name: "{|SSL031:G|}<TItem>");

    /// <summary>A valid task nested in a generic class: every type argument of Outer would make another task of the same name.</summary>
    public static readonly string FailingNestedGeneric = Sources.Usings + """
        public partial class Outer<TItem>
        {
        """ + "\n" + Sources.SimClr + "\npublic partial class {|SSL031:Inner|}\n{\n" + Sources.Encoder + "}\n}\n";

    /// <summary>A typical smoke run: one epoch, one epoch of warm-up.</summary>
    public static readonly string FailingWarmup = Sources.SimClrWith("[LearningRateSchedule(ScheduleKind.WarmupCosine, {|SSL032:WarmupEpochs = 1|})]\n[Training(Epochs = 1)]");

    [Fact]
    public Task GenericTaskClassIsReported() => AnalyzerTest.VerifyAsync(FailingGeneric);

    [Fact]
    public Task GenericTaskClassWithAConstraintIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr, name: "{|SSL031:G|}<TItem> where TItem : class"));

    [Fact]
    public Task TaskNestedInAGenericClassIsReported() => AnalyzerTest.VerifyAsync(FailingNestedGeneric);

    [Fact]
    public Task GenericMultiTaskIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr, name: "A") + Sources.Task("""
        [MultiTaskPretraining("joint")]
        [Objective(typeof(A))]
        """, name: "{|SSL031:Joint|}<TItem>").Replace(Sources.Usings, ""));

    [Fact]
    public Task TaskNestedInANonGenericClassIsValid() => AnalyzerTest.VerifyAsync(FailingNestedGeneric.Replace("Outer<TItem>", "Outer").Replace("{|SSL031:Inner|}", "Inner"));

    [Fact]
    public Task WarmupAsLongAsTrainingIsAWarning() => AnalyzerTest.VerifyAsync(FailingWarmup);

    [Fact]
    public Task WarmupLongerThanTrainingIsAWarning() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[LearningRateSchedule(ScheduleKind.WarmupCosine, {|SSL032:WarmupEpochs = 10|})]\n[Training(Epochs = 3)]"));

    [Fact]
    public Task WarmupShorterThanTrainingIsValid() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[LearningRateSchedule(ScheduleKind.WarmupCosine, WarmupEpochs = 0.5)]\n[Training(Epochs = 1)]"));

    [Fact]
    public Task WarmupOfAnotherScheduleIsNotChecked() => AnalyzerTest.VerifyAsync(Sources.SimClrWith("[LearningRateSchedule(ScheduleKind.Cosine, WarmupEpochs = 5)]\n[Training(Epochs = 1)]"));
}
