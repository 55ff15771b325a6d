using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Access;
using Varsling.Core.Accounts;
using Varsling.Core.Cases;
using Varsling.Core.Organisations;
using Varsling.Crypto;

namespace Varsling.Core.Data.Configurations;

internal sealed class OrganisationEscrowConfiguration : IEntityTypeConfiguration<OrganisationEscrow>
{
    public void Configure(EntityTypeBuilder<OrganisationEscrow> b)
    {
        b.ToTable("OrganisationEscrows");
        b.HasKey(e => e.OrganisationId);
        b.Property(e => e.OrganisationId).ValueGeneratedNever();
        b.Property(e => e.PublicKey).HasMaxLength(X25519KeyPair.PublicKeyLength);
        b.Property(e => e.WrappedPrivateKey).HasMaxLength(PrivateKeyWrap.WrappedLength);
        b.HasOne<Organisation>().WithOne().HasForeignKey<OrganisationEscrow>(e => e.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        // The admin who turned escrow on may leave; the escrow key stays the organisation's.
        b.HasOne<VarslingUser>().WithMany().HasForeignKey(e => e.EnabledBy).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChannelCustodianConfiguration : IEntityTypeConfiguration<ChannelCustodian>
{
    public void Configure(EntityTypeBuilder<ChannelCustodian> b)
    {
        b.ToTable("ChannelCustodians");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Channel>().WithMany().HasForeignKey(c => c.ChannelId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<VarslingUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ChannelId, c.UserId }).IsUnique();
    }
}

internal sealed class IdentityReleaseRequestConfiguration : IEntityTypeConfiguration<IdentityReleaseRequest>
{
    public void Configure(EntityTypeBuilder<IdentityReleaseRequest> b)
    {
        b.ToTable("IdentityReleaseRequests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.SealedReason).HasMaxLength(16 * 1024);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<VarslingUser>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<VarslingUser>().WithMany().HasForeignKey(r => r.DecidedBy).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => r.CaseId);
        b.HasIndex(r => new { r.CaseId, r.RequesterId }).IsUnique().HasFilter("status = 'Pending'");
    }
}
