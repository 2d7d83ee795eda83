using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Self-distillation losses: an online network predicts a target network's embedding.</summary>
public static partial class Losses
{
    /// <summary>
    /// BYOL's regression loss: the mean over the batch of
    /// ||normalize(online_i) - normalize(target_i)||^2 = 2 - 2 cos(online_i, target_i).
    /// The target is used as given: the caller detaches it (it comes from the momentum network).
    /// </summary>
    /// <param name="online">The online network's predictions, [N, D].</param>
    /// <param name="target">The target network's projections, [N, D].</param>
    /// <returns>A scalar tensor in [0, 4].</returns>
    /// <exception cref="ArgumentException">The inputs are not [N, D] of the same shape, or N is 0.</exception>
    public static Tensor Byol(Tensor online, Tensor target)
    {
        const string loss = "BYOL";
        Guard.Rank(loss, online, 2, "[N, D]");
        Guard.SameShape(loss, online, target);
        Guard.MinRows(loss, online, 1, "the loss averages over the batch");

        using var scope = torch.NewDisposeScope();
        var p = nn.functional.normalize(online, dim: 1);
        var z = nn.functional.normalize(target, dim: 1);
        var cosine = (p * z).sum(1);
        return cosine.mul(-2).add(2).mean().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// DINO's cross-entropy between the centred, sharpened teacher distribution of each teacher view and the
    /// student distribution of every other view: with P_t = softmax((t - center) / teacherTemperature) and
    /// log P_s = log_softmax(s / studentTemperature), the loss is the mean over the pairs (t, s) with t != s
    /// (view indices; the teacher's views are the first ones of the student's, the global crops) of the
    /// batch mean of -sum_k P_t[k] log P_s[k]. The teacher outputs are detached here.
    /// </summary>
    /// <param name="student">The student's head outputs of every view, global crops first, each [N, K].</param>
    /// <param name="teacher">The teacher's (momentum network's) head outputs of the global crops, each [N, K]; at most as many as <paramref name="student"/>.</param>
    /// <param name="center">The running centre of the teacher outputs, [1, K] or [K] (see <see cref="DinoCentering"/>).</param>
    /// <param name="studentTemperature">The student's softmax temperature, &gt; 0 (paper: 0.1).</param>
    /// <param name="teacherTemperature">The teacher's softmax temperature, &gt; 0 and below the student's to sharpen (paper: 0.04 to 0.07).</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A temperature is not &gt; 0.</exception>
    /// <exception cref="ArgumentException">No pair of different views, or the outputs do not share one [N, K] shape.</exception>
    public static Tensor Dino(Tensor[] student, Tensor[] teacher, Tensor center, double studentTemperature = 0.1, double teacherTemperature = 0.04)
    {
        const string loss = "DINO";
        Guard.NotNull(loss, student);
        Guard.NotNull(loss, teacher);
        Guard.Positive(loss, studentTemperature);
        Guard.Positive(loss, teacherTemperature);
        if (teacher.Length < 1 || student.Length < 2 || teacher.Length > student.Length)
        {
            throw new ArgumentException($"{loss}: the student must see at least 2 views and the teacher between 1 and as many (its views are the student's first ones), but there are {student.Length} student and {teacher.Length} teacher views.", nameof(student));
        }

        var first = student[0];
        Guard.Rank(loss, first, 2, "[N, K]");
        foreach (var s in student)
        {
            Guard.SameShape(loss, first, s);
        }

        foreach (var t in teacher)
        {
            Guard.SameShape(loss, first, t);
        }

        using var scope = torch.NewDisposeScope();
        var c = center.detach().reshape(1, -1);
        var logStudent = Array.ConvertAll(student, s => nn.functional.log_softmax(s.div(studentTemperature), 1));
        Tensor? total = null;
        int pairs = 0;
        for (int t = 0; t < teacher.Length; t++)
        {
            var target = nn.functional.softmax(teacher[t].detach().sub(c).div(teacherTemperature), 1);
            for (int s = 0; s < student.Length; s++)
            {
                if (s == t)
                {
                    continue;
                }

                var term = (target * logStudent[s]).sum(1).neg().mean();
                total = total is null ? term : total + term;
                pairs++;
            }
        }

        return total!.div(pairs).MoveToOuterDisposeScope();
    }
}
