using Committee.Domain;

namespace Committee.Sponsorship;

/// <summary>The one rule of what the sponsorship read models follow: a draft's sponsors, and the symbol, title and
/// date under which they are shown.</summary>
public static class SponsorshipChanges
{
    public static bool Changes(object @event) =>
        @event is SponsorsJoined or SponsorshipWithdrawn or DraftSubmitted or DraftRevised or DraftCorrected;
}
