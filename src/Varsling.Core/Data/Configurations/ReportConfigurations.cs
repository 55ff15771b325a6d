using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Accounts;
using Varsling.Core.Cases;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Core.Data.Configurations;

internal sealed class ChannelRecipientConfiguration : IEntityTypeConfiguration<ChannelRecipient>
{
    public void Configure(EntityTypeBuilder<ChannelRecipient> b)
    {
        b.ToTable("ChannelRecipients");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Channel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<VarslingUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ChannelId, r.UserId }).IsUnique();
    }
}

internal sealed class CaseKeyGrantConfiguration : IEntityTypeConfiguration<CaseKeyGrant>
{
    public void Configure(EntityTypeBuilder<CaseKeyGrant> b)
    {
        b.ToTable("CaseKeyGrants");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.Holder).HasConversion<string>().HasMaxLength(16);
        b.Property(k => k.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(k => k.WrappedKey).HasMaxLength(CaseKeys.WrappedLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(k => k.CaseId).OnDelete(DeleteBehavior.Cascade);
        // Removing a person must not silently destroy a case's only keys; access is revoked deliberately.
        b.HasOne<VarslingUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(k => new { k.CaseId, k.UserId, k.Kind }).IsUnique().HasFilter("user_id IS NOT NULL");
        // The partial unique indexes cannot serve "WHERE case_id = …" alone; the purge and the cascade from cases need this one.
        b.HasIndex(k => k.CaseId);
        b.HasIndex(k => new { k.CaseId, k.Kind }).IsUnique().HasFilter("holder = 'Reporter'").HasDatabaseName("ix_case_key_grants_reporter");
        b.HasIndex(k => k.UserId);
    }
}

internal sealed class ReporterCredentialConfiguration : IEntityTypeConfiguration<ReporterCredential>
{
    public void Configure(EntityTypeBuilder<ReporterCredential> b)
    {
        b.ToTable("ReporterCredentials");
        b.HasKey(r => r.CaseId);
        b.Property(r => r.LookupHash).HasMaxLength(ReporterCredential.LookupHashLength);
        b.Property(r => r.PublicKey).HasMaxLength(X25519KeyPair.PublicKeyLength);
        b.Property(r => r.WrappedPrivateKey).HasMaxLength(PrivateKeyWrap.WrappedLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithOne().HasForeignKey<ReporterCredential>(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.LookupHash).IsUnique();
    }
}

internal sealed class ReporterSessionConfiguration : IEntityTypeConfiguration<ReporterSession>
{
    public void Configure(EntityTypeBuilder<ReporterSession> b)
    {
        b.ToTable("ReporterSessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.WrappedKey).HasMaxLength(PrivateKeyWrap.WrappedLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.LastSeenAt);
    }
}

internal sealed class DeploymentConfiguration : IEntityTypeConfiguration<Deployment>
{
    public void Configure(EntityTypeBuilder<Deployment> b)
    {
        b.ToTable("Deployment");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.ReceiptSalt).HasMaxLength(Deployment.SaltLength);
    }
}
