using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// DINO's teacher-side state: the centre c [1, K] subtracted from the teacher's outputs (a persistent buffer,
/// saved in checkpoints), updated after each step as c &lt;- m c + (1 - m) mean(teacher outputs), and the
/// teacher temperature, warmed up linearly from <c>warmupTeacherTemperature</c> at epoch 0 to
/// <c>teacherTemperature</c> at epoch <c>warmupEpochs</c> (constant after). Centring keeps one dimension from
/// dominating; sharpening with a low temperature keeps the outputs from going uniform.
/// </summary>
public sealed class DinoCentering : nn.Module, IEpochAware
{
    private const string CenterBuffer = "center";
    private int _epoch;

    /// <summary>Creates the state with a zero centre.</summary>
    /// <param name="outputDim">The head's output dimensions K.</param>
    /// <param name="momentum">The centre's EMA momentum m in (0, 1) (DINO: 0.9).</param>
    /// <param name="teacherTemperature">The teacher temperature after the warm-up, &gt; 0 (DINO: 0.04 to 0.07).</param>
    /// <param name="warmupTeacherTemperature">The teacher temperature at epoch 0, &gt; 0 (DINO: 0.04).</param>
    /// <param name="warmupEpochs">Epochs of linear warm-up, &gt;= 0 (DINO: 30).</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public DinoCentering(int outputDim, double momentum = 0.9, double teacherTemperature = 0.04, double warmupTeacherTemperature = 0.04, int warmupEpochs = 0, string name = "dino_centering")
        : base(name)
    {
        const string op = nameof(DinoCentering);
        Guard.Positive(op, outputDim);
        Guard.OpenFraction(op, momentum);
        Guard.Positive(op, teacherTemperature);
        Guard.Positive(op, warmupTeacherTemperature);
        Guard.NonNegative(op, warmupEpochs);
        OutputDim = outputDim;
        Momentum = momentum;
        FinalTeacherTemperature = teacherTemperature;
        WarmupTeacherTemperature = warmupTeacherTemperature;
        WarmupEpochs = warmupEpochs;
        register_buffer(CenterBuffer, torch.zeros(1, outputDim), persistent: true);
    }

    /// <summary>The head's output dimensions K.</summary>
    public int OutputDim { get; }

    /// <summary>The centre's EMA momentum.</summary>
    public double Momentum { get; }

    /// <summary>The teacher temperature after the warm-up.</summary>
    public double FinalTeacherTemperature { get; }

    /// <summary>The teacher temperature at epoch 0.</summary>
    public double WarmupTeacherTemperature { get; }

    /// <summary>Epochs of the warm-up.</summary>
    public int WarmupEpochs { get; }

    /// <summary>The centre [1, K], detached.</summary>
    public Tensor Center => (get_buffer(CenterBuffer) ?? throw new InvalidOperationException($"{nameof(DinoCentering)}: the centre buffer is missing.")).detach();

    /// <summary>The teacher temperature of the current epoch: the warm-up value moved linearly to the final one over the warm-up epochs.</summary>
    public double TeacherTemperature => TemperatureAt(_epoch);

    /// <summary>The teacher temperature of epoch <paramref name="epoch"/> (0-based).</summary>
    public double TemperatureAt(int epoch) => epoch >= WarmupEpochs
        ? FinalTeacherTemperature
        : WarmupTeacherTemperature + ((FinalTeacherTemperature - WarmupTeacherTemperature) * epoch / WarmupEpochs);

    /// <inheritdoc />
    public void SetEpoch(int epoch) => _epoch = epoch;

    /// <summary>c &lt;- m c + (1 - m) mean over the rows of <paramref name="teacherOutputs"/> (every teacher view of the batch), without gradients.</summary>
    /// <param name="teacherOutputs">The teacher's outputs, [B, K].</param>
    /// <exception cref="ArgumentException">The outputs are not [B, K].</exception>
    public void Update(Tensor teacherOutputs)
    {
        Guard.LastDimension(nameof(DinoCentering), teacherOutputs, 2, OutputDim, "[B, K]");
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var center = get_buffer(CenterBuffer)!;
        var batchCenter = teacherOutputs.detach().to(center.dtype).to(center.device).mean(new long[] { 0 }, keepdim: true);
        center.mul_(Momentum).add_(batchCenter, 1 - Momentum);
    }
}
