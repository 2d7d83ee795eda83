using System.Collections.Generic;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// DINO: the student (encoder and [DinoHead]) sees every view, the teacher (their momentum copies) the global
/// crops without gradients; the loss matches the student's softmax on each view to the teacher's centred,
/// sharpened softmax on every other global crop. After each update the teacher follows the student by EMA and
/// the centre follows the teacher's outputs (<c>DinoCentering</c>, which also warms the teacher temperature up).
/// </summary>
internal sealed class SelfDistillationFamily : IObjectiveFamily
{
    public void Plan(TaskPlan plan, IReadOnlyList<AttributeModel> objectives)
    {
        var task = plan.Task;
        var dino = objectives.FirstOrDefault(x => x.Is(DinoLoss));
        var head = task.Head(DinoHead);
        var momentum = task.Head(MomentumEncoder);
        if (dino is null || head is null || momentum is null)
        {
            return;
        }

        plan.Model.Add(HeadMember(task, head, "dinoHead", "DinoHead", "The student's DINO head on the encoder."));
        CommonMembers.MomentumTarget(plan, momentum);
        plan.Model.Add(HeadMember(task, head, "targetDinoHead", "TargetDinoHead", "The teacher's DINO head: the momentum (EMA) copy of the student's.") with { CopiesWeightsOf = "dinoHead" });
        plan.Model.Add(new ModelMember(
            "dinoCentering",
            "DinoCentering",
            "DinoCentering",
            $"new DinoCentering({head.Literal(DinoHead.Output)}, momentum: {dino.Literal(DinoLoss.CenterMomentum)}, teacherTemperature: {dino.Literal(DinoLoss.TeacherTemperature)}, warmupTeacherTemperature: {dino.Literal(DinoLoss.WarmupTeacherTemperature)}, warmupEpochs: {dino.Literal(DinoLoss.WarmupTeacherTemperatureEpochs)})",
            "The centre of the teacher's outputs and the teacher temperature of the current epoch (saved in checkpoints)."));

        var o = plan.Objective;
        var (_, studentOutputs) = CropEncoding.Outputs(plan, "studentOutputs", "model.DinoHead.call(model.Encoder.call({0}))");
        string student = o.Local("student", $"{studentOutputs}.chunk({task.Views}, 0)");
        string teacherOutputs = o.NoGradLocal("teacherOutputs", $"model.TargetDinoHead.call(model.TargetEncoder.call({CropEncoding.GlobalCrops(plan)}))");
        string teacher = o.Local("teacher", $"{teacherOutputs}.chunk({task.GlobalViews}, 0)");
        o.Term(dino, o.Local("dino", $"Losses.Dino({student}, {teacher}, center: model.DinoCentering.Center, studentTemperature: {dino.Literal(DinoLoss.StudentTemperature)}, teacherTemperature: model.DinoCentering.TeacherTemperature)"));
        o.Output("teacher", teacherOutputs);

        plan.Trainer.AfterStep.Add("MomentumUpdate.Ema(model.TargetDinoHead, model.DinoHead, momentum);");
        plan.Trainer.AfterStep.Add("model.DinoCentering.Update(loss.Outputs[\"teacher\"]);");
    }

    /// <summary>A [DinoHead] on the encoder's output.</summary>
    private static ModelMember HeadMember(PretextTaskModel task, AttributeModel head, string field, string property, string summary) => new(
        field,
        property,
        "DinoHead",
        $"new DinoHead({task.Type.Name}.EncoderOutputDim, hidden: {head.Literal(DinoHead.Hidden)}, bottleneck: {head.Literal(DinoHead.Bottleneck)}, output: {head.Literal(DinoHead.Output)}, normalizeLastLayer: {head.Literal(DinoHead.NormalizeLastLayer)}, freezeLastLayerEpochs: {head.Literal(DinoHead.FreezeLastLayerEpochs)})",
        summary);
}
