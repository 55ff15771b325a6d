using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Core.Data;
using Varsling.Core.Reports;

namespace Varsling.Core.Organisations;

/// <summary>
/// A person of the organisation as the administrators' list shows them. <c>Version</c> is the account's concurrency
/// stamp when read; a form that changes the person sends it back. <c>Locked</c> covers both a lockout after failed
/// sign-ins and a deactivation; <c>Deactivated</c> only the latter.
/// </summary>
public sealed record PersonView(Guid Id, string Name, string Email, IReadOnlyList<string> Roles, bool Enrolled, bool Locked,
    bool Deactivated, IReadOnlyList<ChannelOption> Channels, string Version);

public sealed record ChannelOption(Guid Id, string Name);

/// <summary>What a channel form sets.</summary>
public sealed record ChannelSettings(string Name, string Slug, ChannelKind Kind, Guid LegalEntityId, bool AutoAcknowledge, bool IsOpen);

/// <summary>A channel with what its administration page needs: questions, how many cases use each category, members.</summary>
public sealed record ChannelAdminView(Channel Channel, IReadOnlyList<ChannelQuestion> Questions, IReadOnlyDictionary<Guid, int> CasesPerCategory,
    int Members);

/// <summary>What the organisation settings form sets. Null reminder values mean the deployment's configuration.</summary>
public sealed record OrganisationSettings(string Name, int RetentionMonths, string ControllerName, string ControllerContact, string? DpoContact,
    string? Processors, IReadOnlyList<int>? ReminderOffsetDays, int? PurgeNoticeDays);

/// <summary>Which audit events to show; dates are whole UTC days, both ends included. Pages count from 1.</summary>
public sealed record AuditFilter(AuditAction? Action = null, Guid? ActorId = null, string? CaseReference = null, DateOnly? From = null,
    DateOnly? To = null, int Page = 1);

/// <summary>One audit event as the log page shows it: who by name, the case by reference (empty once purged).</summary>
public sealed record AuditRow(long Id, DateTimeOffset OccurredAt, AuditActorKind ActorKind, Guid? ActorId, string? ActorName,
    AuditAction Action, Guid? CaseId, string? CaseReference, string? Detail);

/// <summary>A page of the organisation's audit log, newest first, with the whole chain's verification.</summary>
public sealed record AuditLogPage(IReadOnlyList<AuditRow> Rows, int Page, bool HasNext, AuditChainReport Chain);

