using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Varsling.Core.Data.Migrations;

/// <summary>
/// The history of informing each case's reported person (Core/Privacy), and an index on case_key_grants.case_id:
/// the partial unique indexes cannot serve a lookup by case alone, so purging a case scanned every grant.
/// </summary>
[DbContext(typeof(VarslingDbContext))]
[Migration("20261122134000_ReportedPersonNotices")]
public sealed class ReportedPersonNotices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE reported_person_notices (
                id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                case_id uuid NOT NULL,
                kind character varying(16) NOT NULL,
                informed_on date,
                ground character varying(32),
                review_on date,
                recorded_at timestamp with time zone NOT NULL,
                recorded_by uuid NOT NULL,
                CONSTRAINT pk_reported_person_notices PRIMARY KEY (id),
                CONSTRAINT fk_reported_person_notices_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
                CONSTRAINT fk_reported_person_notices_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE INDEX ix_reported_person_notices_case_id_recorded_at ON reported_person_notices (case_id, recorded_at);
            CREATE INDEX ix_reported_person_notices_organisation_id ON reported_person_notices (organisation_id);
            CREATE INDEX ix_case_key_grants_case_id ON case_key_grants (case_id);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP INDEX ix_case_key_grants_case_id;
            DROP TABLE reported_person_notices;
            """);
    }
}
