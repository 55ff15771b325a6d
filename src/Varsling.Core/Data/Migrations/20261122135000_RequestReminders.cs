using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Varsling.Core.Data.Migrations;

/// <summary>The record of data-subject request reminders sent, so each goes out once (Core/Privacy/RequestReminders).</summary>
[DbContext(typeof(VarslingDbContext))]
[Migration("20261122135000_RequestReminders")]
public sealed class RequestReminders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE sent_request_reminders (
                request_id uuid NOT NULL,
                due date NOT NULL,
                offset_days integer NOT NULL,
                organisation_id uuid NOT NULL,
                recipients integer NOT NULL,
                sent_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_sent_request_reminders PRIMARY KEY (request_id, due, offset_days),
                CONSTRAINT fk_sent_request_reminders_data_subject_requests_request_id FOREIGN KEY (request_id) REFERENCES data_subject_requests (id) ON DELETE CASCADE
            );

            CREATE INDEX ix_sent_request_reminders_organisation_id ON sent_request_reminders (organisation_id);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE sent_request_reminders;");
    }
}
