using System.Collections.Generic;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// The columns of a tabular task's rows as its declaration fixes them (the runtime's TabularColumns): the numeric
/// features first, then one one-hot block per one-hot [CategoricalFeature] (its Cardinality wide), then one index per
/// embedded one. VIME masks and reconstructs these columns.
/// </summary>
/// <param name="Numeric">The numeric features: TabularInput.Features less the categorical ones.</param>
/// <param name="OneHot">Each one-hot column's cardinality, in declaration order.</param>
/// <param name="Embedded">Each embedded column's cardinality, in declaration order.</param>
internal sealed record TabularLayout(int Numeric, EquatableArray<int> OneHot, EquatableArray<int> Embedded)
{
    /// <summary>The columns: numeric features and categorical columns.</summary>
    public int Count => Numeric + OneHot.Count + Embedded.Count;

    /// <summary>The width of a reconstruction: a value per numeric column, a logit per category of each categorical one.</summary>
    public int Outputs => Numeric + OneHot.Sum() + Embedded.Sum();

    /// <summary>Whether every feature is numeric.</summary>
    public bool IsPlain => OneHot.Count == 0 && Embedded.Count == 0;

    /// <summary>
    /// The layout of <paramref name="features"/> features with the <paramref name="categorical"/> columns, or null with
    /// the reason when the declaration does not fix it: a one-hot column without Cardinality (the data sets its width),
    /// an embedded column without one (SSL015 reports it too), or more categorical features than <paramref name="features"/>.
    /// </summary>
    public static TabularLayout? Of(int features, IEnumerable<AttributeModel> categorical, out string? problem)
    {
        var oneHot = new List<int>();
        var embedded = new List<int>();
        foreach (var column in categorical)
        {
            int cardinality = column.Get(CategoricalFeature.Cardinality);
            bool embeds = column.Get(CategoricalFeature.Encoding) == "Embedding";
            if (cardinality < 1)
            {
                problem = $"the {(embeds ? "embedded" : "one-hot")} column '{column.Get(CategoricalFeature.Column)}' declares no Cardinality, so its {(embeds ? "categories" : "width")} would come from the data";
                return null;
            }

            (embeds ? embedded : oneHot).Add(cardinality);
        }

        int numeric = features - oneHot.Sum() - embedded.Count;
        if (numeric < 0 || numeric + oneHot.Count + embedded.Count == 0)
        {
            problem = $"the categorical columns take {oneHot.Sum() + embedded.Count} features (one-hot widths and one per embedded column), more than TabularInput.Features = {features}";
            return null;
        }

        problem = null;
        return new TabularLayout(numeric, oneHot.ToEquatableArray(), embedded.ToEquatableArray());
    }
}
