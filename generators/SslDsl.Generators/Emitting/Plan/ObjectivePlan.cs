using System;
using System.Collections.Generic;

namespace SslDsl.Generators;

/// <summary>A named, weighted term of the total loss.</summary>
/// <param name="Name">Name in metrics (snake_case).</param>
/// <param name="Variable">The local variable holding the unweighted term.</param>
/// <param name="Weight">Its weight as a C# literal.</param>
/// <param name="IsUnitWeight">Whether the weight is exactly 1 (the term is then used as it is).</param>
internal sealed record LossTerm(string Name, string Variable, string Weight, bool IsUnitWeight);

/// <summary>A tensor the loss passes to the work after the update, as <c>.With(Key, Expression)</c>.</summary>
internal sealed record LossOutput(string Key, string Expression);

/// <summary>One statement of the objective's body; it writes itself.</summary>
internal abstract record ObjectiveStatement
{
    /// <summary>Writes the statement.</summary>
    public abstract void Write(SourceWriter w);
}

/// <summary><c>var name = expression;</c></summary>
internal sealed record LocalStatement(string Name, string Expression) : ObjectiveStatement
{
    /// <inheritdoc />
    public override void Write(SourceWriter w) => w.Line($"var {Name} = {Expression};");
}

/// <summary><c>var (a, b) = expression;</c></summary>
internal sealed record DeconstructionStatement(EquatableArray<string> Names, string Expression) : ObjectiveStatement
{
    /// <inheritdoc />
    public override void Write(SourceWriter w) => w.Line($"var ({string.Join(", ", Names)}) = {Expression};");
}

/// <summary>A tensor computed without gradients (a momentum target's output).</summary>
internal sealed record NoGradStatement(string Name, string Expression) : ObjectiveStatement
{
    /// <inheritdoc />
    public override void Write(SourceWriter w)
    {
        w.Line($"Tensor {Name};");
        using (w.Open("using (torch.no_grad())"))
        {
            w.Line($"{Name} = {Expression};");
        }

        w.Line();
    }
}

/// <summary>
/// The body of the static Trainer.Objective(model, pipeline, batch): straight-line statements, then the
/// weighted terms and the outputs. Every local is declared through it, so two families can never declare
/// the same name; values several families read (the batch's views) are declared once, on first request.
/// </summary>
internal sealed class ObjectivePlan
{
    private readonly HashSet<string> _names = new() { "model", "pipeline", "batch", "total" };
    private readonly List<ObjectiveStatement> _statements = new();
    private readonly List<LossTerm> _terms = new();
    private readonly List<LossOutput> _outputs = new();
    private readonly Dictionary<string, string> _shared = new();
    private readonly InputKind _input;
    private readonly PipelinePlan _pipeline;
    private string? _views;

    public ObjectivePlan(InputKind input, PipelinePlan pipeline)
    {
        _input = input;
        _pipeline = pipeline;
    }

    /// <summary>The statements, in order.</summary>
    public IReadOnlyList<ObjectiveStatement> Statements => _statements;

    /// <summary>The loss terms, in declaration order.</summary>
    public IReadOnlyList<LossTerm> Terms => _terms;

    /// <summary>The outputs passed on to the work after the update.</summary>
    public IReadOnlyList<LossOutput> Outputs => _outputs;

    /// <summary>Declares <c>var name = expression;</c> and returns the name.</summary>
    public string Local(string name, string expression)
    {
        _statements.Add(new LocalStatement(Reserve(name), expression));
        return name;
    }

    /// <summary>
    /// Declares <c>var name = expression;</c> the first time and returns the name; later requests for the same
    /// name and expression reuse it (the crops several families encode).
    /// </summary>
    /// <exception cref="InvalidOperationException">The name holds another expression (two families collide).</exception>
    public string Shared(string name, string expression)
    {
        if (_shared.TryGetValue(name, out var existing))
        {
            return existing == expression ? name : throw new InvalidOperationException($"The objective declares the local '{name}' twice.");
        }

        _shared[name] = expression;
        return Local(name, expression);
    }

    /// <summary>Declares <c>var (names...) = expression;</c>.</summary>
    public void Locals(string[] names, string expression)
    {
        foreach (var name in names)
        {
            Reserve(name);
        }

        _statements.Add(new DeconstructionStatement(names.ToEquatableArray(), expression));
    }

    /// <summary>Declares a tensor computed without gradients and returns its name.</summary>
    public string NoGradLocal(string name, string expression)
    {
        _statements.Add(new NoGradStatement(Reserve(name), expression));
        return name;
    }

    /// <summary>The views of the batch (<c>views</c>, drawn once for every objective that reads them).</summary>
    public string Views()
    {
        _pipeline.DrawsViews = true;
        return _views ??= Local("views", $"pipeline.Views(batch.{_input.Tensor})");
    }

    /// <summary>Adds <paramref name="objective"/>'s term, held in <paramref name="variable"/>, weighted by its Weight.</summary>
    /// <param name="objective">The objective attribute.</param>
    /// <param name="variable">The local holding the unweighted term.</param>
    /// <param name="name">The name in metrics; by default derived from the attribute (NtXentLoss: nt_xent).</param>
    public void Term(AttributeModel objective, string variable, string? name = null)
    {
        var weight = ((ObjectiveSpec)objective.Spec).Weight;
        _terms.Add(new LossTerm(name ?? Naming.TermName(objective.Name), variable, objective.Literal(weight), objective.Get(weight) == 1.0));
    }

    /// <summary>Passes <paramref name="expression"/> on as output <paramref name="key"/>.</summary>
    public void Output(string key, string expression) => _outputs.Add(new LossOutput(key, expression));

    /// <summary>Claims a local name for the writer (a weighted term).</summary>
    /// <exception cref="InvalidOperationException">The name is taken (two families collide).</exception>
    public string Reserve(string name)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"The objective declares the local '{name}' twice.");
        }

        return name;
    }
}
