using System.Runtime.CompilerServices;

// The text tests compare the internal pre-tokenizer with GPT-2's regular expression.
[assembly: InternalsVisibleTo("SslDsl.Tests")]
