using System;
using System.Collections.Generic;
using System.Text;

namespace SslDsl.Generators;

/// <summary>Writes C# source with four-space indentation, blocks and blank lines managed for it.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    /// <summary>Writes a line at the current indentation (an empty line stays empty).</summary>
    public SourceWriter Line(string line = "")
    {
        if (line.Length == 0)
        {
            _text.Append('\n');
            return this;
        }

        foreach (var part in line.Split('\n'))
        {
            if (part.Length > 0)
            {
                _text.Append(' ', _indent * 4);
            }

            _text.Append(part).Append('\n');
        }

        return this;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace, and indents until the returned scope ends.</summary>
    public Block Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return new Block(this);
    }

    /// <summary>Writes an XML doc summary.</summary>
    public SourceWriter Summary(string text)
    {
        Line("/// <summary>" + Escape(text) + "</summary>");
        return this;
    }

    /// <summary>Writes an XML doc summary of a first sentence and paragraphs (plain text, escaped here).</summary>
    public SourceWriter Summary(string text, IEnumerable<string> paragraphs)
    {
        Line("/// <summary>");
        Line("/// " + Escape(text));
        foreach (var paragraph in paragraphs)
        {
            Line("/// <para>" + Escape(paragraph) + "</para>");
        }

        Line("/// </summary>");
        return this;
    }

    /// <summary>Writes an XML doc summary whose text already holds XML (paramref, see).</summary>
    public SourceWriter SummaryXml(string xml)
    {
        Line("/// <summary>" + xml + "</summary>");
        return this;
    }

    /// <summary>Escapes text for XML documentation.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private void Close()
    {
        _indent--;
        Line("}");
    }

    /// <inheritdoc />
    public override string ToString() => _text.ToString();

    /// <summary>Closes a brace block when disposed.</summary>
    internal readonly struct Block : IDisposable
    {
        private readonly SourceWriter _writer;

        public Block(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer.Close();
    }
}
