using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Core.Data;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Testing;

namespace Varsling.Core.Tests.Organisations;

/// <summary>Core's services over the demo organisations, with an administrator in each.</summary>
public sealed class AdministrationHarness : IAsyncLifetime
{
    private readonly MigratedDatabase _database = new();
    private ServiceProvider? _services;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));

    public string ConnectionString => _database.ConnectionString;

    public Guid Nordlys { get; private set; }

    public Guid Fjellberg { get; private set; }

    /// <summary>An administrator of Nordlys.</summary>
    public Guid Admin { get; private set; }

    /// <summary>An administrator of Fjellberg.</summary>
    public Guid OtherAdmin { get; private set; }

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _services = CoreServices.Build(_database.ConnectionString, Clock);
        await using (var db = _database.Context())
        {
            await new DemoData(db, Clock).SeedAsync();
            Nordlys = await db.Organisations.Where(o => o.Slug == DemoData.NordlysSlug).Select(o => o.Id).SingleAsync();
            Fjellberg = await db.Organisations.Where(o => o.Slug == DemoData.FjellbergSlug).Select(o => o.Id).SingleAsync();
        }

        Admin = (await CreateAsync(DemoData.NordlysSlug, Roles.Admin)).UserId;
        OtherAdmin = (await CreateAsync(DemoData.FjellbergSlug, Roles.Admin)).UserId;
    }

    public async Task<CreatedUser> CreateAsync(string organisationSlug, string role, string? email = null)
    {
        await using var scope = _services!.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateUserAsync(organisationSlug, email ?? $"p{Guid.NewGuid():N}@example.org", "Test Person", role);
    }

    /// <summary>Runs <paramref name="action"/> in a fresh scope acting for <paramref name="organisation"/> (Nordlys by default).</summary>
    public async Task<T> AsAsync<T>(Func<Administration, Task<T>> action, Guid? organisation = null)
    {
        await using var scope = _services!.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(organisation ?? Nordlys);
        return await action(scope.ServiceProvider.GetRequiredService<Administration>());
    }

    public Task AsAsync(Func<Administration, Task> action, Guid? organisation = null) =>
        AsAsync(async a =>
        {
            await action(a);
            return true;
        }, organisation);

    public async Task<T> ScopedAsync<T>(Guid organisation, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services!.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(organisation);
        return await action(scope.ServiceProvider);
    }

    public VarslingDbContext Context(Guid? organisation = null) => _database.Context(organisation);

    public async Task<PersonView> PersonAsync(Guid userId) => (await AsAsync(a => a.PeopleAsync(Admin))).Single(p => p.Id == userId);

    public async Task<List<AuditEvent>> AuditByAsync(Guid actor)
    {
        await using var db = _database.Context();
        return await db.AuditEvents.AsNoTracking().Where(e => e.ActorId == actor).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}

