using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace SslDsl;

/// <summary>
/// Text read for training at any size, one sample per line: a plain line file (each non-blank line is a text) or
/// JSONL (each non-blank line a JSON object whose <see cref="TextSourceOptions.TextField"/> is the text and whose
/// optional <see cref="TextSourceOptions.LabelField"/> is its class). One streaming pass records where each line
/// starts (in a temporary index file) and checks every JSONL record; the lines are then read and tokenized as the
/// batches are made, on worker threads, exactly as <see cref="ByteLevelTokenizer.ToDataset"/> packs them
/// (<c>[CLS] tokens [SEP]</c>, truncated, padded). Text is strict UTF-8.
/// </summary>
public sealed class TextLineSource : StreamingSource<TokenBatch>
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly RowCache<long> _index;
    private readonly SafeFileHandle _file;
    private readonly bool _jsonl;
    private readonly int[]? _classOrder;
    private readonly string _fingerprint;

    private TextLineSource(string path, bool jsonl, ByteLevelTokenizer tokenizer, int maxLength, TextSourceOptions options, string name)
        : base(name, options.Loader)
    {
        Path = path;
        _jsonl = jsonl;
        Tokenizer = tokenizer;
        MaxLength = maxLength;
        Options = options;
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        _index = new RowCache<long>(4, options.CacheDirectory, "text");
        try
        {
            IndexLines(labels);
            if (_index.Count == 0)
            {
                throw new DatasetFormatException(path, jsonl ? "holds no JSON record; expected one object per line." : "holds no text; expected one text per line.");
            }

            if (options.LabelField is not null)
            {
                bool numeric = labels.Keys.All(k => double.TryParse(k, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
                var sorted = numeric ? labels.Keys.OrderBy(k => double.Parse(k, CultureInfo.InvariantCulture)).ToArray() : labels.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
                _classOrder = new int[sorted.Length];
                for (int i = 0; i < sorted.Length; i++)
                {
                    _classOrder[labels[sorted[i]]] = i;
                }

                ClassNames = sorted;
            }

            _file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch
        {
            _index.Dispose();
            throw;
        }

        _fingerprint = SourceFingerprint.Of("text", System.IO.Path.GetFileName(path), new FileInfo(path).Length, _index.Count, jsonl, options.TextField, options.LabelField, maxLength, tokenizer.VocabSize);
    }

    /// <summary>Opens a line file: every non-blank line is one text.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetFormatException">The file holds no text.</exception>
    public static TextLineSource Lines(string path, ByteLevelTokenizer tokenizer, int maxLength, TextSourceOptions? options = null, string? name = null) =>
        Open(path, jsonl: false, tokenizer, maxLength, options, name);

    /// <summary>Opens a JSONL file: every non-blank line is one JSON object with the text (and label) fields.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetFormatException">A line is not a JSON object, lacks the text field, or its fields have the wrong type.</exception>
    public static TextLineSource Jsonl(string path, ByteLevelTokenizer tokenizer, int maxLength, TextSourceOptions? options = null, string? name = null) =>
        Open(path, jsonl: true, tokenizer, maxLength, options, name);

    private static TextLineSource Open(string path, bool jsonl, ByteLevelTokenizer tokenizer, int maxLength, TextSourceOptions? options, string? name)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tokenizer);
        if (maxLength < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "TextLineSource: maxLength must be at least 2 ([CLS] and [SEP]).");
        }

        options ??= new TextSourceOptions();
        options.Loader.Validate();
        string full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new DatasetFormatException(full, "is a folder; a text file was expected here.");
        }

        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The text file {full} does not exist.", full);
        }

        return new TextLineSource(full, jsonl, tokenizer, maxLength, options, name ?? System.IO.Path.GetFileNameWithoutExtension(full));
    }

    /// <summary>The text file.</summary>
    public string Path { get; }

    /// <summary>The tokenizer.</summary>
    public ByteLevelTokenizer Tokenizer { get; }

    /// <summary>Tokens per sample ([CLS] and [SEP] included).</summary>
    public int MaxLength { get; }

    /// <summary>How the file is read.</summary>
    public TextSourceOptions Options { get; }

    /// <summary>The class names by label (sorted numerically when all are numbers, else ordinally), or null.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <inheritdoc />
    public override long Count => _index.Count;

    /// <inheritdoc />
    public override bool IsLabelled => ClassNames is not null;

    /// <inheritdoc />
    protected internal override int FloatsPerSample => 0;

    /// <inheritdoc />
    protected internal override int LongsPerSample => 3 * MaxLength;

    /// <inheritdoc />
    public override string Fingerprint() => _fingerprint;

    /// <inheritdoc />
    protected internal override bool ReadSample(long index, SampleBuffer buffer, int slot)
    {
        Span<long> entry = stackalloc long[4];
        _index.Read(index, 1, entry);
        var bytes = new byte[entry[1]];
        RandomAccess.Read(_file, bytes, entry[0]);
        string line = Decode(bytes, entry[2]);
        string text = _jsonl ? Record(line, entry[2]).Text : line;
        var (ids, mask, wordStarts) = Tokenizer.PackWords(text, MaxLength);
        var longs = buffer.LongsOf(slot);
        ids.CopyTo(longs);
        mask.CopyTo(longs[MaxLength..]);
        wordStarts.CopyTo(longs[(2 * MaxLength)..]);
        if (_classOrder is not null)
        {
            buffer.Labels[slot] = _classOrder[entry[3]];
        }

        return true;
    }

    /// <inheritdoc />
    protected internal override TokenBatch Collate(SampleBuffer buffer, int count) =>
        new(LongTensor(buffer, count, 0, MaxLength), LongTensor(buffer, count, MaxLength, MaxLength), LabelTensor(buffer, count), LongTensor(buffer, count, 2 * MaxLength, MaxLength));

    /// <summary>One pass over the file: the start, length and line number of every non-blank line (and its label id).</summary>
    private void IndexLines(Dictionary<string, int> labels)
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var line = new List<byte>();
        var chunk = new byte[1 << 16];
        long offset = 0, start = 0, number = 1;
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            for (int i = 0; i < read; i++, offset++)
            {
                if (chunk[i] == (byte)'\n')
                {
                    AddLine(line, start, number++, labels);
                    line.Clear();
                    start = offset + 1;
                }
                else
                {
                    line.Add(chunk[i]);
                }
            }
        }

        AddLine(line, start, number, labels);
        _index.Complete();
    }

    private void AddLine(List<byte> line, long start, long number, Dictionary<string, int> labels)
    {
        int length = line.Count;
        if (length > 0 && line[length - 1] == (byte)'\r')
        {
            length--;
        }

        if (number == 1 && length >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF)
        {
            start += 3;
            line.RemoveRange(0, 3);
            length -= 3;
        }

        if (line.Take(length).All(b => b is (byte)' ' or (byte)'\t'))
        {
            return;
        }

        long label = 0;
        if (_jsonl)
        {
            var record = Record(Decode(line.GetRange(0, length).ToArray(), number), number);
            if (Options.LabelField is not null)
            {
                if (!labels.TryGetValue(record.Label!, out int id))
                {
                    id = labels.Count;
                    labels[record.Label!] = id;
                }

                label = id;
            }
        }

        _index.Append(new[] { start, length, number, label });
    }

    private string Decode(byte[] bytes, long number)
    {
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new DatasetFormatException(Path, $"line {number}: bytes that are not UTF-8; expected UTF-8 text.", e);
        }
    }

    /// <summary>The text (and label, as text) of the JSONL record on line <paramref name="number"/>.</summary>
    private (string Text, string? Label) Record(string line, long number)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetFormatException(Path, $"line {number}: a JSON {root.ValueKind.ToString().ToLowerInvariant()}; expected an object with a \"{Options.TextField}\" field.");
            }

            if (!root.TryGetProperty(Options.TextField, out var text) || text.ValueKind != JsonValueKind.String)
            {
                throw new DatasetFormatException(Path, $"line {number}: no string field \"{Options.TextField}\"; its fields are {string.Join(", ", root.EnumerateObject().Select(p => $"\"{p.Name}\""))} (set TextSourceOptions.TextField).");
            }

            string? label = null;
            if (Options.LabelField is not null)
            {
                if (!root.TryGetProperty(Options.LabelField, out var value) || value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
                {
                    throw new DatasetFormatException(Path, $"line {number}: no label field \"{Options.LabelField}\" holding a string or a number.");
                }

                label = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            }

            return (text.GetString()!, label);
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(Path, $"line {number}: not valid JSON ({e.Message}); a JSONL file holds one JSON object per line.", e);
        }
    }

    /// <summary>Deletes the line index and closes the file.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _index.Dispose();
            _file?.Dispose();
        }
    }
}
