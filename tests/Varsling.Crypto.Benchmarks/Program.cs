using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Varsling.Crypto;
using Varsling.Crypto.Benchmarks;

// Three modes: BenchmarkDotNet (any arguments it understands, e.g. --filter '*' -j short, or -j dry for a quick
// smoke run in CI); --file-gb N, which streams N GiB generated on the fly through ChunkedFile and prints memory
// figures; --argon2 [--quick], which times the production Argon2id parameters and prints the peak working set;
// --ratios [--quick], which interleaves each Varsling operation with its raw baseline and compares medians (robust
// on a machine shared with other work, where BenchmarkDotNet's means are dominated by scheduling noise).
var gbIndex = Array.IndexOf(args, "--file-gb");
if (gbIndex >= 0)
{
    var gb = double.Parse(args[gbIndex + 1], CultureInfo.InvariantCulture);
    await StreamMode.RunAsync((long)(gb * 1024 * 1024 * 1024));
    return 0;
}
if (args.Contains("--ratios"))
{
    await RatioMode.RunAsync(args.Contains("--quick") ? 50 : 400);
    return 0;
}

if (args.Contains("--argon2"))
{
    Argon2Mode.Run(args.Contains("--quick") ? 3 : 10);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(RecordBenchmarks).Assembly).Run(args);
return 0;

internal static class StreamMode
{
    public static async Task RunAsync(long length)
    {
        var key = ChunkedFile.GenerateKey();
        var fileId = Guid.NewGuid();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        var source = new GeneratedStream(length);
        var sink = new CountingStream();
        await ChunkedFile.EncryptAsync(source, sink, key, fileId);
        var encryptSeconds = sw.Elapsed.TotalSeconds;
        var encryptAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        sw.Restart();
        var plainSink = new CountingStream();
        await ChunkedFile.DecryptAsync(new EncryptedGeneratedStream(length, key, fileId), plainSink, key, fileId);
        var decryptSeconds = sw.Elapsed.TotalSeconds;

        var decryptAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore - encryptAllocated;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var mib = 1024.0 * 1024.0;
        Console.WriteLine(FormattableString.Invariant($"plaintext bytes         {length:N0}"));
        Console.WriteLine(FormattableString.Invariant($"ciphertext bytes        {sink.Count:N0}"));
        Console.WriteLine(FormattableString.Invariant($"decrypted bytes         {plainSink.Count:N0}"));
        Console.WriteLine(FormattableString.Invariant($"encrypt                 {encryptSeconds:F2} s, {length / mib / encryptSeconds:F0} MiB/s"));
        Console.WriteLine(FormattableString.Invariant($"encrypt allocated       {encryptAllocated / mib:F2} MiB (GC.GetTotalAllocatedBytes)"));
        Console.WriteLine(FormattableString.Invariant($"decrypt                 {decryptSeconds:F2} s (includes producing its encrypted input on the fly)"));
        Console.WriteLine(FormattableString.Invariant($"decrypt allocated       {decryptAllocated / mib:F2} MiB (includes the input generator's per-chunk arrays)"));
        Console.WriteLine(FormattableString.Invariant($"peak working set        {self.PeakWorkingSet64 / mib:F1} MiB"));
    }
}

/// <summary>A read-only stream of <c>length</c> bytes produced on the fly from a repeating pattern; nothing is stored.</summary>
internal sealed class GeneratedStream(long length) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < n; i++)
        {
            buffer[i] = (byte)((_position + i) * 31);
        }
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>The encrypted form of a <see cref="GeneratedStream"/>, produced chunk by chunk on demand.</summary>
internal sealed class EncryptedGeneratedStream : Stream
{
    private readonly GeneratedStream _plain;
    private readonly byte[] _key;
    private readonly byte[] _header;
    private readonly byte[] _chunkPlain = new byte[ChunkedFile.DefaultChunkSize];
    private byte[] _pending;
    private int _pendingOffset;
    private ulong _index;
    private bool _done;

