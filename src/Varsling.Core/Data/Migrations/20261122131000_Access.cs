using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Varsling.Core.Data.Migrations;

/// <summary>
/// Access (Core/Access): the organisation escrow key and each person's escrow wrap, custodian identity release
/// (the channel flag, custodians and release requests).
/// </summary>
[DbContext(typeof(VarslingDbContext))]
[Migration("20261122131000_Access")]
public sealed class Access : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE user_keys ADD COLUMN escrow_wrap bytea;

            ALTER TABLE channels ADD COLUMN identity_held_by_custodians boolean NOT NULL DEFAULT false;
            ALTER TABLE channels ALTER COLUMN identity_held_by_custodians DROP DEFAULT;

            CREATE TABLE organisation_escrows (
                organisation_id uuid NOT NULL,
                public_key bytea NOT NULL,
                wrapped_private_key bytea NOT NULL,
                enabled_by uuid NOT NULL,
                enabled_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_organisation_escrows PRIMARY KEY (organisation_id),
                CONSTRAINT fk_organisation_escrows_asp_net_users_enabled_by FOREIGN KEY (enabled_by) REFERENCES asp_net_users (id) ON DELETE RESTRICT,
                CONSTRAINT fk_organisation_escrows_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE
            );

            CREATE INDEX ix_organisation_escrows_enabled_by ON organisation_escrows (enabled_by);

            CREATE TABLE channel_custodians (
                id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                channel_id uuid NOT NULL,
                user_id uuid NOT NULL,
                CONSTRAINT pk_channel_custodians PRIMARY KEY (id),
                CONSTRAINT fk_channel_custodians_asp_net_users_user_id FOREIGN KEY (user_id) REFERENCES asp_net_users (id) ON DELETE CASCADE,
                CONSTRAINT fk_channel_custodians_channels_channel_id FOREIGN KEY (channel_id) REFERENCES channels (id) ON DELETE CASCADE,
                CONSTRAINT fk_channel_custodians_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE UNIQUE INDEX ix_channel_custodians_channel_id_user_id ON channel_custodians (channel_id, user_id);
            CREATE INDEX ix_channel_custodians_organisation_id ON channel_custodians (organisation_id);
            CREATE INDEX ix_channel_custodians_user_id ON channel_custodians (user_id);

            CREATE TABLE identity_release_requests (
                id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                case_id uuid NOT NULL,
                requester_id uuid NOT NULL,
                sealed_reason bytea NOT NULL,
                requested_at timestamp with time zone NOT NULL,
                status character varying(16) NOT NULL,
                decided_by uuid,
                decided_at timestamp with time zone,
                CONSTRAINT pk_identity_release_requests PRIMARY KEY (id),
                CONSTRAINT fk_identity_release_requests_asp_net_users_decided_by FOREIGN KEY (decided_by) REFERENCES asp_net_users (id) ON DELETE SET NULL,
                CONSTRAINT fk_identity_release_requests_asp_net_users_requester_id FOREIGN KEY (requester_id) REFERENCES asp_net_users (id) ON DELETE CASCADE,
                CONSTRAINT fk_identity_release_requests_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
                CONSTRAINT fk_identity_release_requests_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE INDEX ix_identity_release_requests_case_id ON identity_release_requests (case_id);
            CREATE UNIQUE INDEX ix_identity_release_requests_case_id_requester_id ON identity_release_requests (case_id, requester_id) WHERE status = 'Pending';
            CREATE INDEX ix_identity_release_requests_decided_by ON identity_release_requests (decided_by);
            CREATE INDEX ix_identity_release_requests_organisation_id ON identity_release_requests (organisation_id);
            CREATE INDEX ix_identity_release_requests_requester_id ON identity_release_requests (requester_id);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Varsling migrations are forward-only; restore a backup to go back.");
}
