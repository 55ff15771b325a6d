using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Varsling.Core.Data.Migrations;

/// <summary>
/// Channel recipients become memberships: the public key is read from user_keys when a report is filed, so a
/// re-enrolled handler is never sealed to a key they no longer hold.
/// </summary>
[DbContext(typeof(VarslingDbContext))]
[Migration("20261122126000_ChannelMembership")]
public sealed class ChannelMembership : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE channel_recipients DROP COLUMN public_key;");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Varsling migrations are forward-only; restore a backup to go back.");
}
