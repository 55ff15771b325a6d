using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Varsling.Core.Data.Migrations;

/// <summary>
/// Reports: channel recipients, wrapped case keys, reporter credentials and sessions, sealed case records,
/// attachments with their chunks, the upload staging area, the deployment's receipt salt, and the organisation's
/// privacy-notice settings.
/// </summary>
[DbContext(typeof(VarslingDbContext))]
[Migration("20261122120000_Reports")]
public sealed class Reports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE organisations ADD COLUMN controller_name character varying(200) NOT NULL DEFAULT '';
            ALTER TABLE organisations ALTER COLUMN controller_name DROP DEFAULT;
            ALTER TABLE organisations ADD COLUMN controller_contact character varying(500) NOT NULL DEFAULT '';
            ALTER TABLE organisations ALTER COLUMN controller_contact DROP DEFAULT;
            ALTER TABLE organisations ADD COLUMN dpo_contact character varying(500);
            ALTER TABLE organisations ADD COLUMN processors character varying(2000);

            CREATE TABLE deployment (
                id integer NOT NULL,
                receipt_salt bytea NOT NULL,
                CONSTRAINT pk_deployment PRIMARY KEY (id)
            );

            CREATE TABLE uploads (
                id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                header bytea NOT NULL,
                chunk_count integer NOT NULL,
                bytes bigint NOT NULL,
                is_complete boolean NOT NULL,
                created_at timestamp with time zone NOT NULL,
                expires_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_uploads PRIMARY KEY (id),
                CONSTRAINT fk_uploads_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE TABLE upload_chunks (
                upload_id uuid NOT NULL,
                index integer NOT NULL,
                organisation_id uuid NOT NULL,
                data bytea NOT NULL,
                CONSTRAINT pk_upload_chunks PRIMARY KEY (upload_id, index),
                CONSTRAINT fk_upload_chunks_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
                CONSTRAINT fk_upload_chunks_uploads_upload_id FOREIGN KEY (upload_id) REFERENCES uploads (id) ON DELETE CASCADE
            );

            CREATE TABLE channel_recipients (
                id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                channel_id uuid NOT NULL,
                user_id uuid NOT NULL,
                public_key bytea NOT NULL,
                CONSTRAINT pk_channel_recipients PRIMARY KEY (id),
                CONSTRAINT fk_channel_recipients_asp_net_users_user_id FOREIGN KEY (user_id) REFERENCES asp_net_users (id) ON DELETE CASCADE,
                CONSTRAINT fk_channel_recipients_channels_channel_id FOREIGN KEY (channel_id) REFERENCES channels (id) ON DELETE CASCADE,
                CONSTRAINT fk_channel_recipients_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE TABLE case_key_grants (
                id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                case_id uuid NOT NULL,
                holder character varying(16) NOT NULL,
                user_id uuid,
                kind character varying(16) NOT NULL,
                wrapped_key bytea NOT NULL,
                CONSTRAINT pk_case_key_grants PRIMARY KEY (id),
                CONSTRAINT fk_case_key_grants_asp_net_users_user_id FOREIGN KEY (user_id) REFERENCES asp_net_users (id) ON DELETE RESTRICT,
                CONSTRAINT fk_case_key_grants_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
                CONSTRAINT fk_case_key_grants_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE TABLE case_records (
                id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                case_id uuid NOT NULL,
                sequence integer NOT NULL,
                date date NOT NULL,
                author character varying(16) NOT NULL,
                author_user_id uuid,
                kind character varying(16) NOT NULL,
                sealed_content bytea,
                template_id character varying(64),
                CONSTRAINT pk_case_records PRIMARY KEY (id),
                CONSTRAINT fk_case_records_asp_net_users_author_user_id FOREIGN KEY (author_user_id) REFERENCES asp_net_users (id) ON DELETE RESTRICT,
                CONSTRAINT fk_case_records_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
                CONSTRAINT fk_case_records_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE TABLE reporter_credentials (
                case_id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                lookup_hash bytea NOT NULL,
                public_key bytea NOT NULL,
                wrapped_private_key bytea NOT NULL,
                CONSTRAINT pk_reporter_credentials PRIMARY KEY (case_id),
                CONSTRAINT fk_reporter_credentials_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
                CONSTRAINT fk_reporter_credentials_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE TABLE reporter_sessions (
                id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                case_id uuid NOT NULL,
                wrapped_key bytea NOT NULL,
                created_at timestamp with time zone NOT NULL,
                last_seen_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_reporter_sessions PRIMARY KEY (id),
                CONSTRAINT fk_reporter_sessions_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
                CONSTRAINT fk_reporter_sessions_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE TABLE attachments (
                id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                case_id uuid NOT NULL,
                record_id uuid NOT NULL,
                sealed_file_key bytea NOT NULL,
                header bytea NOT NULL,
                chunk_count integer NOT NULL,
                CONSTRAINT pk_attachments PRIMARY KEY (id),
                CONSTRAINT fk_attachments_case_records_record_id FOREIGN KEY (record_id) REFERENCES case_records (id) ON DELETE CASCADE,
                CONSTRAINT fk_attachments_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
                CONSTRAINT fk_attachments_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE TABLE attachment_chunks (
                attachment_id uuid NOT NULL,
                index integer NOT NULL,
                organisation_id uuid NOT NULL,
                data bytea NOT NULL,
                CONSTRAINT pk_attachment_chunks PRIMARY KEY (attachment_id, index),
                CONSTRAINT fk_attachment_chunks_attachments_attachment_id FOREIGN KEY (attachment_id) REFERENCES attachments (id) ON DELETE CASCADE,
                CONSTRAINT fk_attachment_chunks_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE INDEX ix_attachment_chunks_organisation_id ON attachment_chunks (organisation_id);

            CREATE INDEX ix_attachments_case_id ON attachments (case_id);

            CREATE INDEX ix_attachments_organisation_id ON attachments (organisation_id);

            CREATE INDEX ix_attachments_record_id ON attachments (record_id);

            CREATE UNIQUE INDEX ix_case_key_grants_case_id_user_id_kind ON case_key_grants (case_id, user_id, kind) WHERE user_id IS NOT NULL;

            CREATE INDEX ix_case_key_grants_organisation_id ON case_key_grants (organisation_id);

            CREATE UNIQUE INDEX ix_case_key_grants_reporter ON case_key_grants (case_id, kind) WHERE holder = 'Reporter';

            CREATE INDEX ix_case_key_grants_user_id ON case_key_grants (user_id);

            CREATE INDEX ix_case_records_author_user_id ON case_records (author_user_id);

            CREATE UNIQUE INDEX ix_case_records_case_id_sequence ON case_records (case_id, sequence);

            CREATE INDEX ix_case_records_organisation_id ON case_records (organisation_id);

            CREATE UNIQUE INDEX ix_channel_recipients_channel_id_user_id ON channel_recipients (channel_id, user_id);

            CREATE INDEX ix_channel_recipients_organisation_id ON channel_recipients (organisation_id);

            CREATE INDEX ix_channel_recipients_user_id ON channel_recipients (user_id);

            CREATE UNIQUE INDEX ix_reporter_credentials_lookup_hash ON reporter_credentials (lookup_hash);

            CREATE INDEX ix_reporter_credentials_organisation_id ON reporter_credentials (organisation_id);

            CREATE INDEX ix_reporter_sessions_case_id ON reporter_sessions (case_id);

            CREATE INDEX ix_reporter_sessions_last_seen_at ON reporter_sessions (last_seen_at);

            CREATE INDEX ix_reporter_sessions_organisation_id ON reporter_sessions (organisation_id);

            CREATE INDEX ix_upload_chunks_organisation_id ON upload_chunks (organisation_id);

            CREATE INDEX ix_uploads_expires_at ON uploads (expires_at);

            CREATE INDEX ix_uploads_organisation_id ON uploads (organisation_id);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE attachment_chunks;
            DROP TABLE attachments;
            DROP TABLE case_records;
            DROP TABLE case_key_grants;
            DROP TABLE reporter_credentials;
            DROP TABLE reporter_sessions;
            DROP TABLE channel_recipients;
            DROP TABLE upload_chunks;
            DROP TABLE uploads;
            DROP TABLE deployment;
            ALTER TABLE organisations DROP COLUMN processors;
            ALTER TABLE organisations DROP COLUMN dpo_contact;
            ALTER TABLE organisations DROP COLUMN controller_contact;
            ALTER TABLE organisations DROP COLUMN controller_name;
            """);
    }
}
