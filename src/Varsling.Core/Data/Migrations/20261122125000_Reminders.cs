using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Varsling.Core.Data.Migrations;

/// <summary>The record of deadline reminders sent, so each goes out once (Core/Deadlines).</summary>
[DbContext(typeof(VarslingDbContext))]
[Migration("20261122125000_Reminders")]
public sealed class Reminders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE sent_reminders (
                case_id uuid NOT NULL,
                kind character varying(16) NOT NULL,
                due date NOT NULL,
                offset_days integer NOT NULL,
                organisation_id uuid NOT NULL,
                recipients integer NOT NULL,
                sent_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_sent_reminders PRIMARY KEY (case_id, kind, due, offset_days),
                CONSTRAINT fk_sent_reminders_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE
            );

            CREATE INDEX ix_sent_reminders_organisation_id ON sent_reminders (organisation_id);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE sent_reminders;");
    }
}
