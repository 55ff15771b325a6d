using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Varsling.Core.Data.Configurations;

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public const int ApplicationNameLength = 100;

    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.ApplicationName).HasMaxLength(ApplicationNameLength);
        b.Property(k => k.FriendlyName).HasMaxLength(200);
        b.HasIndex(k => k.ApplicationName);
    }
}
