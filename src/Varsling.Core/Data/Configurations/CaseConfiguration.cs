using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Accounts;
using Varsling.Core.Cases;
using Varsling.Core.Organisations;

namespace Varsling.Core.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("Cases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Reference).HasMaxLength(32);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.FeedbackExtensionReason).HasMaxLength(2000);
        b.Property(c => c.LegalHoldReason).HasMaxLength(Case.LegalHoldReasonMaxLength);
        b.Ignore(c => c.OnLegalHold);
        b.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Version).IsRowVersion();
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LegalEntity>().WithMany().HasForeignKey(c => c.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Channel>().WithMany().HasForeignKey(c => c.ChannelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => new { c.OrganisationId, c.Reference }).IsUnique();
        b.HasIndex(c => new { c.OrganisationId, c.Status });
        b.HasIndex(c => c.PurgeDue).HasFilter("purge_due IS NOT NULL");
        // Case work: the assignee, oral reports, and the inbox's two sort orders (paged in SQL).
        b.Property(c => c.OralMedium).HasConversion<string>().HasMaxLength(16);
        b.HasOne<VarslingUser>().WithMany().HasForeignKey(c => c.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.OrganisationId, c.NextDue, c.ReceivedAt }).IsDescending(false, false, true);
        b.HasIndex(c => new { c.OrganisationId, c.ReceivedAt }).IsDescending(false, true);
    }
}
