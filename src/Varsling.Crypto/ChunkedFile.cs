using System.Buffers.Binary;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Varsling.Crypto;

/// <summary>A parsed chunked-file header. See crypto-docs/protocol.md §5.</summary>
/// <param name="FileId">The file id bound into every chunk.</param>
/// <param name="ChunkSize">Plaintext bytes in every chunk but the last.</param>
public readonly record struct ChunkedFileHeader(Guid FileId, int ChunkSize);

/// <summary>
/// Files encrypted in fixed-size chunks under a per-file 256-bit key with AES-256-GCM. Chunk i uses the
/// nonce 0x00000000 || u64(i) and the AAD header || u64(i) || final flag, so truncation, reordering,
/// duplication and swapping between files are detected. Every chunk but the last holds exactly ChunkSize
/// plaintext bytes; the last holds 0..ChunkSize-1 (an empty final chunk follows a file whose length is a
/// multiple of ChunkSize). Layout: see crypto-docs/protocol.md §5.
/// </summary>
public static class ChunkedFile
{
    /// <summary>Default plaintext chunk size: 64 KiB.</summary>
    public const int DefaultChunkSize = 64 * 1024;

    /// <summary>Smallest allowed chunk size.</summary>
    public const int MinChunkSize = 16;

    /// <summary>Largest allowed chunk size (16 MiB).</summary>
    public const int MaxChunkSize = 16 * 1024 * 1024;

    /// <summary>Length of the file header that precedes the chunks.</summary>
    public const int HeaderLength = 24;

    /// <summary>Bytes each encrypted chunk adds (the GCM tag).</summary>
    public const int ChunkOverhead = BlobFormat.TagLength;

    /// <summary>Chunks per file are limited to 2^32 so the counter never wraps.</summary>
    public const ulong MaxChunks = 1UL << 32;

    /// <summary>Generates a new random 256-bit per-file key (seal it as a <see cref="RecordKind.FileKey"/> record).</summary>
    public static byte[] GenerateKey() => BlobFormat.NewKey();

