using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// Joint-embedding objectives: every view goes through the encoder and the projection head in
/// one batched forward pass, then the loss compares the views' embeddings.
/// </summary>
internal sealed class JointEmbeddingFamily : IObjectiveFamily
{
    public bool Owns(string objectiveName) => AttributeCatalog.JointEmbedding.Contains(objectiveName);

    public void Plan(TaskPlan plan)
    {
        var task = plan.Task;
        var objectives = task.Objectives.Where(o => Owns(o.Name)).ToArray();
        if (objectives.Length == 0)
        {
            return;
        }

        string embedding = "representations";
        var projection = task.Head("ProjectionHead");
        if (projection is not null)
        {
            plan.AddMember(CommonMembers.Projection(task, projection));
        }

        plan.LossLines.Add($"var views = pipeline.Views(batch.{plan.Input.Tensor});");
        plan.LossLines.Add("var representations = model.Encoder.forward(torch.cat(views, 0));");
        if (projection is not null)
        {
            plan.LossLines.Add("var projections = model.Projection.forward(representations);");
            embedding = "projections";
        }

        plan.LossLines.Add($"var z = {embedding}.chunk({task.Views}, 0);");
        foreach (var objective in objectives)
        {
            string variable = Naming.Variable(objective.Name);
            switch (objective.Name)
            {
                case "NtXentLoss":
                    plan.LossLines.Add($"var {variable} = Losses.NtXent(z[0], z[1], temperature: {objective.Literal("Temperature")});");
                    break;
                default:
                    plan.LossLines.Add($"var {variable} = Losses.{objective.Name.Replace("Loss", "")}(z[0], z[1]);");
                    break;
            }

            plan.Terms.Add(new LossTerm(Naming.TermName(objective.Name), variable, objective.Literal("Weight"), objective.Double("Weight")));
        }
    }
}
