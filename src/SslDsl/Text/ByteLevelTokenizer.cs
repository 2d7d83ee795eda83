using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// A byte-level BPE tokenizer. Ids: the special tokens [PAD]=0, [CLS]=1, [SEP]=2, [MASK]=3 (the
/// <see cref="TextInputAttribute"/> defaults), the 256 bytes at 4..259, then one id per learned merge.
/// Because every byte has a token, any text encodes without an unknown token and decodes back exactly.
/// Train it with <see cref="Train"/>, keep it with <see cref="Save"/> / <see cref="Load"/>.
/// </summary>
public sealed class ByteLevelTokenizer
{
    /// <summary>The padding id.</summary>
    public const int PadId = 0;

    /// <summary>The [CLS] (start of sequence) id.</summary>
    public const int ClsId = 1;

    /// <summary>The [SEP] (end of segment) id.</summary>
    public const int SepId = 2;

    /// <summary>The [MASK] id.</summary>
    public const int MaskId = 3;

    /// <summary>Number of special tokens (ids 0..3).</summary>
    public const int SpecialCount = 4;

    /// <summary>Id of byte 0; byte b has id <c>ByteOffset + b</c>.</summary>
    public const int ByteOffset = SpecialCount;

    /// <summary>Id of the first merge (4 specials + 256 bytes).</summary>
    public const int FirstMergeId = ByteOffset + 256;

    /// <summary>The smallest vocabulary (no merges).</summary>
    public const int MinVocabSize = FirstMergeId;

    /// <summary>The largest vocabulary <see cref="Train"/> accepts.</summary>
    public const int MaxVocabSize = 1 << 20;

    private const int CacheCapacity = 100_000;

    /// <summary>The names of the special tokens, by id.</summary>
    public static readonly IReadOnlyList<string> SpecialTokens = new[] { "[PAD]", "[CLS]", "[SEP]", "[MASK]" };

    private readonly (int Left, int Right)[] _merges;
    private readonly Dictionary<long, int> _ranks;
    private readonly byte[][] _tokenBytes;
    private readonly Dictionary<string, int[]> _cache = new(StringComparer.Ordinal);
    private readonly object _cacheLock = new();

    private ByteLevelTokenizer(IReadOnlyList<(int Left, int Right)> merges)
    {
        _merges = merges.ToArray();
        _ranks = new Dictionary<long, int>(_merges.Length);
        _tokenBytes = new byte[FirstMergeId + _merges.Length][];
        for (int i = 0; i < SpecialCount; i++)
        {
            _tokenBytes[i] = Array.Empty<byte>();
        }

        for (int b = 0; b < 256; b++)
        {
            _tokenBytes[ByteOffset + b] = new[] { (byte)b };
        }

        for (int r = 0; r < _merges.Length; r++)
        {
            var (left, right) = _merges[r];
            int id = FirstMergeId + r;
            if (left < ByteOffset || right < ByteOffset || left >= id || right >= id)
            {
                throw new ArgumentException($"Merge {r} ({left}, {right}) must join two earlier non-special tokens (ids in [{ByteOffset}, {id})).", nameof(merges));
            }

            _ranks[BpeTrainer.Key(left, right)] = r;
            _tokenBytes[id] = _tokenBytes[left].Concat(_tokenBytes[right]).ToArray();
        }
    }

    /// <summary>Number of ids: 4 specials, 256 bytes and the merges.</summary>
    public int VocabSize => FirstMergeId + _merges.Length;

    /// <summary>The learned merges, in order; merge r creates id <c>FirstMergeId + r</c>.</summary>
    public IReadOnlyList<(int Left, int Right)> Merges => _merges;

    /// <summary>The special ids (pad, cls, sep, mask) as longs, for <see cref="TokenMasking"/>.</summary>
    public static long[] SpecialIds => new long[] { PadId, ClsId, SepId, MaskId };

    /// <summary>A tokenizer with no merges (every byte is one token).</summary>
    public static ByteLevelTokenizer BytesOnly() => new(Array.Empty<(int, int)>());

    /// <summary>
    /// Learns merges on <paramref name="texts"/> until the vocabulary has <paramref name="vocabSize"/> ids or no
    /// pair occurs at least <paramref name="minFrequency"/> times. Deterministic: the same texts give the same merges.
    /// </summary>
    /// <param name="texts">The corpus.</param>
    /// <param name="vocabSize">Target vocabulary size, at least <see cref="MinVocabSize"/> (260).</param>
    /// <param name="minFrequency">A pair must occur at least this often to be merged.</param>
    /// <exception cref="ArgumentOutOfRangeException">vocabSize or minFrequency is out of range.</exception>
    public static ByteLevelTokenizer Train(IEnumerable<string> texts, int vocabSize, int minFrequency = 2)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (vocabSize < MinVocabSize || vocabSize > MaxVocabSize)
        {
            throw new ArgumentOutOfRangeException(nameof(vocabSize), vocabSize,
                $"The vocabulary needs at least {MinVocabSize} ids (4 special tokens + 256 bytes) and at most {MaxVocabSize}.");
        }

