using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Organisations;
using Varsling.Core.Privacy;

namespace Varsling.Core.Data.Configurations;

internal sealed class DataSubjectRequestConfiguration : IEntityTypeConfiguration<DataSubjectRequest>
{
    public void Configure(EntityTypeBuilder<DataSubjectRequest> b)
    {
        b.ToTable("DataSubjectRequests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Reference).HasMaxLength(DataSubjectRequest.ReferenceMaxLength);
        b.Property(r => r.Right).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.ExtensionReason).HasMaxLength(DataSubjectRequest.ReasonMaxLength);
        b.Property(r => r.OutcomeGround).HasMaxLength(DataSubjectRequest.ReasonMaxLength);
        b.Ignore(r => r.AnsweredInTime);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LegalEntity>().WithMany().HasForeignKey(r => r.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OrganisationId, r.Reference }).IsUnique();
        b.HasIndex(r => new { r.OrganisationId, r.Status });
    }
}
