using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Varsling.Core.Data.Migrations;

/// <summary>Per-person key pairs (user_keys) and the server halves of split-key sessions (key_sessions).</summary>
[DbContext(typeof(VarslingDbContext))]
[Migration("20261122110000_Accounts")]
public sealed class Accounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE key_sessions (
                id uuid NOT NULL,
                user_id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                blob bytea NOT NULL,
                created_at timestamp with time zone NOT NULL,
                expires_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_key_sessions PRIMARY KEY (id),
                CONSTRAINT fk_key_sessions_asp_net_users_user_id FOREIGN KEY (user_id) REFERENCES asp_net_users (id) ON DELETE CASCADE,
                CONSTRAINT fk_key_sessions_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE TABLE user_keys (
                user_id uuid NOT NULL,
                organisation_id uuid NOT NULL,
                public_key bytea NOT NULL,
                password_wrap bytea NOT NULL,
                recovery_wrap bytea NOT NULL,
                created_at timestamp with time zone NOT NULL,
                updated_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_user_keys PRIMARY KEY (user_id),
                CONSTRAINT fk_user_keys_asp_net_users_user_id FOREIGN KEY (user_id) REFERENCES asp_net_users (id) ON DELETE CASCADE,
                CONSTRAINT fk_user_keys_organisations_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
            );

            CREATE INDEX ix_key_sessions_expires_at ON key_sessions (expires_at);

            CREATE INDEX ix_key_sessions_organisation_id ON key_sessions (organisation_id);

            CREATE INDEX ix_key_sessions_user_id ON key_sessions (user_id);

            CREATE INDEX ix_user_keys_organisation_id ON user_keys (organisation_id);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TABLE user_keys;
            DROP TABLE key_sessions;
            """);
    }
}
