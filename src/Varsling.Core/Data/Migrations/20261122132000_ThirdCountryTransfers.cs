using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Varsling.Core.Data.Migrations;

/// <summary>The organisation's third-country transfers, stated in the record of processing (Core/Privacy/ProcessingRecord).</summary>
[DbContext(typeof(VarslingDbContext))]
[Migration("20261122132000_ThirdCountryTransfers")]
public sealed class ThirdCountryTransfers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE organisations ADD COLUMN third_country_transfers character varying(2000);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE organisations DROP COLUMN third_country_transfers;
            """);
    }
}