    /// <summary>Builds the 24-byte header for a file.</summary>
    public static byte[] CreateHeader(Guid fileId, int chunkSize = DefaultChunkSize)
    {
        if (chunkSize is < MinChunkSize or > MaxChunkSize)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), $"Chunk size must be in [{MinChunkSize}, {MaxChunkSize}].");
        }
        var header = new byte[HeaderLength];
        header[0] = BlobFormat.Version;
        header[1] = (byte)BlobType.ChunkedFile;
        header[2] = 0x00;
        header[3] = (byte)HpkeAead.Aes256Gcm;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)chunkSize);
        BlobFormat.WriteGuid(fileId, header.AsSpan(8, 16));
        return header;
    }

    /// <summary>Validates and parses a header; throws <see cref="CryptoFormatException"/> if it is malformed or of an unknown version or AEAD.</summary>
    public static ChunkedFileHeader ParseHeader(ReadOnlySpan<byte> header)
    {
        BlobFormat.CheckHeader(header, BlobType.ChunkedFile);
        if (header.Length != HeaderLength)
        {
            throw new CryptoFormatException($"Chunked file header must be {HeaderLength} bytes, got {header.Length}.");
        }
        var chunkSize = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        if (chunkSize is < MinChunkSize or > MaxChunkSize)
        {
            throw new CryptoFormatException($"Chunked file header has chunk size {chunkSize}, outside [{MinChunkSize}, {MaxChunkSize}].");
        }
        return new ChunkedFileHeader(new Guid(header.Slice(8, 16), bigEndian: true), (int)chunkSize);
    }

    /// <summary>
    /// Checks, without the key, that an encrypted chunk has the length its position requires: ChunkSize+16 bytes
    /// when not final, 16..ChunkSize+15 when final. Lets a server reject a malformed upload early; authenticity
    /// is only established by <see cref="OpenChunk"/>.
    /// </summary>
    public static void CheckChunkLength(ReadOnlySpan<byte> header, int ciphertextLength, bool isFinal)
    {
        var h = ParseHeader(header);
        CheckCiphertextLength(h.ChunkSize, ciphertextLength, isFinal);
    }

    /// <summary>Encrypts chunk <paramref name="index"/>; the plaintext length must fit its position (see the type's remarks).</summary>
    public static byte[] SealChunk(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> header, ulong index, ReadOnlySpan<byte> plaintext, bool isFinal)
    {
        BlobFormat.CheckKey(fileKey, "A file key");
        var h = ParseHeader(header);
        CheckPlaintextLength(h.ChunkSize, plaintext.Length, isFinal);
        var output = new byte[plaintext.Length + ChunkOverhead];
        using var gcm = Aes256.Import(fileKey);
        SealInto(gcm, header, index, plaintext, isFinal, output);
        return output;
    }

    /// <summary>
    /// Decrypts chunk <paramref name="index"/>. Throws <see cref="CryptoFormatException"/> if its length does not fit
    /// its position or if it does not authenticate as chunk <paramref name="index"/> (with this final flag) of this file.
    /// </summary>
    public static byte[] OpenChunk(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> header, ulong index, ReadOnlySpan<byte> ciphertext, bool isFinal)
    {
        BlobFormat.CheckKey(fileKey, "A file key");
        var h = ParseHeader(header);
        CheckCiphertextLength(h.ChunkSize, ciphertext.Length, isFinal);
        var output = new byte[ciphertext.Length - ChunkOverhead];
        using var gcm = Aes256.Import(fileKey);
        OpenInto(gcm, header, index, ciphertext, isFinal, output);
        return output;
    }

    /// <summary>
    /// Streams <paramref name="input"/> to <paramref name="output"/> as header || chunks. Memory use is one chunk
    /// buffer regardless of file size.
    /// </summary>
    public static async Task EncryptAsync(Stream input, Stream output, ReadOnlyMemory<byte> fileKey, Guid fileId, int chunkSize = DefaultChunkSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        BlobFormat.CheckKey(fileKey.Span, "A file key");
        var header = CreateHeader(fileId, chunkSize);
        await output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        // One buffer: each chunk is read into it and encrypted in place (AES-GCM allows exact overlap).
        var buffer = new byte[chunkSize + ChunkOverhead];
        using var gcm = Aes256.Import(fileKey.Span);
        try
        {
            for (ulong index = 0; ; index++)
            {
                if (index >= MaxChunks)
                {
                    throw new InvalidOperationException("File exceeds the maximum number of chunks.");
                }
                var read = await input.ReadAtLeastAsync(buffer.AsMemory(0, chunkSize), chunkSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                var isFinal = read < chunkSize;
                SealInto(gcm, header, index, buffer.AsSpan(0, read), isFinal, buffer);
                await output.WriteAsync(buffer.AsMemory(0, read + ChunkOverhead), cancellationToken).ConfigureAwait(false);
                if (isFinal)
                {
                    return;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>
    /// Streams an encrypted file back to plaintext, checking the header's file id against <paramref name="expectedFileId"/>.
    /// Each chunk is authenticated before its plaintext is written; a missing final chunk, trailing data, truncation,
    /// reordering or duplication raises <see cref="CryptoFormatException"/>, after which anything already written
    /// must be discarded.
    /// </summary>
    public static async Task DecryptAsync(Stream input, Stream output, ReadOnlyMemory<byte> fileKey, Guid expectedFileId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        BlobFormat.CheckKey(fileKey.Span, "A file key");
        var header = new byte[HeaderLength];
        var got = await input.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var h = ParseHeader(header.AsSpan(0, got));
        if (h.FileId != expectedFileId)
        {
            throw new CryptoFormatException("Chunked file header names a different file id.");
        }
        // One buffer: each chunk is read into it and decrypted in place; plaintext is written out only once the
        // chunk has authenticated.
        var buffer = new byte[h.ChunkSize + ChunkOverhead];
        using var gcm = Aes256.Import(fileKey.Span);
        try
        {
            for (ulong index = 0; ; index++)
            {
                if (index >= MaxChunks)
                {
                    throw new CryptoFormatException("Chunked file has more chunks than allowed.");
                }
                var read = await input.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new CryptoFormatException("Chunked file ends without its final chunk (truncated).");
                }
                var isFinal = read < buffer.Length;
                if (read < ChunkOverhead)
                {
                    throw new CryptoFormatException("Chunked file ends inside a chunk tag (truncated).");
                }
                OpenInto(gcm, header, index, buffer.AsSpan(0, read), isFinal, buffer);
                await output.WriteAsync(buffer.AsMemory(0, read - ChunkOverhead), cancellationToken).ConfigureAwait(false);
                if (isFinal)
                {
                    return;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    private static void SealInto(Key gcm, ReadOnlySpan<byte> header, ulong index, ReadOnlySpan<byte> plaintext, bool isFinal, Span<byte> output)
    {
        Span<byte> nonce = stackalloc byte[BlobFormat.NonceLength];
        Span<byte> aad = stackalloc byte[HeaderLength + 9];
        Frame(header, index, isFinal, nonce, aad);
        Aes256.Algorithm.Encrypt(gcm, nonce, aad, plaintext, output[..(plaintext.Length + ChunkOverhead)]);
    }

    private static void OpenInto(Key gcm, ReadOnlySpan<byte> header, ulong index, ReadOnlySpan<byte> ciphertext, bool isFinal, Span<byte> output)
    {
        Span<byte> nonce = stackalloc byte[BlobFormat.NonceLength];
        Span<byte> aad = stackalloc byte[HeaderLength + 9];
        Frame(header, index, isFinal, nonce, aad);
        var length = ciphertext.Length - ChunkOverhead;
        if (!Aes256.Algorithm.Decrypt(gcm, nonce, aad, ciphertext, output[..length]))
        {
            throw new CryptoFormatException($"Chunk {index} failed authentication (wrong key, file, position or final flag, or damaged).");
        }
    }

    private static void Frame(ReadOnlySpan<byte> header, ulong index, bool isFinal, Span<byte> nonce, Span<byte> aad)
    {
        if (index >= MaxChunks)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "Chunk index exceeds the maximum number of chunks.");
        }
        nonce[..4].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(nonce[4..], index);
        header.CopyTo(aad);
        BinaryPrimitives.WriteUInt64BigEndian(aad.Slice(HeaderLength, 8), index);
        aad[^1] = isFinal ? (byte)1 : (byte)0;
    }

    private static void CheckPlaintextLength(int chunkSize, int length, bool isFinal)
    {
        if (isFinal ? length >= chunkSize : length != chunkSize)
        {
            throw new ArgumentException(isFinal
                ? $"A final chunk holds fewer than {chunkSize} bytes."
                : $"A non-final chunk holds exactly {chunkSize} bytes.");
        }
    }

    private static void CheckCiphertextLength(int chunkSize, int length, bool isFinal)
    {
        var full = chunkSize + ChunkOverhead;
        if (isFinal ? length < ChunkOverhead || length >= full : length != full)
        {
            throw new CryptoFormatException(isFinal
                ? $"A final encrypted chunk must be {ChunkOverhead}..{full - 1} bytes, got {length}."
                : $"A non-final encrypted chunk must be {full} bytes, got {length}.");
        }
    }
}
