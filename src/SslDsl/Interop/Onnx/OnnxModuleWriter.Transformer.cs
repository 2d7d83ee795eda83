using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>SslDsl's <see cref="TextTransformer"/>, node for node as its .NET forward computes it.</summary>
internal sealed partial class OnnxModuleWriter
{
    private const float PaddingScore = -1e9f;

    private string Transformer(TextTransformer transformer, string path, string ids, Tensor example, out Tensor output)
    {
        long length = example.shape[1];
        string keyPadding = _graph.Node("Equal", path, new[] { ids, _graph.Longs(ModuleTree.Join(path, "pad_id"), transformer.PadId) });
        using var keyPaddingExample = example.eq(transformer.PadId);

        var embedding = ModuleTree.Child(transformer, "embedding");
        string embeddingPath = ModuleTree.Join(path, "embedding");
        string tokens = _graph.Node("Gather", embeddingPath, new[] { _graph.Initializer(ModuleTree.Join(embeddingPath, "tokens.weight"), Weight(embedding, "tokens")), ids }, OnnxGraph.Int("axis", 0));
        string positions = _graph.Node("Slice", embeddingPath, new[]
        {
            _graph.Initializer(ModuleTree.Join(embeddingPath, "positions.weight"), Weight(embedding, "positions")),
            _graph.Longs(ModuleTree.Join(embeddingPath, "start"), 0),
            _graph.Longs(ModuleTree.Join(embeddingPath, "end"), length),
            _graph.Longs(ModuleTree.Join(embeddingPath, "axis"), 0),
        });
        string x = _graph.Node("Add", embeddingPath, new[] { tokens, positions });
        var xExample = ((TokenPositionEmbedding)embedding).forward(example);

        for (int i = 0; i < transformer.Depth; i++)
        {
            string layerPath = ModuleTree.Join(path, $"layer{i}");
            var layer = (PreNormEncoderLayer)ModuleTree.Child(transformer, $"layer{i}");
            var norm1 = (LayerNorm)ModuleTree.Child(layer, "norm1");
            var attention = (MaskedSelfAttention)ModuleTree.Child(layer, "attention");
            var norm2 = (LayerNorm)ModuleTree.Child(layer, "norm2");
            var feedForward = ModuleTree.Child(layer, "feed_forward");

            string normed = LayerNorm(norm1, ModuleTree.Join(layerPath, "norm1"), x);
            string attended = Attention(attention, ModuleTree.Join(layerPath, "attention"), normed, keyPadding, length);
            string h = _graph.Node("Add", layerPath, new[] { x, attended });
            var hExample = xExample.add(attention.forward(norm1.forward(xExample), keyPaddingExample));
            string normed2 = LayerNorm(norm2, ModuleTree.Join(layerPath, "norm2"), h);
            string fed = Write(feedForward, ModuleTree.Join(layerPath, "feed_forward"), normed2, norm2.forward(hExample), out var fedExample);
            x = _graph.Node("Add", layerPath, new[] { h, fed });
            xExample = hExample.add(fedExample);
        }

        string result = Write(ModuleTree.Child(transformer, "head"), ModuleTree.Join(path, "head"), x, xExample, out output);
        return result;
    }

    private string Attention(MaskedSelfAttention attention, string path, string x, string keyPadding, long length)
    {
        long headDim = attention.Width / attention.Heads;

        // [B,L,3W] -> [B,L,3,H,Dh] -> [3,B,H,L,Dh]
        string qkv = Linear((Linear)ModuleTree.Child(attention, "qkv"), ModuleTree.Join(path, "qkv"), x);
        string split = _graph.Node("Reshape", path, new[] { qkv, _graph.Longs(ModuleTree.Join(path, "qkv_shape"), 0, length, 3, attention.Heads, headDim) });
        string heads = _graph.Node("Transpose", path, new[] { split }, OnnxGraph.Ints("perm", new long[] { 2, 0, 3, 1, 4 }));
        string Part(long index) => _graph.Node("Gather", path, new[] { heads, Index(ModuleTree.Join(path, "index"), index) }, OnnxGraph.Int("axis", 0));
        string q = Part(0);
        string k = Part(1);
        string v = Part(2);

        string keysT = _graph.Node("Transpose", path, new[] { k }, OnnxGraph.Ints("perm", new long[] { 0, 1, 3, 2 }));
        string scores = _graph.Node("Div", path, new[] { _graph.Node("MatMul", path, new[] { q, keysT }), _graph.Scalar(ModuleTree.Join(path, "sqrt_head_dim"), (float)Math.Sqrt(headDim)) });
        string padding = _graph.Node("Unsqueeze", path, new[] { keyPadding, _graph.Longs(ModuleTree.Join(path, "mask_axes"), 1, 2) });
        string hidden = _graph.Scalar(ModuleTree.Join(path, "padding_score"), PaddingScore);
        scores = _graph.Node("Where", path, new[] { padding, hidden, scores });
        if (attention.Causal)
        {
            using var future = torch.ones(length, length, ScalarType.Bool).triu(1).view(1, 1, length, length);
            scores = _graph.Node("Where", path, new[] { _graph.Initializer(ModuleTree.Join(path, "future"), future), hidden, scores });
        }

        string weights = _graph.Node("Softmax", path, new[] { scores }, OnnxGraph.Int("axis", -1));
        string context = _graph.Node("Transpose", path, new[] { _graph.Node("MatMul", path, new[] { weights, v }) }, OnnxGraph.Ints("perm", new long[] { 0, 2, 1, 3 }));
        string merged = _graph.Node("Reshape", path, new[] { context, _graph.Longs(ModuleTree.Join(path, "context_shape"), 0, length, attention.Width) });
        return Linear((Linear)ModuleTree.Child(attention, "out"), ModuleTree.Join(path, "out"), merged);
    }

    private string Index(string name, long value)
    {
        using var scalar = torch.tensor(value);
        return _graph.Initializer(name, scalar);
    }

    private static Tensor Weight(nn.Module embedding, string child) =>
        ((Embedding)ModuleTree.Child(embedding, child)).weight!;
}
