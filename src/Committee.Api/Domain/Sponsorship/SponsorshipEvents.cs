namespace Committee.Domain;

/// <summary>Who recorded a joining or a withdrawal: the Secretary announcing it, the delegation itself on e-sponsorship,
/// or the committee report that recorded it after the fact ("Subsequently, X joined in sponsoring…", MARC 515).</summary>
public enum SponsorshipSource { Secretariat, ESponsorship, Report }

/// <summary>"Since the submission of the draft resolution, the following delegations have joined the sponsors."
/// RecordedIn names the document that records it, when that is how it is known (the committee report).</summary>
public sealed record SponsorsJoined(
    Guid DraftId, IReadOnlyList<Sponsor> Sponsors, int? Meeting, SponsorshipSource Source, DateTimeOffset At,
    string? RecordedIn = null) : IDraftEvent, IConcernsDelegations
{
    IEnumerable<string> IConcernsDelegations.Delegations => Sponsors.Select(s => s.Iso3);
}

public sealed record SponsorshipWithdrawn(
    Guid DraftId, IReadOnlyList<Sponsor> Sponsors, int? Meeting, DateTimeOffset At,
    SponsorshipSource? Source = null, string? RecordedIn = null) : IDraftEvent, IConcernsDelegations
{
    IEnumerable<string> IConcernsDelegations.Delegations => Sponsors.Select(s => s.Iso3);
}
