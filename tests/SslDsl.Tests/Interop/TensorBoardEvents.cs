using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Tensorboard;
using Xunit.Sdk;

namespace SslDsl.Tests.InteropTests;

/// <summary>A scalar read back from an event file.</summary>
public sealed record ScalarEvent(string Tag, long Step, float Value);

/// <summary>
/// Reads a TensorBoard event file independently of the writer: TFRecord framing (little-endian uint64
/// length, masked CRC-32C of the length, the record, masked CRC-32C of the record), each record an
/// <c>Event</c> protobuf (the generated types TorchSharp ships in namespace Tensorboard).
/// </summary>
internal static class TensorBoardEvents
{
    public static IReadOnlyList<Event> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var events = new List<Event>();
        int at = 0;
        while (at < bytes.Length)
        {
            if (at + 12 > bytes.Length)
            {
                throw new XunitException($"{path}: truncated record header at byte {at}.");
            }

            ulong length = BitConverter.ToUInt64(bytes, at);
            Check(path, bytes.AsSpan(at, 8), BitConverter.ToUInt32(bytes, at + 8), "length", at);
            int start = at + 12;
            if (start + (long)length + 4 > bytes.Length)
            {
                throw new XunitException($"{path}: record at byte {at} claims {length} bytes past the end of the file.");
            }

            var record = bytes.AsSpan(start, (int)length);
            Check(path, record, BitConverter.ToUInt32(bytes, start + (int)length), "data", at);
            events.Add(Event.Parser.ParseFrom(record.ToArray()));
            at = start + (int)length + 4;
        }

        return events;
    }

    /// <summary>Every scalar (simple_value) of the events, in file order.</summary>
    public static IReadOnlyList<ScalarEvent> Scalars(IEnumerable<Event> events) =>
        events.Where(e => e.Summary is not null)
            .SelectMany(e => e.Summary.Value.Where(v => v.ValueCase == Summary.Types.Value.ValueOneofCase.SimpleValue)
                .Select(v => new ScalarEvent(v.Tag, e.Step, v.SimpleValue)))
            .ToArray();

    /// <summary>The one event file in <paramref name="directory"/>.</summary>
    public static string SingleFile(string directory)
    {
        var files = Directory.GetFiles(directory, "events.out.tfevents.*");
        if (files.Length != 1)
        {
            throw new XunitException($"{directory} holds {files.Length} event files; one was expected.");
        }

        return files[0];
    }

    /// <summary>CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as TFRecord uses.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>TFRecord's masked CRC: rotate right by 15 bits and add 0xa282ead8.</summary>
    public static uint Masked(uint crc) => unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u);

    private static void Check(string path, ReadOnlySpan<byte> data, uint stored, string what, int at)
    {
        uint expected = Masked(Crc32C(data));
        if (stored != expected)
        {
            throw new XunitException($"{path}: the {what} CRC of the record at byte {at} is {stored:x8}, expected {expected:x8}.");
        }
    }
}
