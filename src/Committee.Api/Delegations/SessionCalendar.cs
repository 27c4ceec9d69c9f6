using System.Globalization;
using Committee.Infrastructure;

namespace Committee.Delegations;

/// <summary>A roll call the unvotes data dates outside the session it numbers it with, as the data has it.</summary>
public sealed record RollCallOutsideItsSession(int RollCall, int Session, DateOnly Date, string AsTheDataHasIt);

/// <summary>
/// The General Assembly's regular sessions: each runs from its opening in September to the opening of the next
/// (rule 1 of its rules of procedure; the 64th opened on 15 September 2009). The openings are reference data
/// (Data/session-openings.csv, sessions 1–80); the roll calls of the unvotes data dated outside the session they are
/// numbered with are recorded as the data has them (Data/roll-calls-outside-their-session.csv), not explained away.
/// A session after the last opening the calendar holds is not checked: add its opening.
/// </summary>
public static class SessionCalendar
{
    private static readonly IReadOnlyDictionary<int, DateOnly> Openings = Read("session-openings.csv")
        .ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture), r => Date(r[1]));

    /// <summary>The roll calls dated outside their session, by rcid.</summary>
    public static readonly IReadOnlyDictionary<int, RollCallOutsideItsSession> RollCallsOutsideTheirSession = Read("roll-calls-outside-their-session.csv")
        .Select(r => new RollCallOutsideItsSession(int.Parse(r[0], CultureInfo.InvariantCulture), int.Parse(r[1], CultureInfo.InvariantCulture), Date(r[2]), r[3]))
        .ToDictionary(r => r.RollCall);

    public static DateOnly? Opening(int session) => Openings.TryGetValue(session, out var date) ? date : null;

    /// <summary>Refuses (422, naming the field) a date outside the session. A document that may be issued ahead of its
    /// session (the Secretariat's notes on the organization of work) is only held to the session's end.</summary>
    public static void Check(int session, DateOnly date, string field, string what, bool mayPrecede = false)
    {
        if (Problem(session, date, mayPrecede) is { } problem)
            throw Refusal.Unprocessable(field, $"{what} dated {Day(date)} {problem}");
    }

    private static string? Problem(int session, DateOnly date, bool mayPrecede = false)
    {
        if (Opening(session) is not { } opening) return null;
        if (!mayPrecede && date < opening)
            return $"falls before the {English.Ordinal(session)} session, which opened on {Day(opening)} (rule 1)";
        if (Opening(session + 1) is { } next && date >= next)
            return $"falls after the {English.Ordinal(session)} session, which closed when the {English.Ordinal(session + 1)} opened on {Day(next)} (rule 1)";
        return null;
    }

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> Read(string resource)
    {
        using var stream = typeof(SessionCalendar).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"{resource} is not embedded in the application");
        using var reader = new StreamReader(stream);
        return Csv.Read(reader.ReadToEnd()).Skip(1).Where(r => r.Length > 1).ToList();
    }
}
