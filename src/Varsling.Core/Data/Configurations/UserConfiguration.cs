using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Accounts;
using Varsling.Core.Organisations;

namespace Varsling.Core.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<VarslingUser>
{
    public void Configure(EntityTypeBuilder<VarslingUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