/// <summary>Each rule of <see cref="Administration"/> on real PostgreSQL.</summary>
public sealed class AdministrationTests(AdministrationHarness h) : IClassFixture<AdministrationHarness>
{
    private async Task<Guid> ChannelIdAsync(string slug, Guid? organisation = null)
    {
        await using var db = h.Context(organisation ?? h.Nordlys);
        return await db.Channels.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task CreatePerson_ReturnsTheInitialPassword_AndAuditsWithoutIt()
    {
        var email = $"new{Guid.NewGuid():N}@example.org";

        var created = await h.AsAsync(a => a.CreatePersonAsync(h.Admin, email, "Ola Nordmann", Roles.Handler));

        var person = await h.PersonAsync(created.UserId);
        Assert.Equal(email, person.Email);
        Assert.Equal([Roles.Handler], person.Roles);
        Assert.False(person.Enrolled);
        Assert.True(created.InitialPassword.Length >= 20);
        var audited = (await h.AuditByAsync(h.Admin)).Last(e => e.Action == AuditAction.UserCreated);
        Assert.Equal(h.Nordlys, audited.OrganisationId);
        Assert.Contains(created.UserId.ToString(), audited.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(created.InitialPassword, audited.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(email, audited.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryStep_ByAHandlerOrAnotherOrganisationsAdmin_IsNotFound()
    {
        var handler = await h.CreateAsync(DemoData.NordlysSlug, Roles.Handler);

        await Assert.ThrowsAsync<NotFoundException>(() => h.AsAsync(a => a.PeopleAsync(handler.UserId)));
        await Assert.ThrowsAsync<NotFoundException>(() => h.AsAsync(a => a.CreatePersonAsync(handler.UserId, "x@example.org", "X", Roles.Admin)));
        await Assert.ThrowsAsync<NotFoundException>(() => h.AsAsync(a => a.AuditAsync(handler.UserId, new AuditFilter())));
        // Fjellberg's administrator acting in Nordlys's scope is nobody there.
        await Assert.ThrowsAsync<NotFoundException>(() => h.AsAsync(a => a.PeopleAsync(h.OtherAdmin)));
        // And in their own scope, Nordlys's people are not found.
        var version = (await h.PersonAsync(handler.UserId)).Version;
        await Assert.ThrowsAsync<NotFoundException>(() => h.AsAsync(a => a.DeactivateAsync(h.OtherAdmin, handler.UserId, version), h.Fjellberg));
        Assert.DoesNotContain(await h.AsAsync(a => a.PeopleAsync(h.OtherAdmin), h.Fjellberg), p => p.Id == handler.UserId);
    }

    [Fact]
    public async Task SetRoles_ChangesRoles_AndRefusesEmptyUnknownAndStale()
    {
        var person = await h.CreateAsync(DemoData.NordlysSlug, Roles.Handler);
        var version = (await h.PersonAsync(person.UserId)).Version;

        await h.AsAsync(a => a.SetRolesAsync(h.Admin, person.UserId, [Roles.Handler, Roles.Legal], version));

        var changed = await h.PersonAsync(person.UserId);
        Assert.Equal([Roles.Legal, Roles.Handler], changed.Roles);
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.SetRolesAsync(h.Admin, person.UserId, [], changed.Version)));
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.SetRolesAsync(h.Admin, person.UserId, ["root"], changed.Version)));
        var stale = await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.SetRolesAsync(h.Admin, person.UserId, [Roles.Admin], version)));
        Assert.Contains("changed", stale.Message, StringComparison.Ordinal);
        Assert.Contains(await h.AuditByAsync(h.Admin), e => e.Action == AuditAction.UserRolesChanged && e.Detail == $"user {person.UserId} roles legal,handler");
    }

    [Fact]
    public async Task LastActiveAdministrator_CannotLoseTheRoleOrBeDeactivated()
    {
        async Task<string> VersionAsync(Guid actor, Guid person) =>
            (await h.AsAsync(a => a.PeopleAsync(actor), h.Fjellberg)).Single(p => p.Id == person).Version;

        var own = await VersionAsync(h.OtherAdmin, h.OtherAdmin);
        var demote = await Assert.ThrowsAsync<RuleViolationException>(() =>
            h.AsAsync(a => a.SetRolesAsync(h.OtherAdmin, h.OtherAdmin, [Roles.Handler], own), h.Fjellberg));
        Assert.Contains("at least one active administrator", demote.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.DeactivateAsync(h.OtherAdmin, h.OtherAdmin, own), h.Fjellberg));

        // With a second administrator, the first may be demoted, and is then no administrator at all.
        var second = await h.CreateAsync(DemoData.FjellbergSlug, Roles.Admin);
        await h.AsAsync(a => a.SetRolesAsync(second.UserId, h.OtherAdmin, [Roles.Handler], own), h.Fjellberg);
        await Assert.ThrowsAsync<NotFoundException>(() => h.AsAsync(a => a.PeopleAsync(h.OtherAdmin), h.Fjellberg));
        var secondVersion = await VersionAsync(second.UserId, second.UserId);
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.DeactivateAsync(second.UserId, second.UserId, secondVersion), h.Fjellberg));

        await h.AsAsync(async a => await a.SetRolesAsync(second.UserId, h.OtherAdmin, [Roles.Admin], await VersionAsync(second.UserId, h.OtherAdmin)), h.Fjellberg);
        Assert.Equal([Roles.Admin], (await h.AsAsync(a => a.PeopleAsync(h.OtherAdmin), h.Fjellberg)).Single(p => p.Id == h.OtherAdmin).Roles);
    }

    [Fact]
    public async Task Deactivate_LocksOutAndEndsKeySessions_ReactivateLetsThemBackIn()
    {
        var created = await h.CreateAsync(DemoData.NordlysSlug, Roles.Handler);
        var email = (await h.PersonAsync(created.UserId)).Email;
        var opened = await h.ScopedAsync(h.Nordlys, async s =>
        {
            var accounts = s.GetRequiredService<AccountService>();
            var attempt = await accounts.CheckPasswordAsync(email, created.InitialPassword);
            var start = await accounts.BeginEnrolmentAsync(created.UserId);
            await accounts.CompleteEnrolmentAsync(created.UserId, attempt.Session, "a long enough passphrase here",
                Totp.Code(Totp.DecodeKey(start.AuthenticatorKey), Totp.StepAt(h.Clock.GetUtcNow())));
            return true;
        });
        Assert.True(opened);
        h.Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        await using (var db = h.Context(h.Nordlys))
        {
            Assert.True(await db.KeySessions.AnyAsync(k => k.UserId == created.UserId));
        }

        await h.AsAsync(async a => await a.DeactivateAsync(h.Admin, created.UserId, (await h.PersonAsync(created.UserId)).Version));

        var person = await h.PersonAsync(created.UserId);
        Assert.True(person.Deactivated);
        Assert.True(person.Locked);
        await using (var db = h.Context(h.Nordlys))
        {
            Assert.False(await db.KeySessions.AnyAsync(k => k.UserId == created.UserId));
        }

        var refused = await h.ScopedAsync(h.Nordlys, s => s.GetRequiredService<AccountService>().CheckPasswordAsync(email, "a long enough passphrase here"));
        Assert.Equal(LoginOutcome.LockedOut, refused.Outcome);
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.ResetAsync(h.Admin, created.UserId, person.Version)));

        await h.AsAsync(a => a.ReactivateAsync(h.Admin, created.UserId, person.Version));

        Assert.False((await h.PersonAsync(created.UserId)).Locked);
        var accepted = await h.ScopedAsync(h.Nordlys, s => s.GetRequiredService<AccountService>().CheckPasswordAsync(email, "a long enough passphrase here"));
        Assert.Equal(LoginOutcome.NeedsCode, accepted.Outcome);
        var actions = (await h.AuditByAsync(h.Admin)).Select(e => e.Action).ToList();
        Assert.Contains(AuditAction.UserDisabled, actions);
        Assert.Contains(AuditAction.UserReactivated, actions);
    }

    [Fact]
    public async Task Reset_GivesANewInitialPassword_AndDeletesTheKeyPair()
    {
        var created = await h.CreateAsync(DemoData.NordlysSlug, Roles.Handler);
        var before = await h.PersonAsync(created.UserId);

        var reset = await h.AsAsync(a => a.ResetAsync(h.Admin, created.UserId, before.Version));

        Assert.NotEqual(created.InitialPassword, reset.InitialPassword);
        var attempt = await h.ScopedAsync(h.Nordlys, s => s.GetRequiredService<AccountService>().CheckPasswordAsync(before.Email, reset.InitialPassword));
        Assert.Equal(LoginOutcome.NeedsEnrolment, attempt.Outcome);
        var audited = (await h.AuditByAsync(h.Admin)).Last();
        Assert.Equal(AuditAction.UserReset, audited.Action);
        Assert.DoesNotContain(reset.InitialPassword, audited.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Membership_OnlyForHandlers_OnceEach_AndRemovable()
    {
        var handler = await h.CreateAsync(DemoData.NordlysSlug, Roles.Handler);
        var legal = await h.CreateAsync(DemoData.NordlysSlug, Roles.Legal);
        var channel = await ChannelIdAsync("varsling");
        var foreignChannel = await ChannelIdAsync("visselblasning", h.Fjellberg);

        await h.AsAsync(a => a.AddMembershipAsync(h.Admin, handler.UserId, channel));

        Assert.Equal([channel], (await h.PersonAsync(handler.UserId)).Channels.Select(c => c.Id));
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.AddMembershipAsync(h.Admin, handler.UserId, channel)));
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.AddMembershipAsync(h.Admin, legal.UserId, channel)));
        await Assert.ThrowsAsync<NotFoundException>(() => h.AsAsync(a => a.AddMembershipAsync(h.Admin, handler.UserId, foreignChannel)));

        await h.AsAsync(a => a.RemoveMembershipAsync(h.Admin, handler.UserId, channel));

        Assert.Empty((await h.PersonAsync(handler.UserId)).Channels);
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.RemoveMembershipAsync(h.Admin, handler.UserId, channel)));
        var actions = (await h.AuditByAsync(h.Admin)).Where(e => e.Detail == $"user {handler.UserId} channel {channel}").Select(e => e.Action);
        Assert.Equal([AuditAction.ChannelMemberAdded, AuditAction.ChannelMemberRemoved], actions);
    }

    [Fact]
    public async Task Channels_CreateAndUpdate_RefuseTakenSlugsForeignEntitiesAndStaleVersions()
    {
        await using var read = h.Context(h.Nordlys);
        var entity = await read.LegalEntities.Select(e => e.Id).FirstAsync();
        var foreignEntity = await h.Context(h.Fjellberg).LegalEntities.Select(e => e.Id).FirstAsync();

        var id = await h.AsAsync(a => a.CreateChannelAsync(h.Admin, new ChannelSettings("Ekstern kanal", "ekstern", ChannelKind.External, entity, true, true)));

        await Assert.ThrowsAsync<RuleViolationException>(() =>
            h.AsAsync(a => a.CreateChannelAsync(h.Admin, new ChannelSettings("Dup", "ekstern", ChannelKind.Internal, entity, false, true))));
        await Assert.ThrowsAsync<RuleViolationException>(() =>
            h.AsAsync(a => a.CreateChannelAsync(h.Admin, new ChannelSettings("Bad", "Not A Slug", ChannelKind.Internal, entity, false, true))));
        await Assert.ThrowsAsync<RuleViolationException>(() =>
            h.AsAsync(a => a.CreateChannelAsync(h.Admin, new ChannelSettings("Foreign", "foreign", ChannelKind.Internal, foreignEntity, false, true))));
        var view = (await h.AsAsync(a => a.ChannelsAsync(h.Admin))).Single(c => c.Channel.Id == id);
        Assert.Equal(ChannelKind.External, view.Channel.Kind);
        Assert.True(view.Channel.AutoAcknowledge);

        await h.AsAsync(a => a.UpdateChannelAsync(h.Admin, id, view.Channel.Version, new ChannelSettings("Ekstern", "ekstern-2", ChannelKind.Internal, entity, false, false)));

        var updated = (await h.AsAsync(a => a.ChannelsAsync(h.Admin))).Single(c => c.Channel.Id == id).Channel;
        Assert.Equal(("Ekstern", "ekstern-2", ChannelKind.Internal, false, false), (updated.Name, updated.Slug, updated.Kind, updated.AutoAcknowledge, updated.IsOpen));
        var stale = await Assert.ThrowsAsync<RuleViolationException>(() =>
            h.AsAsync(a => a.UpdateChannelAsync(h.Admin, id, view.Channel.Version, new ChannelSettings("Late", "late", ChannelKind.Internal, entity, false, true))));
        Assert.Contains("changed", stale.Message, StringComparison.Ordinal);
        Assert.Contains(await h.AuditByAsync(h.Admin), e => e.Action == AuditAction.SettingsChanged && e.Detail == $"channel {id} updated");
    }

    [Fact]
    public async Task Categories_AddRenameReorder_AndRemoveOnlyWhenNoCaseUsesThem()
    {
        await using var read = h.Context(h.Nordlys);
        var entity = await read.LegalEntities.Select(e => e.Id).FirstAsync();
        var channel = await h.AsAsync(a => a.CreateChannelAsync(h.Admin, new ChannelSettings("Kategorier", "kategorier", ChannelKind.Internal, entity, false, true)));
        var first = await h.AsAsync(a => a.AddCategoryAsync(h.Admin, channel, "Første"));
        var second = await h.AsAsync(a => a.AddCategoryAsync(h.Admin, channel, "Andre"));
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.AddCategoryAsync(h.Admin, channel, "andre")));

        await h.AsAsync(a => a.RenameCategoryAsync(h.Admin, first, "Først"));
        await h.AsAsync(a => a.MoveCategoryAsync(h.Admin, second, -1));

        var names = (await h.AsAsync(a => a.ChannelsAsync(h.Admin))).Single(c => c.Channel.Id == channel).Channel.Categories
            .OrderBy(c => c.SortOrder).Select(c => c.Name);
        Assert.Equal(["Andre", "Først"], names);

        // A case filed under the first category keeps it.
        var handler = await h.CreateAsync(DemoData.NordlysSlug, Roles.Handler);
        await h.AsAsync(a => a.AddMembershipAsync(h.Admin, handler.UserId, channel));
        await using (var db = h.Context(h.Nordlys))
        {
            using var key = Crypto.X25519KeyPair.Generate();
            db.UserKeys.Add(new UserKey(handler.UserId, h.Nordlys, key.PublicKey, Crypto.PrivateKeyWrap.WrapWithKey(key, new byte[32]),
                Crypto.PrivateKeyWrap.WrapWithKey(key, new byte[32]), h.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        await h.ScopedAsync(h.Nordlys, async s =>
        {
            var intake = s.GetRequiredService<ReportIntake>();
            var form = await intake.GetChannelAsync(DemoData.NordlysSlug, "kategorier");
            return await intake.FilePlainAsync(form, new PlainReport(first, new ReportAnswers("Something", null, null, null, null, []),
                new ReporterIdentity(null, null), []));
        });

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.RemoveCategoryAsync(h.Admin, first)));
        Assert.Contains("used by a case", refused.Message, StringComparison.Ordinal);
        await h.AsAsync(a => a.RemoveCategoryAsync(h.Admin, second));
        var left = (await h.AsAsync(a => a.ChannelsAsync(h.Admin))).Single(c => c.Channel.Id == channel);
        Assert.Equal([first], left.Channel.Categories.Select(c => c.Id));
        Assert.Equal(1, left.CasesPerCategory[first]);
    }

    [Fact]
    public async Task Questions_AddChangeReorderRemove_UpToTheLimit_AndReachTheIntakeForm()
    {
        await using var read = h.Context(h.Nordlys);
        var entity = await read.LegalEntities.Select(e => e.Id).FirstAsync();
        var channel = await h.AsAsync(a => a.CreateChannelAsync(h.Admin, new ChannelSettings("Spørsmål", "sporsmal", ChannelKind.Internal, entity, false, true)));
        var a1 = await h.AsAsync(a => a.AddQuestionAsync(h.Admin, channel, "Which department?", true));
        var a2 = await h.AsAsync(a => a.AddQuestionAsync(h.Admin, channel, "Has it been reported before?", false));
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.AddQuestionAsync(h.Admin, channel, "  ", false)));

        await h.AsAsync(a => a.ChangeQuestionAsync(h.Admin, a2, "Reported before, and to whom?", true));
        await h.AsAsync(a => a.MoveQuestionAsync(h.Admin, a2, -1));

        var form = await h.ScopedAsync(h.Nordlys, s => s.GetRequiredService<ReportIntake>().GetChannelAsync(DemoData.NordlysSlug, "sporsmal"));
        Assert.Equal([(a2, "Reported before, and to whom?", true), (a1, "Which department?", true)], form.Questions.Select(q => (q.Id, q.Text, q.Required)));

        await h.AsAsync(a => a.RemoveQuestionAsync(h.Admin, a2));
        for (var i = 1; i < ChannelQuestion.MaxPerChannel; i++)
        {
            var n = i;
            await h.AsAsync(a => a.AddQuestionAsync(h.Admin, channel, $"Question {n}", false));
        }

        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.AddQuestionAsync(h.Admin, channel, "One too many", false)));
        Assert.Equal(ChannelQuestion.MaxPerChannel, (await h.AsAsync(a => a.ChannelsAsync(h.Admin))).Single(c => c.Channel.Id == channel).Questions.Count);
    }

    [Fact]
    public async Task PlainReport_MissingARequiredAnswer_IsRefused_AndAnswersAreSealedWithTheQuestion()
    {
        await using var read = h.Context(h.Nordlys);
        var entity = await read.LegalEntities.Select(e => e.Id).FirstAsync();
        var channel = await h.AsAsync(a => a.CreateChannelAsync(h.Admin, new ChannelSettings("Påkrevd", "pakrevd", ChannelKind.Internal, entity, false, true)));
        var question = await h.AsAsync(a => a.AddQuestionAsync(h.Admin, channel, "Which site?", true));
        var handler = await h.CreateAsync(DemoData.NordlysSlug, Roles.Handler);
        await h.AsAsync(a => a.AddMembershipAsync(h.Admin, handler.UserId, channel));
        using var key = Crypto.X25519KeyPair.Generate();
        await using (var db = h.Context(h.Nordlys))
        {
            db.UserKeys.Add(new UserKey(handler.UserId, h.Nordlys, key.PublicKey, Crypto.PrivateKeyWrap.WrapWithKey(key, new byte[32]),
                Crypto.PrivateKeyWrap.WrapWithKey(key, new byte[32]), h.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => h.ScopedAsync(h.Nordlys, async s =>
        {
            var intake = s.GetRequiredService<ReportIntake>();
            var form = await intake.GetChannelAsync(DemoData.NordlysSlug, "pakrevd");
            return await intake.FilePlainAsync(form, new PlainReport(null, new ReportAnswers("Something", null, null, null, null, [],
                [new QuestionAnswer(question, "Which site?", " ")]), new ReporterIdentity(null, null), []));
        }));
        Assert.Contains("required", refused.Message, StringComparison.Ordinal);

        var filed = await h.ScopedAsync(h.Nordlys, async s =>
        {
            var intake = s.GetRequiredService<ReportIntake>();
            var form = await intake.GetChannelAsync(DemoData.NordlysSlug, "pakrevd");
            return await intake.FilePlainAsync(form, new PlainReport(null, new ReportAnswers("Something", null, null, null, null, [],
                [new QuestionAnswer(question, "Which site?", "Mongstad")]), new ReporterIdentity(null, null), []));
        });

        await using var db2 = h.Context(h.Nordlys);
        var entries = await new HandlerMessages(db2, h.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<HandlerMessages>.Instance)
            .ReadAsync(filed.CaseId, handler.UserId, key);
        var extra = Assert.Single(entries.Single(e => e.Answers is not null).Answers!.Extra!);
        Assert.Equal((question, "Which site?", "Mongstad"), (extra.Id, extra.Question, extra.Answer));
    }

    [Fact]
    public void ReportAnswers_WithoutExtra_AsOldReportsWereSealed_DecodeWithNone()
    {
        var old = """{"what":"W","when":null,"where":null,"who":null,"how":null,"files":[]}"""u8;

        var answers = EntryJson.Decode<ReportAnswers>(old);

        Assert.Equal("W", answers.What);
        Assert.Null(answers.Extra);
        var roundTrip = EntryJson.Decode<ReportAnswers>(EntryJson.Encode(answers with { Extra = [new QuestionAnswer(Guid.Empty, "Q", "A")] }));
        Assert.Equal("A", Assert.Single(roundTrip.Extra!).Answer);
    }

    [Fact]
    public async Task LegalEntities_ValidateJurisdictionRetentionAndNames()
    {
        var id = await h.AsAsync(a => a.CreateEntityAsync(h.Admin, "Nordlys Danmark ApS", "DK", null));

        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.CreateEntityAsync(h.Admin, "Nordlys US", "US", null)));
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.CreateEntityAsync(h.Admin, "Nordlys Null", "NO", 0)));
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.CreateEntityAsync(h.Admin, "Nordlys Danmark ApS", "DK", null)));
        var entity = (await h.AsAsync(a => a.EntitiesAsync(h.Admin))).Single(e => e.Id == id);

        await h.AsAsync(a => a.UpdateEntityAsync(h.Admin, id, entity.Version, "Nordlys EU", "EU", 36));

        var updated = (await h.AsAsync(a => a.EntitiesAsync(h.Admin))).Single(e => e.Id == id);
        Assert.Equal(("Nordlys EU", "EU", (int?)36), (updated.Name, updated.JurisdictionCode, updated.RetentionMonths));
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.UpdateEntityAsync(h.Admin, id, entity.Version, "Late", "NO", null)));
        Assert.DoesNotContain(await h.AsAsync(a => a.EntitiesAsync(h.OtherAdmin), h.Fjellberg), e => e.Id == id);
    }

    [Fact]
    public async Task Settings_SetNameRetentionPrivacyAndReminders_RefusingOutOfRangeValues()
    {
        var org = await h.AsAsync(a => a.OrganisationAsync(h.OtherAdmin), h.Fjellberg);
        OrganisationSettings With(IReadOnlyList<int>? offsets, int? purge, int retention = 36) =>
            new("Fjellberg Bygg AB", retention, "Fjellberg Bygg AB", "Box 101, Göteborg", "dpo@fjellberg.example", null, offsets, purge);

        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.UpdateSettingsAsync(h.OtherAdmin, org.Version, With([-2, 61], 14)), h.Fjellberg));
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.UpdateSettingsAsync(h.OtherAdmin, org.Version, With([-2], 91)), h.Fjellberg));
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.UpdateSettingsAsync(h.OtherAdmin, org.Version, With([-2], null)), h.Fjellberg));
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.UpdateSettingsAsync(h.OtherAdmin, org.Version, With(null, null, 0)), h.Fjellberg));

        await h.AsAsync(a => a.UpdateSettingsAsync(h.OtherAdmin, org.Version, With([1, -5, 1, 0], 30)), h.Fjellberg);

        var saved = await h.AsAsync(a => a.OrganisationAsync(h.OtherAdmin), h.Fjellberg);
        Assert.Equal([-5, 0, 1], saved.ReminderOffsetDays!);
        Assert.Equal((30, 36, "dpo@fjellberg.example"), (saved.PurgeNoticeDays!.Value, saved.RetentionMonths, saved.DpoContact));
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.UpdateSettingsAsync(h.OtherAdmin, org.Version, With(null, null)), h.Fjellberg));

        await h.AsAsync(a => a.UpdateSettingsAsync(h.OtherAdmin, saved.Version, With(null, null)), h.Fjellberg);
        Assert.Null((await h.AsAsync(a => a.OrganisationAsync(h.OtherAdmin), h.Fjellberg)).ReminderOffsetDays);
    }

    [Fact]
    public async Task AuditLog_ShowsOnlyTheOrganisationsEvents_NewestFirst_Filtered_AndRecordsTheViewing()
    {
        await h.AsAsync(a => a.CreateEntityAsync(h.OtherAdmin, "Fjellberg Norge AS", "NO", null), h.Fjellberg);
        var person = await h.AsAsync(a => a.CreatePersonAsync(h.Admin, $"audit{Guid.NewGuid():N}@example.org", "Audit Person", Roles.Legal));

        var page = await h.AsAsync(a => a.AuditAsync(h.Admin, new AuditFilter()));

        Assert.True(page.Chain.IsIntact);
        Assert.True(page.Chain.EventsVerified > 0);
        Assert.Equal(page.Rows.OrderByDescending(r => r.Id).Select(r => r.Id), page.Rows.Select(r => r.Id));
        Assert.All(page.Rows, r => Assert.NotEqual(h.OtherAdmin, r.ActorId));
        var created = page.Rows.First(r => r.Action == AuditAction.UserCreated);
        Assert.Equal("Test Person", created.ActorName);
        Assert.Contains(person.UserId.ToString(), created.Detail, StringComparison.Ordinal);

        var filtered = await h.AsAsync(a => a.AuditAsync(h.Admin, new AuditFilter(Action: AuditAction.AuditLogViewed, ActorId: h.Admin)));
        var viewed = Assert.Single(filtered.Rows, r => r.Detail == "page 1");
        Assert.Equal(AuditAction.AuditLogViewed, viewed.Action);
        Assert.All(filtered.Rows, r => Assert.Equal(AuditAction.AuditLogViewed, r.Action));
        var future = await h.AsAsync(a => a.AuditAsync(h.Admin, new AuditFilter(From: new DateOnly(2030, 1, 1))));
        Assert.Empty(future.Rows);
        await Assert.ThrowsAsync<RuleViolationException>(() => h.AsAsync(a => a.AuditAsync(h.Admin, new AuditFilter(From: new DateOnly(2025, 3, 2), To: new DateOnly(2025, 3, 1)))));
        var latest = (await h.AuditByAsync(h.Admin)).Last();
        Assert.Equal((AuditAction.AuditLogViewed, "page 1 filtered"), (latest.Action, latest.Detail));
    }
}
