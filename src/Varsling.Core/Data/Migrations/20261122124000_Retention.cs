using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Varsling.Core.Data.Migrations;

/// <summary>Legal hold and closing outcome on cases, and the content-free purge records that outlive purged cases (Core/Retention).</summary>
[DbContext(typeof(VarslingDbContext))]
[Migration("20261122124000_Retention")]
public sealed class Retention : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE cases ADD COLUMN legal_hold_reason character varying(1000);
            ALTER TABLE cases ADD COLUMN legal_hold_set_by uuid;
            ALTER TABLE cases ADD COLUMN legal_hold_set_at timestamp with time zone;
            ALTER TABLE cases ADD COLUMN outcome character varying(32);

            CREATE TABLE purge_records (
                id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                legal_entity_id uuid NOT NULL,
                channel_id uuid NOT NULL,
                case_reference character varying(32) NOT NULL,
                category_name character varying(200),
                received_month date NOT NULL,
                closed_month date NOT NULL,
                purge_due date NOT NULL,
                purged_at timestamp with time zone NOT NULL,
                outcome character varying(32),
                CONSTRAINT pk_purge_records PRIMARY KEY (id),
                CONSTRAINT fk_purge_records_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE UNIQUE INDEX ix_purge_records_organisation_id_case_reference ON purge_records (organisation_id, case_reference);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE purge_records;
            ALTER TABLE cases DROP COLUMN outcome;
            ALTER TABLE cases DROP COLUMN legal_hold_set_at;
            ALTER TABLE cases DROP COLUMN legal_hold_set_by;
            ALTER TABLE cases DROP COLUMN legal_hold_reason;
            """);
    }
}
