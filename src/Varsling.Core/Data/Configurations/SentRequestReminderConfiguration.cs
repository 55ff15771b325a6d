using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Privacy;

namespace Varsling.Core.Data.Configurations;

internal sealed class SentRequestReminderConfiguration : IEntityTypeConfiguration<SentRequestReminder>
{
    public void Configure(EntityTypeBuilder<SentRequestReminder> b)
    {
        b.ToTable("SentRequestReminders");
        b.HasKey(r => new { r.RequestId, r.Due, r.OffsetDays });
        b.HasOne<DataSubjectRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.OrganisationId);
    }
}
