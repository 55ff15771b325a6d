using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Varsling.Core.Data;

/// <summary>
/// Renames every table, column, key, foreign key and index to snake_case once the model is complete, so explicit
/// names from configurations (and Identity's) are converted too. Guarantees: names are derived from the final
/// model, and a column shared by table splitting is named once by its owner.
/// </summary>
internal sealed class SnakeCaseConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        // The mutable setters record an explicit configuration source, which outranks the names Identity and our
        // configurations chose; the convention setters would be ignored for those.
        var model = (IMutableModel)modelBuilder.Metadata;
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table && entity.FindOwnership() is null)
            {
                entity.SetTableName(ToSnakeCase(table));
            }

            var tableName = entity.GetTableName();
            if (tableName is null)
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                // A dependent sharing its owner's table (table splitting) maps its key onto the owner's key column.
                if (property.IsPrimaryKey() && entity.FindRowInternalForeignKeys(store).Any())
                {
                    continue;
                }

                if (property.GetColumnName(store) is { } column)
                {
                    property.SetColumnName(ToSnakeCase(column));
                }
            }

            foreach (var key in entity.GetKeys())
            {
                if (key.GetName() is { } name)
                {
                    key.SetName(ToSnakeCase(name));
                }
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                if (foreignKey.GetConstraintName() is { } name)
                {
                    foreignKey.SetConstraintName(ToSnakeCase(name));
                }
            }

            foreach (var index in entity.GetIndexes())
            {
                if (index.GetDatabaseName() is { } name)
                {
                    index.SetDatabaseName(ToSnakeCase(name));
                }
            }
        }
    }

    /// <summary>"AspNetUserRoles" → "asp_net_user_roles"; "PK_Cases" → "pk_cases"; "IX_Cases_OrganisationId" → "ix_cases_organisation_id".</summary>
    internal static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                var next = i + 1 < name.Length ? name[i + 1] : '_';
                var startsWord = i > 0 && previous != '_' &&
                    (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (startsWord)
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
