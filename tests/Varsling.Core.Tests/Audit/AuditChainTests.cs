using System.Security.Cryptography;
using System.Text;
using Varsling.Core.Audit;

namespace Varsling.Core.Tests.Audit;

/// <summary>The chain hash follows its documented encoding, and every field and the link change it.</summary>
public sealed class AuditChainTests
{
    private static readonly Guid s_org = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
    private static readonly Guid s_user = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly Guid s_case = Guid.Parse("20000000-0000-0000-0000-000000000002");
    private static readonly DateTimeOffset s_at = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static byte[] Hash(long id = 7, Guid? org = null, DateTimeOffset? at = null, string kind = "User", Guid? actor = null,
        string action = "CaseViewed", Guid? caseId = null, string? detail = "d", byte[]? prev = null) =>
        AuditChain.ComputeHash(id, org ?? s_org, at ?? s_at, kind, actor ?? s_user, action, caseId ?? s_case, detail, prev ?? new byte[32]);

    [Fact]
    public void ComputeHash_FollowsTheDocumentedEncoding()
    {
        var expected = new List<byte>();
        void Field(byte[] bytes)
        {
            expected.AddRange([(byte)(bytes.Length >> 24), (byte)(bytes.Length >> 16), (byte)(bytes.Length >> 8), (byte)bytes.Length]);
            expected.AddRange(bytes);
        }

        Field(Encoding.UTF8.GetBytes("varsling.audit.v1"));
        Field([0, 0, 0, 0, 0, 0, 0, 7]);
        Field(Convert.FromHexString("00112233445566778899aabbccddeeff"));
        // 2025-03-10T09:00:00Z = 1741597200 s since the epoch, in microseconds.
        Field(BitConverter.GetBytes(1_741_597_200_000_000L).Reverse().ToArray());
        Field("User"u8.ToArray());
        Field(Convert.FromHexString("10000000000000000000000000000001"));
        Field("CaseViewed"u8.ToArray());
        Field(Convert.FromHexString("20000000000000000000000000000002"));
        expected.AddRange([0xFF, 0xFF, 0xFF, 0xFF]);
        Field(new byte[32]);

        var actual = Hash(detail: null);

        Assert.Equal(SHA256.HashData(expected.ToArray()), actual);
    }

    [Fact]
    public void ComputeHash_EachFieldAndTheLink_ChangeTheHash()
    {
        var baseline = Hash();
        byte[][] variants =
        [
            Hash(id: 8),
            Hash(org: Guid.NewGuid()),
            Hash(at: s_at.AddTicks(10)),
            Hash(kind: "System"),
            Hash(actor: Guid.NewGuid()),
            Hash(action: "CaseTransitioned"),
            Hash(caseId: Guid.NewGuid()),
            Hash(detail: "e"),
            Hash(detail: ""),
            Hash(detail: null),
            Hash(prev: [.. new byte[31], 1]),
        ];

        Assert.All(variants, v => Assert.NotEqual(baseline, v));
        Assert.Equal(variants.Length, variants.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public void ComputeHash_FieldBoundariesCannotBeShifted()
    {
        // Length prefixes keep ("ab", "c") apart from ("a", "bc").
        Assert.NotEqual(Hash(action: "ab", detail: "c"), Hash(action: "a", detail: "bc"));
    }

    [Fact]
    public void ComputeHash_PrevHashOfWrongLength_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Hash(prev: new byte[31]));
    }

    [Fact]
    public void ToStoredPrecision_TruncatesToWholeMicrosecondsInUtc()
    {
        var instant = new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(1_234_567);

        var stored = AuditChain.ToStoredPrecision(instant);

        Assert.Equal(TimeSpan.Zero, stored.Offset);
        Assert.Equal(instant.UtcTicks - 7, stored.UtcTicks);
    }

    [Fact]
    public void Actors_OnlyAUserCarriesAnId()
    {
        Assert.Null(AuditActor.Reporter.Id);
        Assert.Equal(AuditActorKind.Reporter, AuditActor.Reporter.Kind);
        Assert.Null(AuditActor.System.Id);
        Assert.Equal(s_user, AuditActor.User(s_user).Id);
        Assert.Throws<ArgumentException>(() => AuditActor.User(Guid.Empty));
    }
}
