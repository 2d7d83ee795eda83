using System.IO;
using System.Linq;
using SslDsl;
using SslDsl.Tests.Training;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Numerics;

/// <summary>
/// A non-finite gradient with a finite loss stops the step before the update (it used to poison the
/// next step silently), and <see cref="TrainingOptions.CheckNumerics"/> names the module that made it.
/// </summary>
public class NonFiniteDiagnosisTests
{
    private static TrainingOptions Options(bool checkNumerics) => new()
    {
        Device = torch.CPU,
        ShowProgress = false,
        Log = TextWriter.Null,
        WritePlots = false,
        CheckNumerics = checkNumerics,
        CollapseMonitor = null,
    };

    private static System.Collections.Generic.Dictionary<string, Tensor> Parameters(nn.Module module) =>
        module.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());

    [Fact]
    public void AFiniteLossWithANaNGradientStopsBeforeTheUpdateAndNamesTheParameter()
    {
        using var data = TinyData.Images(16, seed: 1);
        using var trainer = new NaNInBackwardTask.Trainer(Options(checkNumerics: false));
        var before = Parameters(trainer.Network);
        var batch = data.Batches(16).First();
        var e = Assert.Throws<NonFiniteLossException>(() => trainer.Step(batch));

        Assert.Equal(0, e.Step);
        Assert.True(double.IsFinite(e.Terms["nt_xent"]), "the loss itself was finite");
        Assert.True(double.IsNaN(e.Terms[NonFiniteLossException.GradientNormTerm]));
        Assert.False(e.UpdateApplied);
        Assert.Contains("the first parameter with a non-finite gradient is encoder.first.weight", e.Message);
        Assert.Contains("TrainingOptions.CheckNumerics", e.Message);
        TinyData.AssertIdentical(before, Parameters(trainer.Network));
        Assert.Equal(0, trainer.GlobalStep);
    }

    [Fact]
    public void CheckNumericsNamesTheModuleWhoseBackwardMadeTheFirstNonFiniteGradient()
    {
        using var data = TinyData.Images(16, seed: 1);
        using var trainer = new NaNInBackwardTask.Trainer(Options(checkNumerics: true));
        var e = Assert.Throws<NonFiniteLossException>(() => trainer.Step(data.Batches(16).First()));

        Assert.Contains("the gradient reaching the output of encoder.first (Linear, output 32x12) is the first non-finite gradient in backward order", e.Detail);
        Assert.Contains("encoder.abs (SqrtOfSquare, output 32x12), the next module in execution order", e.Detail);
        Assert.Contains(e.Detail!, e.Message);
    }

    [Fact]
    public void CheckNumericsNamesTheFirstModuleWithANonFiniteOutput()
    {
        using var data = TinyData.Images(16, seed: 1);
        using var trainer = new NaNInForwardTask.Trainer(Options(checkNumerics: true));
        var e = Assert.Throws<NonFiniteLossException>(() => trainer.Step(data.Batches(16).First()));

        Assert.False(double.IsFinite(e.Terms["nt_xent"]));
        Assert.Equal("the output of encoder.log (Log, output 32x12) holds 384 NaN and 0 infinite value(s) of 384; " +
            "it is the first non-finite value of the forward pass (every module that ran before it gave finite outputs).", e.Detail);
    }

    [Fact]
    public void AParameterThatTheUpdateMadeNonFiniteIsNamed()
    {
        using var module = nn.Sequential(("a", nn.Linear(2, 2)), ("b", nn.Linear(2, 2)));
        Assert.Null(NumericsWatch.DiagnoseParameters(module));
        using (torch.no_grad())
        {
            module.named_parameters().Single(p => p.name == "b.weight").parameter[1, 0] = float.PositiveInfinity;
        }

        Assert.Equal("parameter b.weight holds 0 NaN and 1 infinite value(s) of 4 after the optimizer update", NumericsWatch.DiagnoseParameters(module));
    }

    [Fact]
    public void WithoutNonFiniteValuesCheckNumericsTrainsLikeAPlainRun()
    {
        using var data = TinyData.Images(32, seed: 2);
        using var plain = new TinySimClr.Trainer(TinyData.Quiet());
        using var checkedRun = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, ShowProgress = false, Log = TextWriter.Null, WritePlots = false, CheckNumerics = true,
        });
        checkedRun.Network.load_state_dict(plain.Network.state_dict());
        foreach (var batch in data.Batches(16))
        {
            Assert.Equal(plain.Step(batch), checkedRun.Step(batch));
        }

        TinyData.AssertIdentical(TinyData.Snapshot(plain.Network), TinyData.Snapshot(checkedRun.Network));
    }
}
