using Committee.Delegations;
using Committee.Domain;
using Marten;

namespace Committee.Sponsorship;

public enum SponsorshipStep { Printed, Joined, Withdrawn, ListClosed }

/// <summary>One step of a draft's sponsorship, in the order it happened: a version printed with its list, delegations
/// joining (with the meeting, and who recorded it), delegations withdrawing, the list closing at action.</summary>
public sealed record SponsorshipTimelineEntry(
    SponsorshipStep Step, DateTimeOffset At, int? Meeting, SponsorshipSource? Source, string? Document,
    IReadOnlyList<Sponsor> Delegations, string? Decision = null);

/// <summary>A State that joined after issue: when, at which meeting, recorded by whom (and in which document), and
/// the version in force when it joined.</summary>
public sealed record AdditionalSponsor(
    string Delegation, string Iso3, string? OnBehalfOf, DateTimeOffset JoinedAt, int? Meeting, SponsorshipSource? Source,
    string? RecordedIn, string? AfterIssueOf, DateTimeOffset? WithdrawnAt);

public sealed record SponsorshipWithdrawal(
    string Delegation, string Iso3, SponsorLayer Layer, DateTimeOffset At, int? Meeting, SponsorshipSource? Source, string? RecordedIn);

public sealed record GroupMember(string Iso3, string Name, string? Note);

/// <summary>A derived view, never sponsors: the States a group had on the draft's date, behind the one State acting
/// on its behalf. Members is null for a group whose membership Committee does not hold.</summary>
public sealed record GroupOnDraft(string Group, IReadOnlyList<string> ActingFor, DateOnly Date, IReadOnlyList<GroupMember>? Members, string Note);

/// <summary>A draft's sponsorship in its three layers (the lists printed on each version, the additional sponsors who
/// joined after issue, the withdrawals), the same steps as one timeline, the sponsors now, and the groups behind them.
/// Derived on reading from the draft folded from all its events (the stored draft keeps only each State's latest
/// sponsorship): always as fresh as the draft.</summary>
public sealed class DraftSponsors
{
    public Guid Id { get; set; }
    public string Symbol { get; set; } = "";
    public int Session { get; set; }
    public DateOnly Date { get; set; }
    public long Version { get; set; }
    public List<PrintedList> Printed { get; set; } = [];
    public List<AdditionalSponsor> Additional { get; set; } = [];
    public List<SponsorshipWithdrawal> Withdrawals { get; set; } = [];
    public List<SponsorshipTimelineEntry> Timeline { get; set; } = [];
    public List<SponsorEntry> Current { get; set; } = [];
    public List<GroupOnDraft> Groups { get; set; } = [];
    public ActionTaken? ListClosed { get; set; }

    /// <summary>Derived from the draft as folded with all its history (<see cref="AsOf.WithAllItsHistory{T}"/>), never from
    /// the events themselves.</summary>
    public static DraftSponsors Of(Draft draft, MemberStates states)
    {
        var additional = draft.Sponsors.Where(s => s.Layer == SponsorLayer.Additional)
            .Select(s => new AdditionalSponsor(s.Delegation, s.Iso3, s.OnBehalfOf, s.JoinedAt, s.JoinedAtMeeting, s.Source, s.RecordedIn,
                draft.PrintedLists.LastOrDefault(p => p.RecordedAt <= s.JoinedAt)?.Symbol, s.WithdrawnAt))
            .ToList();
        var withdrawals = draft.Sponsors.Where(s => s.WithdrawnAt is not null)
            .Select(s => new SponsorshipWithdrawal(s.Delegation, s.Iso3, s.Layer, s.WithdrawnAt!.Value, s.WithdrawnAtMeeting, s.WithdrawalSource, s.WithdrawalRecordedIn))
            .OrderBy(w => w.At).ToList();
        return new DraftSponsors
        {
            Id = draft.Id, Symbol = draft.Symbol, Session = draft.Session, Date = draft.Date, Version = draft.Version,
            Printed = draft.PrintedLists, Additional = additional, Withdrawals = withdrawals,
            Timeline = StepsOf(draft), Current = draft.CurrentSponsors().ToList(), Groups = GroupsBehind(draft, states),
            ListClosed = draft.Action,
        };
    }

    /// <summary>Joinings (and withdrawals) recorded together are one step; at one moment, printing comes first.</summary>
    private static List<SponsorshipTimelineEntry> StepsOf(Draft draft)
    {
        var steps = draft.PrintedLists
            .Select(p => new SponsorshipTimelineEntry(SponsorshipStep.Printed, p.RecordedAt, null, null, p.Symbol, p.Sponsors))
            .Concat(draft.Sponsors.Where(s => s.Layer == SponsorLayer.Additional)
                .GroupBy(s => (s.JoinedAt, s.JoinedAtMeeting, s.Source, s.RecordedIn))
                .Select(g => new SponsorshipTimelineEntry(SponsorshipStep.Joined, g.Key.JoinedAt, g.Key.JoinedAtMeeting, g.Key.Source, g.Key.RecordedIn,
                    g.Select(AsSponsor).ToList())))
            .Concat(draft.Sponsors.Where(s => s.WithdrawnAt is not null)
                .GroupBy(s => (At: s.WithdrawnAt!.Value, s.WithdrawnAtMeeting, s.WithdrawalSource, s.WithdrawalRecordedIn))
                .Select(g => new SponsorshipTimelineEntry(SponsorshipStep.Withdrawn, g.Key.At, g.Key.WithdrawnAtMeeting, g.Key.WithdrawalSource,
                    g.Key.WithdrawalRecordedIn, g.Select(AsSponsor).ToList())));
        if (draft.Action is { } action)
            steps = steps.Append(new SponsorshipTimelineEntry(SponsorshipStep.ListClosed, action.At, action.Meeting, null, null, [], action.Decision));
        return steps.OrderBy(s => s.At).ThenBy(s => s.Step).ToList();
    }

    private static Sponsor AsSponsor(SponsorEntry entry) => new(entry.Iso3, entry.Delegation, entry.OnBehalfOf);

    private static List<GroupOnDraft> GroupsBehind(Draft draft, MemberStates states) =>
        draft.CurrentSponsors().Where(s => s.OnBehalfOf is not null).GroupBy(s => s.OnBehalfOf!)
            .Select(g =>
            {
                var acting = g.Select(s => s.Delegation).ToList();
                if (Delegations.Groups.Find(g.Key) is not { RegionalGroup: { } region })
                    return new GroupOnDraft(g.Key, acting, draft.Date, null,
                        $"Committee holds no member list for the {g.Key}: the sponsorship stands for the group as a whole");
                var members = states.MembersOf(region, draft.Date)
                    .Select(m => new GroupMember(m.Iso3, m.NameOn(draft.Date), m.Memberships.FirstOrDefault(x => x.RegionalGroup == region)?.Note))
                    .ToList();
                return new GroupOnDraft(g.Key, acting, draft.Date, members,
                    $"the {members.Count} members of the {g.Key} on {draft.Date:d MMMM yyyy}; they are not sponsors of {draft.Symbol}: {string.Join(", ", acting)} sponsors it on the group's behalf");
            })
            .ToList();
}
