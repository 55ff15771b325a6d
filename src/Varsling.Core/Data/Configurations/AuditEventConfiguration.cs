using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varsling.Core.Audit;

namespace Varsling.Core.Data.Configurations;

/// <summary>
/// The audit log. No foreign keys at all: rows must outlive the cases, users and organisations they mention. The
/// append-only trigger lives in the migration (the model cannot express it).
/// </summary>
internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("AuditEvents", t =>
        {
            t.HasCheckConstraint("ck_audit_events_hash_length", $"octet_length(hash) = {AuditChain.HashLength}");
            t.HasCheckConstraint("ck_audit_events_prev_hash_length", $"octet_length(prev_hash) = {AuditChain.HashLength}");
        });
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).UseIdentityByDefaultColumn();
        b.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(48);
        b.Property(e => e.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        b.HasIndex(e => new { e.OrganisationId, e.OccurredAt });
        b.HasIndex(e => e.CaseId).HasFilter("case_id IS NOT NULL");
    }
}