    public EncryptedGeneratedStream(long length, byte[] key, Guid fileId)
    {
        _plain = new GeneratedStream(length);
        _key = key;
        _header = ChunkedFile.CreateHeader(fileId);
        _pending = _header;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_pendingOffset == _pending.Length)
        {
            if (_done)
            {
                return 0;
            }
            var n = _plain.ReadAtLeast(_chunkPlain, _chunkPlain.Length, throwOnEndOfStream: false);
            _done = n < _chunkPlain.Length;
            _pending = ChunkedFile.SealChunk(_key, _header, _index++, _chunkPlain.AsSpan(0, n), _done);
            _pendingOffset = 0;
        }
        var take = Math.Min(buffer.Length, _pending.Length - _pendingOffset);
        _pending.AsSpan(_pendingOffset, take).CopyTo(buffer);
        _pendingOffset += take;
        return take;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A write-only sink that counts and discards.</summary>
internal sealed class CountingStream : Stream
{
    public long Count { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Count;
    public override long Position { get => Count; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Count += count;

    public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count += buffer.Length;
        return ValueTask.CompletedTask;
    }

    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

internal static class Argon2Mode
{
    public static void Run(int runs)
    {
        using var pair = X25519KeyPair.Generate();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var before = self.PeakWorkingSet64;
        var p = Argon2idParameters.Default;
        var times = new List<double>();
        byte[] blob = [];
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            blob = PrivateKeyWrap.WrapWithPassword(pair, "correct horse battery staple", p);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        using (PrivateKeyWrap.UnwrapWithPassword(blob, "correct horse battery staple"))
        {
        }

        self.Refresh();
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Argon2id m={p.MemoryKiB} KiB ({p.MemoryKiB / 1024} MiB), t={p.Iterations}, p={Argon2idParameters.Parallelism}: " +
            $"min {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms over {runs} derivations; " +
            $"peak working set {before / 1048576.0:F0} MiB before, {self.PeakWorkingSet64 / 1048576.0:F0} MiB after"));
    }
}

internal static class RatioMode
{
    public static async Task RunAsync(int rounds)
    {
        var records = new RecordBenchmarks();
        records.Setup();
        var files = new FileBenchmarks();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                records.RawPrimitives();
                records.Varsling();
                files.RawAesGcm();
                await files.ChunkedFileEncrypt();
            }

            var raw = new List<double>();
            var ours = new List<double>();
            var rawFile = new List<double>();
            var ourFile = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                // Alternate the order so neither side always runs right after the other.
                if (i % 2 == 0)
                {
                    raw.Add(Time(() => records.RawPrimitives()));
                    ours.Add(Time(() => records.Varsling()));
                }
                else
                {
                    ours.Add(Time(() => records.Varsling()));
                    raw.Add(Time(() => records.RawPrimitives()));
                }

                if (i % 4 == 0)
                {
                    rawFile.Add(Time(files.RawAesGcm));
                    var sw = Stopwatch.StartNew();
                    await files.ChunkedFileEncrypt();
                    ourFile.Add(sw.Elapsed.TotalMilliseconds);
                }
            }

            Print("Seal 4 KiB to 5 recipients + open (Varsling / raw NSec)", ours, raw);
            Print("Chunked file encryption, 16 MiB (ChunkedFile / raw NSec AES-256-GCM)", ourFile, rawFile);
            var throughput = Median(rawFile) / Median(ourFile);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  chunked-file throughput = {throughput * 100:F0} % of raw AES-256-GCM ({1000 / 64.0 / Median(ourFile):F2} GiB/s vs {1000 / 64.0 / Median(rawFile):F2} GiB/s)"));
        }
        finally
        {
            records.Cleanup();
        }
    }

    private static double Time(Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static void Print(string what, List<double> ours, List<double> raw) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: median {Median(ours):F3} ms vs {Median(raw):F3} ms, ratio {Median(ours) / Median(raw):F2} ({ours.Count} interleaved runs each)"));
}
