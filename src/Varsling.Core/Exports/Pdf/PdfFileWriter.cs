using System.Globalization;
using System.Text;

namespace Varsling.Core.Exports.Pdf;

/// <summary>
/// The file layer: numbered indirect objects, their byte offsets, and the cross-reference table and trailer that
/// point at them. Bytes collect in a buffer that is written to the output in chunks, so the caller can await.
/// </summary>
internal sealed class PdfFileWriter(Stream output, int objectCount)
{
    private const int FlushThreshold = 64 * 1024;

    private readonly long[] _offsets = new long[objectCount];
    private readonly MemoryStream _buffer = new();
    private long _written;

    private long Position => _written + _buffer.Length;

    public void Raw(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    private void Ascii(string text) => _buffer.Write(Encoding.ASCII.GetBytes(text));

    /// <summary>Writes "n 0 obj", the dictionary (ASCII), "endobj".</summary>
    public void Object(int number, string body)
    {
        Begin(number);
        Ascii(body);
        Ascii("\nendobj\n");
    }

    /// <summary>Writes a stream object with its exact /Length and the given extra dictionary entries.</summary>
    public void Stream(int number, string entries, ReadOnlySpan<byte> data)
    {
        Begin(number);
        Ascii(string.Create(CultureInfo.InvariantCulture, $"<< /Length {data.Length} {entries} >>\nstream\n"));
        _buffer.Write(data);
        Ascii("\nendstream\nendobj\n");
    }

    private void Begin(int number)
    {
        if (number <= 0 || number >= _offsets.Length || _offsets[number] != 0)
        {
            throw new InvalidOperationException("Each object number is written once, within the declared count.");
        }

        _offsets[number] = Position;
        Ascii(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n"));
    }

    /// <summary>
    /// The cross-reference table (one 20-byte entry per object, ISO 32000-1 7.5.4), the trailer and startxref.
    /// Every object must have been written.
    /// </summary>
    public void CrossReferenceAndTrailer(int root, int info)
    {
        var start = Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {_offsets.Length}\n");
        table.Append("0000000000 65535 f\r\n");
        for (var i = 1; i < _offsets.Length; i++)
        {
            if (_offsets[i] == 0)
            {
                throw new InvalidOperationException("An object was declared but never written.");
            }

            table.Append(CultureInfo.InvariantCulture, $"{_offsets[i]:D10} 00000 n\r\n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {_offsets.Length} /Root {root} 0 R /Info {info} 0 R >>\nstartxref\n{start}\n%%EOF\n");
        Ascii(table.ToString());
    }

    public async Task FlushIfFullAsync(CancellationToken ct)
    {
        if (_buffer.Length >= FlushThreshold)
        {
            await FlushAsync(ct);
        }
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        await output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), ct);
        _written += _buffer.Length;
        _buffer.SetLength(0);
    }
}
