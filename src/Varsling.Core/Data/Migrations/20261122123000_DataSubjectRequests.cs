using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Varsling.Core.Data.Migrations;

/// <summary>The register of GDPR data-subject requests (Core/Privacy).</summary>
[DbContext(typeof(VarslingDbContext))]
[Migration("20261122123000_DataSubjectRequests")]
public sealed class DataSubjectRequests : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE data_subject_requests (
                id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                legal_entity_id uuid NOT NULL,
                reference character varying(32) NOT NULL,
                "right" character varying(16) NOT NULL,
                case_id uuid,
                status character varying(16) NOT NULL,
                received_at timestamp with time zone NOT NULL,
                due date NOT NULL,
                due_end_utc timestamp with time zone NOT NULL,
                extension_recorded_at timestamp with time zone,
                extension_reason character varying(2000),
                completed_at timestamp with time zone,
                outcome character varying(24),
                outcome_ground character varying(2000),
                CONSTRAINT pk_data_subject_requests PRIMARY KEY (id),
                CONSTRAINT fk_data_subject_requests_legal_entities_legal_entity_id FOREIGN KEY (legal_entity_id) REFERENCES legal_entities (id) ON DELETE RESTRICT,
                CONSTRAINT fk_data_subject_requests_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE INDEX ix_data_subject_requests_legal_entity_id ON data_subject_requests (legal_entity_id);

            CREATE UNIQUE INDEX ix_data_subject_requests_organisation_id_reference ON data_subject_requests (organisation_id, reference);

            CREATE INDEX ix_data_subject_requests_organisation_id_status ON data_subject_requests (organisation_id, status);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE data_subject_requests;");
    }
}
