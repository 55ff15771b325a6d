using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Varsling.Core.Data.Migrations;

/// <summary>
/// Administration: reminder offsets per organisation (null = the deployment's configuration) and the extra
/// questions a channel's report form asks.
/// </summary>
[DbContext(typeof(VarslingDbContext))]
[Migration("20261122130000_Administration")]
public sealed class Administration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        ALTER TABLE organisations ADD reminder_offset_days integer[];
        ALTER TABLE organisations ADD purge_notice_days integer;

        CREATE TABLE channel_questions (
            id uuid NOT NULL,
            organisation_id uuid NOT NULL,
            channel_id uuid NOT NULL,
            text character varying(500) NOT NULL,
            required boolean NOT NULL,
            sort_order integer NOT NULL,
            CONSTRAINT pk_channel_questions PRIMARY KEY (id),
            CONSTRAINT fk_channel_questions_channels_channel_id FOREIGN KEY (channel_id) REFERENCES channels (id) ON DELETE CASCADE,
            CONSTRAINT fk_channel_questions_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
        );
        CREATE INDEX ix_channel_questions_channel_id_sort_order ON channel_questions (channel_id, sort_order);
        CREATE INDEX ix_channel_questions_organisation_id ON channel_questions (organisation_id);
        """);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Varsling migrations are forward-only; restore a backup to go back.");
}
