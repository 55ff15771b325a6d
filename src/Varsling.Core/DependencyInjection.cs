using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Varsling.Core.Audit;
using Varsling.Core.Accounts;
using Varsling.Core.Data;
using Varsling.Core.Attachments;
using Varsling.Core.Deadlines;
using Varsling.Core.Exports;
using Varsling.Core.Notifications;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Privacy;
using Varsling.Core.Reports;
using Varsling.Core.Retention;
using Varsling.Core.Statistics;

namespace Varsling.Core;

public static class DependencyInjection
{
    /// <summary>The connection string every host reads: <c>ConnectionStrings:Varsling</c> (env <c>ConnectionStrings__Varsling</c>).</summary>
    public const string ConnectionStringName = "Varsling";

    /// <summary>Registers the DbContext, the per-scope organisation, the clock and the Core services.</summary>
    public static IServiceCollection AddVarslingCore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string '{ConnectionStringName}' is not configured (set ConnectionStrings__{ConnectionStringName}).");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<OrganisationScope>();
        services.AddDbContext<VarslingDbContext>(options => VarslingDb.Configure(options, connectionString));
        services.AddScoped<DemoData>();
        services.AddScoped<DemoPeople>();
        services.AddScoped<Administration>();
        services.AddScoped<DataSubjectRequests>();
        services.AddScoped<RequestReminders>();
        services.AddScoped<ProcessingRecord>();
        services.AddScoped<ReportedPersonNotices>();
        services.AddScoped<RetentionPurge>();
        services.AddScoped<LegalHolds>();
        services.AddScoped<CaseStatistics>();
        services.AddScoped<ClosedCaseExport>();
        services.AddScoped<Exports.LegalExports>();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Mailer>();
        services.AddScoped<DeadlineReminders>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditVerifier>();
        services.AddVarslingAccounts();
        services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DeploymentSalt>();
        services.AddOptions<DerivationOptions>().BindConfiguration(DerivationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BoundedDerivations>();
        services.AddScoped<ReportIntake>();
        services.AddScoped<UploadStore>();
        services.AddScoped<ReporterMailbox>();
        services.AddScoped<HandlerMessages>();
        services.AddScoped<Cases.CaseWork>();
        services.AddScoped<Cases.CaseAccess>();
        services.AddScoped<Cases.IrrelevantData>();
        services.AddScoped<OralReports>();
        return services;
    }

    /// <summary>
    /// Identity's user store and policies (the stores, no cookies: the back office adds those), the password policy,
    /// lockout after 5 failures for 15 minutes, and the account services.
    /// </summary>
    private static void AddVarslingAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddIdentityCore<VarslingUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordPolicy.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<VarslingRole>()
            .AddEntityFrameworkStores<VarslingDbContext>()
            .AddPasswordValidator<PasswordPolicy>();
        services.AddScoped<KeyRing>();
        services.AddScoped<AccountService>();
        services.AddScoped<Access.AccessGrants>();
        services.AddScoped<Access.Escrow>();
        services.AddScoped<Access.IdentityRelease>();
    }
}
