using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Accounts;
using Varsling.Core.Cases;
using Varsling.Core.Organisations;

namespace Varsling.Core.Data.Configurations;

internal sealed class CaseRecusalConfiguration : IEntityTypeConfiguration<CaseRecusal>
{
    public void Configure(EntityTypeBuilder<CaseRecusal> b)
    {
        b.ToTable("CaseRecusals");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // A recusal belongs to its case and goes with it when the case is purged.
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<VarslingUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.CaseId, r.UserId }).IsUnique();
        b.HasIndex(r => r.UserId);
    }
}