/// <summary>
/// The administrators' work for the scope's organisation: people (create, roles, channel membership, deactivate,
/// reset), channels with their categories and report-form questions, legal entities, organisation settings, and the
/// audit log. Every method takes the acting administrator's id and refuses anyone who is not an active administrator
/// of the organisation; every change appends a content-free audit event in the same transaction (except where
/// <see cref="AccountService"/> runs its own, see <see cref="CreatePersonAsync"/>). Edits of a row two administrators
/// could change at once carry the version the form was rendered with, and a stale version is refused.
/// </summary>
public sealed partial class Administration(
    VarslingDbContext db,
    OrganisationScope scope,
    UserManager<VarslingUser> users,
    RoleManager<VarslingRole> roles,
    AccountService accounts,
    KeyRing keyRing,
    AuditLog audit,
    AuditVerifier verifier,
    TimeProvider time,
    ILogger<Administration> logger)
{
    public const int AuditPageSize = 50;

    /// <summary>A deactivated account is locked out until this instant, which tells it apart from a lockout after failed sign-ins.</summary>
    public static readonly DateTimeOffset DeactivatedUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Not deactivated (a lockout after failed sign-ins still counts as active), as a query EF Core translates.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<VarslingUser, bool>> IsActive =
        u => u.LockoutEnd == null || u.LockoutEnd < DeactivatedUntil;

    private const string Stale = "Someone else changed this in the meantime. Reload the page to see the current state, then make your change again.";

    // ---- people ----

    public async Task<IReadOnlyList<PersonView>> PeopleAsync(Guid adminId, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        var people = await db.Users.AsNoTracking().Where(u => u.OrganisationId == org).OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var roleRows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var keyed = (await db.UserKeys.AsNoTracking().Select(k => k.UserId).ToListAsync(ct)).ToHashSet();
        var memberships = await (from m in db.ChannelRecipients.AsNoTracking() join c in db.Channels.AsNoTracking() on m.ChannelId equals c.Id
                select new { m.UserId, c.Id, c.Name })
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        return people.Select(p => new PersonView(p.Id, p.DisplayName, p.Email ?? "",
                roleRows.Where(r => r.UserId == p.Id && r.Name is not null).Select(r => r.Name!).OrderBy(RoleOrder).ToList(),
                p.TwoFactorEnabled && keyed.Contains(p.Id),
                p.LockoutEnd is { } end && end > now,
                IsDeactivated(p),
                memberships.Where(m => m.UserId == p.Id).Select(m => new ChannelOption(m.Id, m.Name)).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList(),
                p.ConcurrencyStamp ?? ""))
            .ToList();
    }

    /// <summary>
    /// Creates a person with one role and returns the initial password, to be shown once and handed over out of band.
    /// The account is created in <see cref="AccountService.CreateUserAsync"/>'s own transaction; the audit event follows it.
    /// </summary>
    public async Task<CreatedUser> CreatePersonAsync(Guid adminId, string email, string name, string role, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        var slug = await db.Organisations.Where(o => o.Id == org).Select(o => o.Slug).SingleAsync(ct);
        var created = await accounts.CreateUserAsync(slug, email, name, role, ct);
        await audit.AppendAsync(new AuditEntry(org, AuditActor.User(adminId), AuditAction.UserCreated, null, $"user {created.UserId} role {role}"), ct);
        LogPersonCreated(logger, created.UserId, adminId);
        return created;
    }

    /// <summary>
    /// Replaces a person's roles. Refuses an empty set, unknown roles, and leaving the organisation without an active
    /// administrator. The person's sessions end, so the new roles apply from their next sign-in.
    /// </summary>
    public async Task SetRolesAsync(Guid adminId, Guid userId, IReadOnlyCollection<string> newRoles, string version, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        var wanted = newRoles.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            throw new RuleViolationException("Choose at least one role.");
        }

        if (wanted.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            throw new RuleViolationException($"Unknown role '{unknown}'.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAdministratorsAsync(org, ct);
        var person = await RequirePersonAsync(org, userId, version);
        var current = await users.GetRolesAsync(person);
        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
        {
            await RequireAnotherAdminAsync(org, person.Id, ct);
        }

        foreach (var role in wanted.Where(r => !current.Contains(r)))
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new VarslingRole(role) { Id = Guid.CreateVersion7() }));
            }
        }

        Check(await users.RemoveFromRolesAsync(person, current.Except(wanted).ToList()));
        Check(await users.AddToRolesAsync(person, wanted.Except(current).ToList()));
        await keyRing.EndAllAsync(person.Id, ct: ct);
        await audit.AppendAsync(new AuditEntry(org, AuditActor.User(adminId), AuditAction.UserRolesChanged, null,
            $"user {person.Id} roles {string.Join(",", wanted.OrderBy(RoleOrder))}"), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Makes a handler a member of a channel: the channel's new cases are sealed to them from now on. Existing cases
    /// reach them only when an unlocked handler grants them; the server cannot.
    /// </summary>
    public async Task AddMembershipAsync(Guid adminId, Guid userId, Guid channelId, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        var person = await RequirePersonAsync(org, userId, null);
        if (!await users.IsInRoleAsync(person, Roles.Handler))
        {
            throw new RuleViolationException("Only case handlers can be members of a channel.");
        }

        var channel = await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, ct) ?? throw new NotFoundException("No such channel.");
        if (await db.ChannelRecipients.AnyAsync(m => m.ChannelId == channel.Id && m.UserId == person.Id, ct))
        {
            throw new RuleViolationException("The person is already a member of that channel.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChannelRecipients.Add(new ChannelRecipient(Guid.NewGuid(), org, channel.Id, person.Id));
        await SaveAsync(ct);
        await audit.AppendAsync(new AuditEntry(org, AuditActor.User(adminId), AuditAction.ChannelMemberAdded, null,
            $"user {person.Id} channel {channel.Id}"), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Ends a membership: new cases are no longer sealed to the person. Cases already sealed to them stay readable by them.</summary>
    public async Task RemoveMembershipAsync(Guid adminId, Guid userId, Guid channelId, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        var membership = await db.ChannelRecipients.SingleOrDefaultAsync(m => m.ChannelId == channelId && m.UserId == userId, ct)
            ?? throw new RuleViolationException("The person is not a member of that channel.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChannelRecipients.Remove(membership);
        await SaveAsync(ct);
        await audit.AppendAsync(new AuditEntry(org, AuditActor.User(adminId), AuditAction.ChannelMemberRemoved, null,
            $"user {userId} channel {channelId}"), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Deactivates a person: they cannot sign in and every key session of theirs ends. The last active administrator cannot be deactivated.</summary>
    public async Task DeactivateAsync(Guid adminId, Guid userId, string version, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAdministratorsAsync(org, ct);
        var person = await RequirePersonAsync(org, userId, version);
        if (IsDeactivated(person))
        {
            throw new RuleViolationException("The person is already deactivated.");
        }

        if (await users.IsInRoleAsync(person, Roles.Admin))
        {
            await RequireAnotherAdminAsync(org, person.Id, ct);
        }

        Check(await users.SetLockoutEnabledAsync(person, true));
        Check(await users.SetLockoutEndDateAsync(person, DeactivatedUntil));
        await keyRing.EndAllAsync(person.Id, ct: ct);
        await audit.AppendAsync(new AuditEntry(org, AuditActor.User(adminId), AuditAction.UserDisabled, null, $"user {person.Id}"), ct);
        await tx.CommitAsync(ct);
    }

    public async Task ReactivateAsync(Guid adminId, Guid userId, string version, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await RequirePersonAsync(org, userId, version);
        if (!IsDeactivated(person))
        {
            throw new RuleViolationException("The person is not deactivated.");
        }

        Check(await users.SetLockoutEndDateAsync(person, null));
        Check(await users.ResetAccessFailedCountAsync(person));
        await audit.AppendAsync(new AuditEntry(org, AuditActor.User(adminId), AuditAction.UserReactivated, null, $"user {person.Id}"), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Operator reset (<see cref="AccountService.ResetAccountAsync"/>): the person's key pair is deleted, so cases must
    /// be granted to them again after they enrol. Returns the new initial password, to be shown once. A deactivated
    /// person is reactivated first, deliberately, not by a reset.
    /// </summary>
    public async Task<CreatedUser> ResetAsync(Guid adminId, Guid userId, string version, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        var person = await RequirePersonAsync(org, userId, version);
        if (IsDeactivated(person))
        {
            throw new RuleViolationException("Reactivate the person before resetting their account.");
        }

        var reset = await accounts.ResetAccountAsync(person.Email ?? "", ct);
        await audit.AppendAsync(new AuditEntry(org, AuditActor.User(adminId), AuditAction.UserReset, null, $"user {person.Id}"), ct);
        LogPersonReset(logger, person.Id, adminId);
        return reset;
    }

    // ---- channels ----

    public async Task<IReadOnlyList<ChannelAdminView>> ChannelsAsync(Guid adminId, CancellationToken ct = default)
    {
        await RequireAdminAsync(adminId, ct);
        var channels = await db.Channels.AsNoTracking().Include(c => c.Categories).OrderBy(c => c.Name).ToListAsync(ct);
        var questions = await db.ChannelQuestions.AsNoTracking().OrderBy(q => q.SortOrder).ToListAsync(ct);
        var use = await db.Cases.Where(c => c.CategoryId != null).GroupBy(c => c.CategoryId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var members = await db.ChannelRecipients.GroupBy(m => m.ChannelId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return channels.Select(c => new ChannelAdminView(c, questions.Where(q => q.ChannelId == c.Id).ToList(),
                c.Categories.ToDictionary(k => k.Id, k => use.GetValueOrDefault(k.Id)), members.GetValueOrDefault(c.Id)))
            .ToList();
    }

    public Task<IReadOnlyList<LegalEntityOption>> LegalEntityOptionsAsync(CancellationToken ct = default) => LegalEntityOptions.ListAsync(db, ct);

    public async Task<Guid> CreateChannelAsync(Guid adminId, ChannelSettings settings, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        await RequireLegalEntityAsync(settings.LegalEntityId, ct);
        var channel = new Channel(Guid.NewGuid(), org, settings.LegalEntityId, settings.Slug, settings.Name, settings.Kind);
        Apply(channel, settings);
        await RequireFreeSlugAsync(channel.Slug, channel.Id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Channels.Add(channel);
        await SaveAsync(ct);
        await AuditSettingAsync(org, adminId, $"channel {channel.Id} created", ct);
        await tx.CommitAsync(ct);
        return channel.Id;
    }

    public async Task UpdateChannelAsync(Guid adminId, Guid channelId, uint version, ChannelSettings settings, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        var channel = await RequireChannelAsync(channelId, version, ct);
        await RequireLegalEntityAsync(settings.LegalEntityId, ct);
        channel.Rename(settings.Name);
        channel.SetSlug(settings.Slug);
        channel.SetKind(settings.Kind);
        channel.SetLegalEntity(settings.LegalEntityId);
        Apply(channel, settings);
        await RequireFreeSlugAsync(channel.Slug, channel.Id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SaveAsync(ct);
        await AuditSettingAsync(org, adminId, $"channel {channel.Id} updated", ct);
        await tx.CommitAsync(ct);
    }

    public async Task<Guid> AddCategoryAsync(Guid adminId, Guid channelId, string name, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        var channel = await RequireChannelAsync(channelId, null, ct);
        var category = channel.AddCategory(Guid.NewGuid(), name);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SaveAsync(ct);
        await AuditSettingAsync(org, adminId, $"channel {channel.Id} category {category.Id} added", ct);
        await tx.CommitAsync(ct);
        return category.Id;
    }

    public Task RenameCategoryAsync(Guid adminId, Guid categoryId, string name, CancellationToken ct = default) =>
        CategoryStepAsync(adminId, categoryId, "renamed", c => c.RenameCategory(categoryId, name), ct);

    /// <summary>Moves a category one place up (-1) or down (+1) in the report form's list.</summary>
    public Task MoveCategoryAsync(Guid adminId, Guid categoryId, int offset, CancellationToken ct = default) =>
        CategoryStepAsync(adminId, categoryId, "moved", c => c.MoveCategory(categoryId, offset), ct);

    /// <summary>Removes a category that no case uses; a used category stays, so statistics and purge records keep their meaning.</summary>
    public async Task RemoveCategoryAsync(Guid adminId, Guid categoryId, CancellationToken ct = default)
    {
        if (await db.Cases.AnyAsync(c => c.CategoryId == categoryId, ct))
        {
            await RequireAdminAsync(adminId, ct);
            throw new RuleViolationException("The category is used by a case and cannot be removed. Rename it instead.");
        }

        await CategoryStepAsync(adminId, categoryId, "removed", c => c.RemoveCategory(categoryId), ct);
    }

    public async Task<Guid> AddQuestionAsync(Guid adminId, Guid channelId, string text, bool required, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        var channel = await RequireChannelAsync(channelId, null, ct);
        var existing = await db.ChannelQuestions.Where(q => q.ChannelId == channel.Id).ToListAsync(ct);
        if (existing.Count >= ChannelQuestion.MaxPerChannel)
        {
            throw new RuleViolationException($"A channel can ask at most {ChannelQuestion.MaxPerChannel} extra questions.");
        }

        var question = new ChannelQuestion(Guid.NewGuid(), org, channel.Id, text, required, existing.Count == 0 ? 0 : existing.Max(q => q.SortOrder) + 1);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChannelQuestions.Add(question);
        await SaveAsync(ct);
        await AuditSettingAsync(org, adminId, $"channel {channel.Id} question {question.Id} added", ct);
        await tx.CommitAsync(ct);
        return question.Id;
    }

    public Task ChangeQuestionAsync(Guid adminId, Guid questionId, string text, bool required, CancellationToken ct = default) =>
        QuestionStepAsync(adminId, questionId, "changed", (q, _) => q.Change(text, required), ct);

    /// <summary>Moves a question one place up (-1) or down (+1) on the report form.</summary>
    public Task MoveQuestionAsync(Guid adminId, Guid questionId, int offset, CancellationToken ct = default) =>
        QuestionStepAsync(adminId, questionId, "moved", (q, all) =>
        {
            var ordered = all.OrderBy(x => x.SortOrder).ToList();
            var index = ordered.IndexOf(q);
            var target = index + Math.Sign(offset);
            if (target >= 0 && target < ordered.Count)
            {
                (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
            }

            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].SortOrder = i;
            }
        }, ct);

    /// <summary>Removes a question from the form. Reports already filed keep the question's text with their answers.</summary>
    public Task RemoveQuestionAsync(Guid adminId, Guid questionId, CancellationToken ct = default) =>
        QuestionStepAsync(adminId, questionId, "removed", (q, _) => db.ChannelQuestions.Remove(q), ct);

    // ---- legal entities ----

    public async Task<IReadOnlyList<LegalEntity>> EntitiesAsync(Guid adminId, CancellationToken ct = default)
    {
        await RequireAdminAsync(adminId, ct);
        return await db.LegalEntities.AsNoTracking().OrderBy(e => e.Name).ToListAsync(ct);
    }

    public async Task<Guid> CreateEntityAsync(Guid adminId, string name, string jurisdictionCode, int? retentionMonths, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        var entity = new LegalEntity(Guid.NewGuid(), org, name, jurisdictionCode);
        entity.SetRetention(retentionMonths);
        await RequireFreeEntityNameAsync(entity.Name, entity.Id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.LegalEntities.Add(entity);
        await SaveAsync(ct);
        await AuditSettingAsync(org, adminId, $"legal entity {entity.Id} created", ct);
        await tx.CommitAsync(ct);
        return entity.Id;
    }

    /// <summary>Changes a legal entity. A new jurisdiction or retention applies to deadlines and purge dates computed from now on.</summary>
    public async Task UpdateEntityAsync(Guid adminId, Guid entityId, uint version, string name, string jurisdictionCode, int? retentionMonths,
        CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        var entity = await db.LegalEntities.SingleOrDefaultAsync(e => e.Id == entityId, ct) ?? throw new NotFoundException("No such legal entity.");
        ExpectVersion(entity.Version, version, db.Entry(entity).Property(e => e.Version));
        entity.Rename(name);
        entity.SetJurisdiction(jurisdictionCode);
        entity.SetRetention(retentionMonths);
        await RequireFreeEntityNameAsync(entity.Name, entity.Id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SaveAsync(ct);
        await AuditSettingAsync(org, adminId, $"legal entity {entity.Id} updated", ct);
        await tx.CommitAsync(ct);
    }

    // ---- organisation settings ----

    public async Task<Organisation> OrganisationAsync(Guid adminId, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        return await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == org, ct);
    }

    public async Task UpdateSettingsAsync(Guid adminId, uint version, OrganisationSettings settings, CancellationToken ct = default)
    {
        var orgId = await RequireAdminAsync(adminId, ct);
        var org = await db.Organisations.SingleAsync(o => o.Id == orgId, ct);
        ExpectVersion(org.Version, version, db.Entry(org).Property(o => o.Version));
        org.Rename(settings.Name);
        org.SetRetention(settings.RetentionMonths);
        org.SetPrivacy(settings.ControllerName, settings.ControllerContact, settings.DpoContact, settings.Processors);
        if ((settings.ReminderOffsetDays is null) != (settings.PurgeNoticeDays is null))
        {
            throw new RuleViolationException("Set both the reminder days and the purge notice, or leave both empty to use the defaults.");
        }

        org.SetReminders(settings.ReminderOffsetDays, settings.PurgeNoticeDays);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SaveAsync(ct);
        await AuditSettingAsync(orgId, adminId, "organisation settings updated", ct);
        await tx.CommitAsync(ct);
    }

    // ---- audit log ----

    /// <summary>
    /// A page of the organisation's audit events, newest first, with the verification of the whole chain (every
    /// organisation's rows form one chain). Reading the log is itself audited, in the same transaction as the read.
    /// </summary>
    public async Task<AuditLogPage> AuditAsync(Guid adminId, AuditFilter filter, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        if (filter.From is { } f && filter.To is { } t && f > t)
        {
            throw new RuleViolationException("The first day of the range is after the last.");
        }

        var page = Math.Max(1, filter.Page);
        var query = db.AuditEvents.AsNoTracking().Where(e => e.OrganisationId == org);
        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (filter.ActorId is { } actor)
        {
            query = query.Where(e => e.ActorId == actor);
        }

        if (!string.IsNullOrWhiteSpace(filter.CaseReference))
        {
            var reference = filter.CaseReference.Trim().ToUpperInvariant();
            // Purge records keep the reference but not the case id, so a purged case's events are found by date instead.
            var caseIds = await db.Cases.Where(c => c.Reference == reference).Select(c => c.Id).ToListAsync(ct);
            query = query.Where(e => e.CaseId != null && caseIds.Contains(e.CaseId.Value));
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.OccurredAt < end);
        }

        var events = await query.OrderByDescending(e => e.Id).Skip((page - 1) * AuditPageSize).Take(AuditPageSize + 1).ToListAsync(ct);
        var shown = events.Take(AuditPageSize).ToList();
        var actorIds = shown.Where(e => e.ActorId != null).Select(e => e.ActorId!.Value).Distinct().ToList();
        var names = await db.Users.Where(u => u.OrganisationId == org && actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var eventCaseIds = shown.Where(e => e.CaseId != null).Select(e => e.CaseId!.Value).Distinct().ToList();
        var references = await db.Cases.Where(c => eventCaseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        var chain = await verifier.VerifyAsync(ct);
        var filtered = filter.Action is not null || filter.ActorId is not null || !string.IsNullOrWhiteSpace(filter.CaseReference)
            || filter.From is not null || filter.To is not null;
        await audit.AppendAsync(new AuditEntry(org, AuditActor.User(adminId), AuditAction.AuditLogViewed, null,
            string.Create(CultureInfo.InvariantCulture, $"page {page}{(filtered ? " filtered" : "")}")), ct);
        var rows = shown.Select(e => new AuditRow(e.Id, e.OccurredAt, e.ActorKind, e.ActorId,
                e.ActorId is { } id && names.TryGetValue(id, out var name) ? name : null,
                e.Action, e.CaseId, e.CaseId is { } c && references.TryGetValue(c, out var r) ? r : null, e.Detail))
            .ToList();
        return new AuditLogPage(rows, page, events.Count > AuditPageSize, chain);
    }

    /// <summary>The organisation's people, for the audit log's actor filter.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> PeopleNamesAsync(Guid adminId, CancellationToken ct = default)
    {
        var org = await RequireAdminAsync(adminId, ct);
        var people = await db.Users.AsNoTracking().Where(u => u.OrganisationId == org).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        return people.Select(p => (p.Id, p.DisplayName)).ToList();
    }

    // ---- rules shared by the steps ----

    /// <summary>The organisation the acting person administers; anyone else is "not found", like a page they may not see.</summary>
    private async Task<Guid> RequireAdminAsync(Guid adminId, CancellationToken ct)
    {
        var org = scope.OrganisationId ?? throw new NotFoundException("No organisation in scope.");
        var admin = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == adminId && u.OrganisationId == org, ct);
        if (admin is null || IsDeactivated(admin) || !await IsAdminAsync(admin.Id, ct))
        {
            throw new NotFoundException("Not an administrator of this organisation.");
        }

        return org;
    }

    private Task<bool> IsAdminAsync(Guid userId, CancellationToken ct) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId && r.Name == Roles.Admin select ur).AnyAsync(ct);

    private async Task<VarslingUser> RequirePersonAsync(Guid org, Guid userId, string? version)
    {
        var person = await users.FindByIdAsync(userId.ToString());
        if (person is null || person.OrganisationId != org)
        {
            throw new NotFoundException("No such person.");
        }

        if (version is not null && !string.Equals(person.ConcurrencyStamp, version, StringComparison.Ordinal))
        {
            throw new RuleViolationException(Stale);
        }

        return person;
    }

    /// <summary>Serialises changes to who administers the organisation, so two administrators cannot demote each other at once.</summary>
    private Task LockAdministratorsAsync(Guid org, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"admins:" + org}, 0))", ct);

    private async Task RequireAnotherAdminAsync(Guid org, Guid except, CancellationToken ct)
    {
        var others = await (from u in db.Users.Where(IsActive)
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where u.OrganisationId == org && u.Id != except && r.Name == Roles.Admin
                select u.Id)
            .AnyAsync(ct);
        if (!others)
        {
            throw new RuleViolationException("The organisation must keep at least one active administrator.");
        }
    }

    private async Task<Channel> RequireChannelAsync(Guid channelId, uint? version, CancellationToken ct)
    {
        var channel = await db.Channels.Include(c => c.Categories).SingleOrDefaultAsync(c => c.Id == channelId, ct)
            ?? throw new NotFoundException("No such channel.");
        if (version is { } v)
        {
            ExpectVersion(channel.Version, v, db.Entry(channel).Property(c => c.Version));
        }

        return channel;
    }

    private async Task RequireLegalEntityAsync(Guid legalEntityId, CancellationToken ct)
    {
        if (!await db.LegalEntities.AnyAsync(e => e.Id == legalEntityId, ct))
        {
            throw new RuleViolationException("Choose one of the organisation's legal entities.");
        }
    }

    private async Task RequireFreeSlugAsync(string slug, Guid channelId, CancellationToken ct)
    {
        if (await db.Channels.AnyAsync(c => c.Slug == slug && c.Id != channelId, ct))
        {
            throw new RuleViolationException($"Another channel already uses the URL name '{slug}'.");
        }
    }

    private async Task RequireFreeEntityNameAsync(string name, Guid entityId, CancellationToken ct)
    {
        if (await db.LegalEntities.AnyAsync(e => e.Name == name && e.Id != entityId, ct))
        {
            throw new RuleViolationException($"Another legal entity is already named '{name}'.");
        }
    }

    private async Task CategoryStepAsync(Guid adminId, Guid categoryId, string what, Action<Channel> step, CancellationToken ct)
    {
        var org = await RequireAdminAsync(adminId, ct);
        var channelId = await db.Categories.Where(c => c.Id == categoryId).Select(c => (Guid?)c.ChannelId).SingleOrDefaultAsync(ct)
            ?? throw new RuleViolationException("That category no longer exists.");
        var channel = await RequireChannelAsync(channelId, null, ct);
        step(channel);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SaveAsync(ct);
        await AuditSettingAsync(org, adminId, $"channel {channel.Id} category {categoryId} {what}", ct);
        await tx.CommitAsync(ct);
    }

    private async Task QuestionStepAsync(Guid adminId, Guid questionId, string what, Action<ChannelQuestion, List<ChannelQuestion>> step, CancellationToken ct)
    {
        var org = await RequireAdminAsync(adminId, ct);
        var question = await db.ChannelQuestions.SingleOrDefaultAsync(q => q.Id == questionId, ct)
            ?? throw new RuleViolationException("That question no longer exists.");
        var all = await db.ChannelQuestions.Where(q => q.ChannelId == question.ChannelId).ToListAsync(ct);
        step(question, all);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SaveAsync(ct);
        await AuditSettingAsync(org, adminId, $"channel {question.ChannelId} question {question.Id} {what}", ct);
        await tx.CommitAsync(ct);
    }

    private static void Apply(Channel channel, ChannelSettings settings)
    {
        channel.SetAutoAcknowledge(settings.AutoAcknowledge);
        if (settings.IsOpen)
        {
            channel.Open();
        }
        else
        {
            channel.Close();
        }
    }

    /// <summary>Refuses a form rendered from an older version, and makes the save itself check the version too.</summary>
    private static void ExpectVersion<T>(uint current, uint expected, Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry<T, uint> property)
        where T : class
    {
        if (current != expected)
        {
            throw new RuleViolationException(Stale);
        }

        property.OriginalValue = expected;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleViolationException(Stale);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new RuleViolationException("That name is already in use.");
        }
    }

    private Task AuditSettingAsync(Guid org, Guid adminId, string detail, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry(org, AuditActor.User(adminId), AuditAction.SettingsChanged, null, detail), ct);

    private static bool IsDeactivated(VarslingUser user) => user.LockoutEnd is { } end && end >= DeactivatedUntil;

    private static int RoleOrder(string role) => role switch
    {
        Roles.Admin => 0,
        Roles.Legal => 1,
        _ => 2,
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new RuleViolationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "User {UserId} created by administrator {AdminId}")]
    private static partial void LogPersonCreated(ILogger logger, Guid userId, Guid adminId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "User {UserId} reset by administrator {AdminId}; key pair deleted")]
    private static partial void LogPersonReset(ILogger logger, Guid userId, Guid adminId);
}
