namespace SslDsl;

/// <summary>
/// The PyTorch definitions of SslDsl's own modules, as Python source: each takes its children from
/// the caller (so the state-dict keys are those of the .NET module) and its forward is a line-by-line
/// transcription of the .NET forward.
/// </summary>
internal static class PythonClasses
{
    public const string ResidualBlock = """
        class ResidualBlock(nn.Module):
            "SslDsl ResidualBlock: conv-BN-ReLU-conv-BN plus the shortcut, then ReLU."

            def __init__(self, conv1, bn1, conv2, bn2, shortcut):
                super().__init__()
                self.conv1 = conv1
                self.bn1 = bn1
                self.conv2 = conv2
                self.bn2 = bn2
                self.shortcut = shortcut

            def forward(self, x):
                hidden = F.relu(self.bn1(self.conv1(x)))
                main = self.bn2(self.conv2(hidden))
                return F.relu(main + self.shortcut(x))
        """;

    public const string HalvingMaxPool1d = """
        class HalvingMaxPool1d(nn.Module):
            "SslDsl HalvingMaxPool1d: max pooling over time (window and stride 2) while the series has at least min_length steps."

            def __init__(self, min_length):
                super().__init__()
                self.min_length = min_length

            def forward(self, x):
                return F.max_pool1d(x, 2, 2) if x.shape[-1] >= self.min_length else x
        """;

    public const string TokenPositionEmbedding = """
        class TokenPositionEmbedding(nn.Module):
            "SslDsl TokenPositionEmbedding: token plus learned position embeddings, ids long [B,L] to [B,L,W]."

            def __init__(self, tokens, positions):
                super().__init__()
                self.tokens = tokens
                self.positions = positions

            def forward(self, ids):
                positions = torch.arange(ids.shape[1], dtype=torch.long, device=ids.device)
                return self.tokens(ids) + self.positions(positions).unsqueeze(0)
        """;

    public const string MaskedSelfAttention = """
        class MaskedSelfAttention(nn.Module):
            "SslDsl MaskedSelfAttention: multi-head self-attention whose padded keys (and, when causal, later keys) score -1e9."

            def __init__(self, width, heads, causal, qkv, out):
                super().__init__()
                self.width = width
                self.heads = heads
                self.causal = causal
                self.qkv = qkv
                self.out = out

            def forward(self, x, key_padding):
                b, l = x.shape[0], x.shape[1]
                head_dim = self.width // self.heads
                qkv = self.qkv(x).view(b, l, 3, self.heads, head_dim).permute(2, 0, 3, 1, 4)
                q, k, v = qkv[0], qkv[1], qkv[2]
                scores = q.matmul(k.transpose(-2, -1)).div(math.sqrt(head_dim))
                scores = scores.masked_fill(key_padding.view(b, 1, 1, l), -1e9)
                if self.causal:
                    future = torch.ones(l, l, dtype=torch.bool, device=x.device).triu(1)
                    scores = scores.masked_fill(future.view(1, 1, l, l), -1e9)
                weights = scores.softmax(-1)
                context = weights.matmul(v).transpose(1, 2).reshape(b, l, self.width)
                return self.out(context)
        """;

    public const string PreNormEncoderLayer = """
        class PreNormEncoderLayer(nn.Module):
            "SslDsl PreNormEncoderLayer: x + attention(LN(x)), then x + feed_forward(LN(x))."

            def __init__(self, norm1, attention, norm2, feed_forward):
                super().__init__()
                self.norm1 = norm1
                self.attention = attention
                self.norm2 = norm2
                self.feed_forward = feed_forward

            def forward(self, x, key_padding):
                h = x + self.attention(self.norm1(x), key_padding)
                return h + self.feed_forward(self.norm2(h))
        """;

    public const string TextTransformer = """
        class TextTransformer(nn.Module):
            "SslDsl TextTransformer: ids long [B,L] to token states [B,L,D]; keys equal to pad_id are ignored by attention."

            def __init__(self, pad_id, embedding, layers, head):
                super().__init__()
                self.pad_id = pad_id
                self.embedding = embedding
                self.layer_names = []
                for i, layer in enumerate(layers):
                    self.add_module(f"layer{i}", layer)
                    self.layer_names.append(f"layer{i}")
                self.head = head

            def forward(self, ids):
                key_padding = ids.eq(self.pad_id)
                x = self.embedding(ids)
                for name in self.layer_names:
                    x = getattr(self, name)(x, key_padding)
                return self.head(x)
        """;
}
