using System;

namespace SslDsl;

/// <summary>
/// Declares a categorical column of a tabular task's table: <see cref="TableOptions.ForTask{TTask}"/> reads these
/// declarations, so a <see cref="TableSource"/> opened with them one-hot encodes the column or hands its category
/// index to a <see cref="CategoricalEmbedding"/> in the encoder. Categories are numbered in the ordinal order of
/// their text. Only for tasks with <c>[TabularInput]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CategoricalFeatureAttribute : Attribute
{
    /// <summary>Declares the column named <paramref name="column"/> as categorical.</summary>
    /// <param name="column">The column's name in the table's header (CSV) or schema (Parquet). Default: none (required). Any value.</param>
    public CategoricalFeatureAttribute(string column)
    {
        Column = column;
    }

    /// <summary>
    /// The column's name in the table's header (CSV) or schema (Parquet).
    /// Default: none (required). Any value.
    /// </summary>
    public string Column { get; }

    /// <summary>
    /// One-hot features, or an index for a learned embedding.
    /// Default: OneHot. Any value.
    /// </summary>
    public CategoricalEncoding Encoding { get; set; } = CategoricalEncoding.OneHot;

    /// <summary>
    /// The number of categories the model is built for; 0 lets a one-hot column take as many as the data has.
    /// An embedding needs it (its table has this many rows); data with more categories stops with a message.
    /// Default: 0. Allowed: &gt;= 0; &gt; 0 on a VIME task. Otherwise: SSL015, SSL053.
    /// </summary>
    public int Cardinality { get; set; }

    /// <summary>
    /// The width of each category's learned vector (<see cref="CategoricalEncoding.Embedding"/> only).
    /// Default: 8. Allowed: &gt;= 1. Otherwise: SSL016.
    /// </summary>
    public int EmbeddingDim { get; set; } = 8;
}
