using Committee.Drafts;
using Committee.Live;

namespace Committee.Sponsorship;

/// <summary>Who recorded a joining: the Secretary announcing it, or the delegation signing on itself (e-sponsorship).</summary>
public enum SponsorshipSource { Secretariat, ESponsorship }

/// <summary>"Since the submission of the draft resolution, the following delegations have joined the sponsors."</summary>
public sealed record SponsorsJoined(
    Guid DraftId, IReadOnlyList<Sponsor> Sponsors, int? Meeting, SponsorshipSource Source, DateTimeOffset At) : IDraftEvent, IConcernsDelegations
{
    IEnumerable<string> IConcernsDelegations.Delegations => Sponsors.Select(s => s.Iso3);
}

public sealed record SponsorshipWithdrawn(Guid DraftId, IReadOnlyList<Sponsor> Sponsors, int? Meeting, DateTimeOffset At) : IDraftEvent, IConcernsDelegations
{
    IEnumerable<string> IConcernsDelegations.Delegations => Sponsors.Select(s => s.Iso3);
}
