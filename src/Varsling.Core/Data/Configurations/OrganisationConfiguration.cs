using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Organisations;

namespace Varsling.Core.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("Organisations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Slug).HasMaxLength(Slugs.MaxLength);
        b.HasIndex(o => o.Slug).IsUnique();
        b.Property(o => o.Name).HasMaxLength(Names.MaxLength);
        b.Property(o => o.ControllerName).HasMaxLength(Names.MaxLength);
        b.Property(o => o.ControllerContact).HasMaxLength(Texts.ContactMaxLength);
        b.Property(o => o.DpoContact).HasMaxLength(Texts.ContactMaxLength);
        b.Property(o => o.Processors).HasMaxLength(Texts.ProcessorsMaxLength);
        b.Property(o => o.ThirdCountryTransfers).HasMaxLength(Texts.TransfersMaxLength);
        b.Property(o => o.Version).IsRowVersion();
    }
}

internal sealed class LegalEntityConfiguration : IEntityTypeConfiguration<LegalEntity>
{
    public void Configure(EntityTypeBuilder<LegalEntity> b)
    {
        b.ToTable("LegalEntities");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Name).HasMaxLength(Names.MaxLength);
        b.Property(e => e.JurisdictionCode).HasMaxLength(8);
        b.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.OrganisationId, e.Name }).IsUnique();
        b.Property(e => e.Version).IsRowVersion();
    }
}
