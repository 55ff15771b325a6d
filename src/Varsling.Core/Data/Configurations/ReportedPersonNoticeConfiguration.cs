using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Cases;
using Varsling.Core.Organisations;
using Varsling.Core.Privacy;

namespace Varsling.Core.Data.Configurations;

internal sealed class ReportedPersonNoticeConfiguration : IEntityTypeConfiguration<ReportedPersonNotice>
{
    public void Configure(EntityTypeBuilder<ReportedPersonNotice> b)
    {
        b.ToTable("ReportedPersonNotices");
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.Ground).HasConversion<string>().HasMaxLength(32);
        b.HasOne<Organisation>().WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.CaseId, n.RecordedAt });
        b.HasIndex(n => n.OrganisationId);
    }
}
