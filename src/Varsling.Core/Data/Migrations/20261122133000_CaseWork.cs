using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Varsling.Core.Data.Migrations;

/// <summary>
/// Case work (issue 5 §4): the assignee, the stored next legal due date the inbox sorts and pages by (with its
/// indexes, backfilled for existing cases), the medium of registered oral reports, and recusals.
/// </summary>
[DbContext(typeof(VarslingDbContext))]
[Migration("20261122133000_CaseWork")]
public sealed class CaseWorkFeatures : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE cases ADD COLUMN assignee_id uuid;
            ALTER TABLE cases ADD COLUMN next_due date;
            ALTER TABLE cases ADD COLUMN oral_medium character varying(16);
            ALTER TABLE cases ADD CONSTRAINT fk_cases_asp_net_users_assignee_id FOREIGN KEY (assignee_id) REFERENCES asp_net_users (id) ON DELETE RESTRICT;

            UPDATE cases SET next_due = CASE
                WHEN status IN ('Closed', 'Purged') THEN NULL
                WHEN acknowledged_at IS NULL THEN acknowledgement_due
                WHEN feedback_given_at IS NULL THEN feedback_due
                ELSE NULL
            END;

            CREATE INDEX ix_cases_assignee_id ON cases (assignee_id);
            CREATE INDEX ix_cases_organisation_id_next_due_received_at ON cases (organisation_id, next_due, received_at DESC);
            CREATE INDEX ix_cases_organisation_id_received_at ON cases (organisation_id, received_at DESC);

            CREATE TABLE case_recusals (
                id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                case_id uuid NOT NULL,
                user_id uuid NOT NULL,
                note_record_id uuid NOT NULL,
                recused_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_case_recusals PRIMARY KEY (id),
                CONSTRAINT fk_case_recusals_asp_net_users_user_id FOREIGN KEY (user_id) REFERENCES asp_net_users (id) ON DELETE RESTRICT,
                CONSTRAINT fk_case_recusals_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
                CONSTRAINT fk_case_recusals_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE UNIQUE INDEX ix_case_recusals_case_id_user_id ON case_recusals (case_id, user_id);
            CREATE INDEX ix_case_recusals_organisation_id ON case_recusals (organisation_id);
            CREATE INDEX ix_case_recusals_user_id ON case_recusals (user_id);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE case_recusals;
            DROP INDEX ix_cases_organisation_id_received_at;
            DROP INDEX ix_cases_organisation_id_next_due_received_at;
            DROP INDEX ix_cases_assignee_id;
            ALTER TABLE cases DROP CONSTRAINT fk_cases_asp_net_users_assignee_id;
            ALTER TABLE cases DROP COLUMN oral_medium;
            ALTER TABLE cases DROP COLUMN next_due;
            ALTER TABLE cases DROP COLUMN assignee_id;
            """);
    }
}
