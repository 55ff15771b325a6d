using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Accounts;
using Varsling.Core.Attachments;
using Varsling.Core.Cases;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;

namespace Varsling.Core.Data.Configurations;

internal sealed class CaseRecordConfiguration : IEntityTypeConfiguration<CaseRecord>
{
    public void Configure(EntityTypeBuilder<CaseRecord> b)
    {
        b.ToTable("CaseRecords");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Author).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.TemplateId).HasMaxLength(CaseRecord.MaxTemplateIdLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<VarslingUser>().WithMany().HasForeignKey(r => r.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.CaseId, r.Sequence }).IsUnique();
        b.HasIndex(r => r.AuthorUserId);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("Attachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Header).HasMaxLength(Crypto.ChunkedFile.HeaderLength);
        b.Property(a => a.SealedFileKey).HasMaxLength(Crypto.Records.Overhead + 32);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.CaseId);
        b.HasIndex(a => a.RecordId);
    }
}

internal sealed class AttachmentChunkConfiguration : IEntityTypeConfiguration<AttachmentChunk>
{
    public void Configure(EntityTypeBuilder<AttachmentChunk> b)
    {
        b.ToTable("AttachmentChunks");
        b.HasKey(c => new { c.AttachmentId, c.Index });
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Attachment>().WithMany().HasForeignKey(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.OrganisationId);
    }
}

internal sealed class UploadConfiguration : IEntityTypeConfiguration<Upload>
{
    public void Configure(EntityTypeBuilder<Upload> b)
    {
        b.ToTable("Uploads");
        b.HasKey(u => u.Id);
        b.Property(u => u.Id).ValueGeneratedNever();
        b.Property(u => u.Header).HasMaxLength(Crypto.ChunkedFile.HeaderLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.ExpiresAt);
    }
}

internal sealed class UploadChunkConfiguration : IEntityTypeConfiguration<UploadChunk>
{
    public void Configure(EntityTypeBuilder<UploadChunk> b)
    {
        b.ToTable("UploadChunks");
        b.HasKey(c => new { c.UploadId, c.Index });
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Upload>().WithMany().HasForeignKey(c => c.UploadId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.OrganisationId);
    }
}
