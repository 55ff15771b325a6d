using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Organisations;
using Varsling.Core.Retention;

namespace Varsling.Core.Data.Configurations;

internal sealed class PurgeRecordConfiguration : IEntityTypeConfiguration<PurgeRecord>
{
    public void Configure(EntityTypeBuilder<PurgeRecord> b)
    {
        b.ToTable("PurgeRecords");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.CaseReference).HasMaxLength(32);
        b.Property(r => r.CategoryName).HasMaxLength(PurgeRecord.CategoryNameMaxLength);
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(32);
        // No foreign keys to channels or legal entities: a purge record outlives their reconfiguration.
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OrganisationId, r.CaseReference }).IsUnique();
    }
}
