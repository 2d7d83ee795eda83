namespace SslDsl.Generators;

/// <summary>
/// A family of objectives (joint-embedding, reconstruction, ...) that knows which heads its
/// objectives need and how their loss is computed. Families are asked in order; each plans the
/// objectives it owns.
/// </summary>
internal interface IObjectiveFamily
{
    /// <summary>Whether the family owns <paramref name="objectiveName"/>.</summary>
    bool Owns(string objectiveName);

    /// <summary>Adds the members, loss lines and terms for the owned objectives of the plan's task.</summary>
    void Plan(TaskPlan plan);
}
