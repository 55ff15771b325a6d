using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Accounts;
using Varsling.Core.Organisations;

namespace Varsling.Core.Data.Configurations;

internal sealed class UserKeyConfiguration : IEntityTypeConfiguration<UserKey>
{
    public void Configure(EntityTypeBuilder<UserKey> b)
    {
        b.ToTable("UserKeys");
        b.HasKey(k => k.UserId);
        b.Property(k => k.UserId).ValueGeneratedNever();
        b.HasOne<VarslingUser>().WithOne().HasForeignKey<UserKey>(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KeySessionConfiguration : IEntityTypeConfiguration<KeySession>
{
    public void Configure(EntityTypeBuilder<KeySession> b)
    {
        b.ToTable("KeySessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasOne<VarslingUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.ExpiresAt);
    }
}
