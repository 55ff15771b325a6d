using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Organisations;

namespace Varsling.Core.Data.Configurations;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> b)
    {
        b.ToTable("Channels");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Slug).HasMaxLength(Slugs.MaxLength);
        b.Property(c => c.Name).HasMaxLength(Names.MaxLength);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.LegalEntity).WithMany().HasForeignKey(c => c.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.OrganisationId, c.Slug }).IsUnique();
        b.HasMany(c => c.Categories).WithOne().HasForeignKey(c => c.ChannelId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Categories).HasField("_categories").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Property(c => c.Version).IsRowVersion();
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("Categories");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Name).HasMaxLength(Names.MaxLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ChannelId, c.Name }).IsUnique();
    }
}

internal sealed class ChannelQuestionConfiguration : IEntityTypeConfiguration<ChannelQuestion>
{
    public void Configure(EntityTypeBuilder<ChannelQuestion> b)
    {
        b.ToTable("ChannelQuestions");
        b.HasKey(q => q.Id);
        b.Property(q => q.Id).ValueGeneratedNever();
        b.Property(q => q.Text).HasMaxLength(ChannelQuestion.MaxLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(q => q.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Channel>().WithMany().HasForeignKey(q => q.ChannelId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(q => new { q.ChannelId, q.SortOrder });
    }
}
