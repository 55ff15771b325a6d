using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Cases;
using Varsling.Core.Deadlines;

namespace Varsling.Core.Data.Configurations;

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> b)
    {
        b.ToTable("SentReminders");
        b.HasKey(r => new { r.CaseId, r.Kind, r.Due, r.OffsetDays });
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        // Reminders belong to the case and go with it when it is purged.
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.OrganisationId);
    }
}
