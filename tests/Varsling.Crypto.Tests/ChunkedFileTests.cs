using System.Security.Cryptography;

namespace Varsling.Crypto.Tests;

public class ChunkedFileTests
{
    private const int Chunk = 64;

    private static async Task<byte[]> EncryptAsync(byte[] plaintext, byte[] key, Guid fileId, int chunkSize = Chunk)
    {
        using var output = new MemoryStream();
        await ChunkedFile.EncryptAsync(new MemoryStream(plaintext), output, key, fileId, chunkSize);
        return output.ToArray();
    }

    private static async Task<byte[]> DecryptAsync(byte[] blob, byte[] key, Guid fileId)
    {
        using var output = new MemoryStream();
        await ChunkedFile.DecryptAsync(new MemoryStream(blob), output, key, fileId);
        return output.ToArray();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Chunk - 1)]
    [InlineData(Chunk)]
    [InlineData(Chunk + 1)]
    [InlineData(10 * Chunk)]
    public async Task Stream_RoundTrips_WithDocumentedLength(int length)
    {
        var key = ChunkedFile.GenerateKey();
        var id = Guid.NewGuid();
        var plaintext = RandomNumberGenerator.GetBytes(length);
        var blob = await EncryptAsync(plaintext, key, id);
        var chunks = (length / Chunk) + 1;
        Assert.Equal(ChunkedFile.HeaderLength + length + (chunks * ChunkedFile.ChunkOverhead), blob.Length);
        Assert.Equal(plaintext, await DecryptAsync(blob, key, id));
    }

    [Fact]
    public async Task Stream_AnyFlippedBit_Fails()
    {
        var key = ChunkedFile.GenerateKey();
        var id = Guid.NewGuid();
        var blob = await EncryptAsync(RandomNumberGenerator.GetBytes((2 * 16) + 5), key, id, 16);
        for (var i = 0; i < blob.Length; i++)
        {
            var copy = (byte[])blob.Clone();
            copy[i] ^= 0x01;
            await Assert.ThrowsAsync<CryptoFormatException>(() => DecryptAsync(copy, key, id));
        }
    }

    [Fact]
    public async Task Stream_TruncatedReorderedDuplicatedOrExtended_Fails()
    {
        var key = ChunkedFile.GenerateKey();
        var id = Guid.NewGuid();
        var blob = await EncryptAsync(RandomNumberGenerator.GetBytes(3 * Chunk), key, id);
        var h = ChunkedFile.HeaderLength;
        var full = Chunk + ChunkedFile.ChunkOverhead;
        byte[] C(int i) => blob.AsSpan(h + (i * full), i == 3 ? ChunkedFile.ChunkOverhead : full).ToArray();
        var header = blob[..h];
        Assert.Equal(h + (3 * full) + 16, blob.Length);

        var cases = new Dictionary<string, byte[]>
        {
            ["drop final chunk (ends on a boundary)"] = [.. header, .. C(0), .. C(1), .. C(2)],
            ["cut inside a chunk"] = blob[..^5],
            ["header only"] = header,
            ["half a header"] = header[..10],
            ["swap chunks 0 and 1"] = [.. header, .. C(1), .. C(0), .. C(2), .. C(3)],
            ["duplicate chunk 1"] = [.. header, .. C(0), .. C(1), .. C(1), .. C(2), .. C(3)],
            ["drop middle chunk"] = [.. header, .. C(0), .. C(2), .. C(3)],
            ["trailing byte"] = [.. blob, 0],
            ["second final chunk"] = [.. blob, .. C(3)],
        };
        foreach (var (name, bytes) in cases)
        {
            var ex = await Record.ExceptionAsync(() => DecryptAsync(bytes, key, id));
            Assert.True(ex is CryptoFormatException, $"{name}: got {ex?.GetType().Name ?? "success"}");
        }
        await Assert.ThrowsAsync<CryptoFormatException>(() => DecryptAsync(blob, key, Guid.NewGuid()));
        await Assert.ThrowsAsync<CryptoFormatException>(() => DecryptAsync(blob, ChunkedFile.GenerateKey(), id));
    }

    [Fact]
    public void PerChunk_SealOpen_BindsIndexFinalFlagAndFile()
    {
        var key = ChunkedFile.GenerateKey();
        var header = ChunkedFile.CreateHeader(Guid.NewGuid(), Chunk);
        var otherHeader = ChunkedFile.CreateHeader(Guid.NewGuid(), Chunk);
        var full = RandomNumberGenerator.GetBytes(Chunk);
        var c0 = ChunkedFile.SealChunk(key, header, 0, full, isFinal: false);
        var last = ChunkedFile.SealChunk(key, header, 1, "end"u8, isFinal: true);
        Assert.Equal(full, ChunkedFile.OpenChunk(key, header, 0, c0, isFinal: false));
        Assert.Equal("end"u8.ToArray(), ChunkedFile.OpenChunk(key, header, 1, last, isFinal: true));
        Assert.Throws<CryptoFormatException>(() => ChunkedFile.OpenChunk(key, header, 1, c0, isFinal: false));
        Assert.Throws<CryptoFormatException>(() => ChunkedFile.OpenChunk(key, otherHeader, 0, c0, isFinal: false));
        Assert.Throws<CryptoFormatException>(() => ChunkedFile.OpenChunk(key, header, 0, last, isFinal: true));
        Assert.Throws<CryptoFormatException>(() => ChunkedFile.OpenChunk(key, header, 1, last[..^1], isFinal: true));
        // A full-size chunk can never be final, and a short one never non-final: the server can check this keyless.
        Assert.Throws<CryptoFormatException>(() => ChunkedFile.CheckChunkLength(header, c0.Length, isFinal: true));
        Assert.Throws<CryptoFormatException>(() => ChunkedFile.CheckChunkLength(header, last.Length, isFinal: false));
        ChunkedFile.CheckChunkLength(header, c0.Length, isFinal: false);
        Assert.Throws<ArgumentException>(() => ChunkedFile.SealChunk(key, header, 0, full, isFinal: true));
    }

    [Fact]
    public void Header_UnknownVersionSuiteOrChunkSize_Fails()
    {
        var header = ChunkedFile.CreateHeader(Guid.NewGuid());
        Assert.Equal(ChunkedFile.DefaultChunkSize, ChunkedFile.ParseHeader(header).ChunkSize);
        var v = (byte[])header.Clone();
        v[0] = 2;
        Assert.Contains("version 2", Assert.Throws<CryptoFormatException>(() => ChunkedFile.ParseHeader(v)).Message);
        var a = (byte[])header.Clone();
        a[3] = 1;
        Assert.Contains("AEAD", Assert.Throws<CryptoFormatException>(() => ChunkedFile.ParseHeader(a)).Message);
        var s = (byte[])header.Clone();
        s[4] = 0x7F;
        Assert.Contains("chunk size", Assert.Throws<CryptoFormatException>(() => ChunkedFile.ParseHeader(s)).Message);
    }
}
