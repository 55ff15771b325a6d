using System.Reflection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Varsling.Core.Accounts;
using Varsling.Core.Attachments;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Deadlines;
using Varsling.Core.Messaging;
using Varsling.Core.Reports;
using Varsling.Core.Organisations;
using Varsling.Core.Privacy;
using Varsling.Core.Retention;

namespace Varsling.Core.Data;

/// <summary>
/// All of Varsling's state in PostgreSQL. Organisation-owned entities are filtered by the current
/// <see cref="OrganisationScope"/>; code that must cross organisations (purge, the operator CLI) says so with
/// <c>IgnoreQueryFilters()</c>.
/// </summary>
public sealed class VarslingDbContext(DbContextOptions<VarslingDbContext> options, OrganisationScope scope)
    : IdentityDbContext<VarslingUser, VarslingRole, Guid>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<LegalEntity> LegalEntities => Set<LegalEntity>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<ChannelQuestion> ChannelQuestions => Set<ChannelQuestion>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseRecusal> CaseRecusals => Set<CaseRecusal>();
    public DbSet<DataSubjectRequest> DataSubjectRequests => Set<DataSubjectRequest>();
    public DbSet<PurgeRecord> PurgeRecords => Set<PurgeRecord>();
    public DbSet<SentReminder> SentReminders => Set<SentReminder>();
    public DbSet<Privacy.SentRequestReminder> SentRequestReminders => Set<Privacy.SentRequestReminder>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserKey> UserKeys => Set<UserKey>();
    public DbSet<KeySession> KeySessions => Set<KeySession>();
    public DbSet<ChannelRecipient> ChannelRecipients => Set<ChannelRecipient>();
    public DbSet<CaseKeyGrant> CaseKeyGrants => Set<CaseKeyGrant>();
    public DbSet<ReporterCredential> ReporterCredentials => Set<ReporterCredential>();
    public DbSet<ReporterSession> ReporterSessions => Set<ReporterSession>();
    public DbSet<Deployment> Deployments => Set<Deployment>();
    public DbSet<CaseRecord> CaseRecords => Set<CaseRecord>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentChunk> AttachmentChunks => Set<AttachmentChunk>();
    public DbSet<Upload> Uploads => Set<Upload>();
    public DbSet<UploadChunk> UploadChunks => Set<UploadChunk>();
    public DbSet<Privacy.ReportedPersonNotice> ReportedPersonNotices => Set<Privacy.ReportedPersonNotice>();
    public DbSet<Access.OrganisationEscrow> OrganisationEscrows => Set<Access.OrganisationEscrow>();
    public DbSet<Access.ChannelCustodian> ChannelCustodians => Set<Access.ChannelCustodian>();
    public DbSet<Access.IdentityReleaseRequest> IdentityReleaseRequests => Set<Access.IdentityReleaseRequest>();

    /// <summary>The organisation queries are scoped to; <see cref="Guid.Empty"/> (matching no row) while unset.</summary>
    internal Guid ScopedOrganisationId => scope.OrganisationId ?? Guid.Empty;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Conventions.Add(_ => new SnakeCaseConvention());
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(VarslingDbContext).Assembly);

        var filter = typeof(VarslingDbContext).GetMethod(nameof(FilterByOrganisation), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IOrganisationOwned).IsAssignableFrom(e.ClrType)))
        {
            filter.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
        }
    }

    // Declared here so the lambda captures this context: EF evaluates ScopedOrganisationId per query, not once per model.
    private void FilterByOrganisation<T>(ModelBuilder builder) where T : class, IOrganisationOwned =>
        builder.Entity<T>().HasQueryFilter(e => e.OrganisationId == ScopedOrganisationId);
}