        if (minFrequency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minFrequency), minFrequency, "minFrequency must be >= 1.");
        }

        return new ByteLevelTokenizer(BpeTrainer.Learn(texts, vocabSize - FirstMergeId, minFrequency));
    }

    /// <summary>Encodes <paramref name="text"/> into token ids (no special tokens).</summary>
    public int[] Encode(string text) => EncodeWords(text).Ids;

    /// <summary>
    /// Encodes <paramref name="text"/> into token ids (no special tokens) and marks the first token of every word: a
    /// word is one piece of the pre-tokenizer (GPT-2's rule: a run of letters, of digits or of other symbols, led by
    /// at most one space), and BPE merges never cross a piece, so every word is a whole number of tokens.
    /// </summary>
    /// <returns>The ids, and for each id whether it starts a word.</returns>
    public (int[] Ids, bool[] WordStarts) EncodeWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length);
        var starts = new List<bool>(text.Length);
        foreach (var piece in PreTokenizer.Split(text))
        {
            var tokens = EncodePiece(piece);
            for (int i = 0; i < tokens.Length; i++)
            {
                ids.Add(tokens[i]);
                starts.Add(i == 0);
            }
        }

        return (ids.ToArray(), starts.ToArray());
    }

    /// <summary>
    /// Decodes ids back to text. Special tokens are dropped, or written as <c>[PAD]</c>, <c>[CLS]</c>, ... when
    /// <paramref name="skipSpecialTokens"/> is false. Byte sequences that are not valid UTF-8 (e.g. a cut in the
    /// middle of a character) become U+FFFD.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside [0, VocabSize).</exception>
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var text = new StringBuilder();
        var bytes = new List<byte>();
        foreach (int id in ids)
        {
            if (id < 0 || id >= VocabSize)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id, $"Token id {id} is outside the vocabulary [0, {VocabSize}).");
            }

            if (id < SpecialCount)
            {
                if (!skipSpecialTokens)
                {
                    text.Append(Encoding.UTF8.GetString(bytes.ToArray()));
                    bytes.Clear();
                    text.Append(SpecialTokens[id]);
                }

                continue;
            }

            bytes.AddRange(_tokenBytes[id]);
        }

        text.Append(Encoding.UTF8.GetString(bytes.ToArray()));
        return text.ToString();
    }

    /// <summary>The bytes token <paramref name="id"/> stands for (empty for special tokens).</summary>
    public ReadOnlySpan<byte> TokenBytes(int id) =>
        id >= 0 && id < VocabSize
            ? _tokenBytes[id]
            : throw new ArgumentOutOfRangeException(nameof(id), id, $"Token id {id} is outside the vocabulary [0, {VocabSize}).");

    /// <summary>
    /// Packs <paramref name="text"/> as <c>[CLS] tokens [SEP]</c> then padding to <paramref name="maxLength"/>
    /// (tokens beyond maxLength - 2 are cut), with the attention mask (1 = token, 0 = padding).
    /// </summary>
    public (long[] Ids, long[] AttentionMask) Pack(string text, int maxLength)
    {
        var (ids, mask, _) = PackWords(text, maxLength);
        return (ids, mask);
    }

    /// <summary>
    /// <see cref="Pack"/> with the word starts (<see cref="TokenBatch.WordStarts"/>): 1 on [CLS], on [SEP] and on the
    /// first token of every word (<see cref="EncodeWords"/>), 0 elsewhere.
    /// </summary>
    public (long[] Ids, long[] AttentionMask, long[] WordStarts) PackWords(string text, int maxLength)
    {
        CheckMaxLength(maxLength);
        var ids = new long[maxLength];
        var mask = new long[maxLength];
        var starts = new long[maxLength];
        Fill(EncodeWords(text), ids, mask, starts, 0, maxLength);
        return (ids, mask, starts);
    }

    /// <summary>
    /// Tokenizes <paramref name="texts"/> into one <see cref="TokenBatch"/> (as <see cref="ToDataset"/> packs them): prompts
    /// to embed, captions of a small batch.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">maxLength is below 2.</exception>
    /// <exception cref="ArgumentException">There is no text.</exception>
    public TokenBatch Batch(IEnumerable<string> texts, int maxLength)
    {
        // The batch takes the dataset's tensors, so the dataset is not disposed.
        var dataset = ToDataset(texts, maxLength);
        return new TokenBatch(dataset.Tensors[0], dataset.Tensors[1]);
    }

    /// <summary>
    /// Tokenizes <paramref name="texts"/> into a dataset of <see cref="TokenBatch"/>: ids long [N, maxLength]
    /// (<c>[CLS] tokens [SEP]</c>, truncated, then <see cref="PadId"/>), attention mask long [N, maxLength],
    /// word starts long [N, maxLength] (<see cref="EncodeWords"/>; 1 on [CLS] and [SEP] too), and optional class labels.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">maxLength is below 2.</exception>
    /// <exception cref="ArgumentException">The labels do not match the texts in number.</exception>
    public Dataset<TokenBatch> ToDataset(IEnumerable<string> texts, int maxLength, IEnumerable<long>? labels = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        CheckMaxLength(maxLength);
        var list = texts.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("ToDataset needs at least one text.", nameof(texts));
        }

        int n = list.Count;
        var ids = new long[(long)n * maxLength];
        var mask = new long[(long)n * maxLength];
        var wordStarts = new long[(long)n * maxLength];
        for (int i = 0; i < n; i++)
        {
            Fill(EncodeWords(list[i] ?? string.Empty), ids, mask, wordStarts, i * maxLength, maxLength);
        }

        Tensor? labelTensor = null;
        if (labels is not null)
        {
            var labelArray = labels.ToArray();
            if (labelArray.Length != n)
            {
                throw new ArgumentException($"{labelArray.Length} labels for {n} texts.", nameof(labels));
            }

            labelTensor = torch.tensor(labelArray);
        }

        return new Dataset<TokenBatch>(
            new[] { torch.tensor(ids, new long[] { n, maxLength }), torch.tensor(mask, new long[] { n, maxLength }), torch.tensor(wordStarts, new long[] { n, maxLength }) },
            labelTensor,
            name ?? "text");
    }

    /// <summary>Writes the tokenizer as JSON (format, version, special tokens, merges).</summary>
    public void Save(string path) => TokenizerFile.Write(path, _merges);

    /// <summary>Reads a tokenizer written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DatasetFormatException">The file is not a tokenizer file, or its merges are inconsistent.</exception>
    public static ByteLevelTokenizer Load(string path)
    {
        var merges = TokenizerFile.Read(path);
        try
        {
            return new ByteLevelTokenizer(merges);
        }
        catch (ArgumentException e)
        {
            throw new DatasetFormatException(path, e.Message, e);
        }
    }

    private int[] EncodePiece(string piece)
    {
        lock (_cacheLock)
        {
            if (_cache.TryGetValue(piece, out var cached))
            {
                return cached;
            }
        }

        var bytes = Encoding.UTF8.GetBytes(piece);
        var symbols = new int[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            symbols[i] = ByteOffset + bytes[i];
        }

        while (symbols.Length > 1)
        {
            int bestRank = int.MaxValue;
            for (int i = 0; i + 1 < symbols.Length; i++)
            {
                if (_ranks.TryGetValue(BpeTrainer.Key(symbols[i], symbols[i + 1]), out int rank) && rank < bestRank)
                {
                    bestRank = rank;
                }
            }

            if (bestRank == int.MaxValue)
            {
                break;
            }

            var (left, right) = _merges[bestRank];
            symbols = BpeTrainer.Merge(symbols, left, right, FirstMergeId + bestRank);
        }

        lock (_cacheLock)
        {
            if (_cache.Count >= CacheCapacity)
            {
                _cache.Clear();
            }

            _cache[piece] = symbols;
        }

        return symbols;
    }

    /// <summary>Writes <c>[CLS] tokens [SEP]</c> (tokens cut to maxLength - 2), its mask and its word starts at <paramref name="offset"/>.</summary>
    private static void Fill((int[] Ids, bool[] WordStarts) tokens, long[] ids, long[] mask, long[] wordStarts, int offset, int maxLength)
    {
        int count = Math.Min(tokens.Ids.Length, maxLength - 2);
        ids[offset] = ClsId;
        wordStarts[offset] = 1;
        for (int j = 0; j < count; j++)
        {
            ids[offset + 1 + j] = tokens.Ids[j];
            wordStarts[offset + 1 + j] = tokens.WordStarts[j] ? 1 : 0;
        }

        ids[offset + 1 + count] = SepId;
        wordStarts[offset + 1 + count] = 1;
        for (int j = 0; j < count + 2; j++)
        {
            mask[offset + j] = 1;
        }
    }

    private static void CheckMaxLength(int maxLength)
    {
        if (maxLength < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "maxLength must be >= 2 to hold [CLS] and [SEP].");
        }
    }
}
