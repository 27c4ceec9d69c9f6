using Committee.Domain;
using Marten;

namespace Committee.HistoryBench;

/// <summary>
/// Sessions of drafts written straight to the event store in large batches (not through the HTTP commands: the
/// benchmark is about reading them back). Each session has 20 meetings and 100 drafts; each draft is submitted
/// with 15 preambular and 10 operative paragraphs, introduced, joined by 40 States one at a time (3 of whom
/// withdraw), revised, orally revised, given a budget statement and adopted: 49 events, two of them full texts.
/// </summary>
public static class SyntheticSessions
{
    public const int DraftsPerSession = 100;
    public const int EventsPerDraft = 49;
    public const int EventsPerSession = 40;

    private static readonly string[] Iso3 =
    [
        "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR", "BGD", "BRB", "BLR", "BEL", "BLZ", "BEN", "BTN",
        "BOL", "BIH", "BWA", "BRA", "BRN", "BGR", "BFA", "BDI", "KHM", "CMR", "CAN", "CPV", "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG", "CRI",
        "CIV", "HRV", "CUB", "CYP", "CZE",
    ];

    public static async Task AppendAsync(IDocumentStore store, int firstSession, int sessions, Action<string> progress)
    {
        var random = new Random(64);
        for (var s = firstSession; s < firstSession + sessions; s++)
        {
            await using var session = store.LightweightSession();
            session.Events.StartStream<SessionFloor>(SessionFloor.StreamId(s), Meetings(s));
            for (var n = 1; n <= DraftsPerSession; n++) session.Events.StartStream<Draft>(Guid.CreateVersion7(), Draft(s, n, random));
            await session.SaveChangesAsync();
            progress($"session {s}: {DraftsPerSession * EventsPerDraft + EventsPerSession:N0} events");
        }
    }

    private static object[] Meetings(int session) => Enumerable.Range(1, EventsPerSession / 2)
        .SelectMany(m => new object[] { new MeetingOpened(session, m, new DateOnly(2009, 10, 1).AddDays(m), At(m)), new MeetingClosed(session, m, At(m).AddHours(3)) })
        .ToArray();

    private static List<object> Draft(int session, int number, Random random)
    {
        var id = Guid.CreateVersion7();
        var symbol = $"A/C.3/{session}/L.{number}";
        var sponsors = new List<Sponsor> { new("BLR", "Belarus"), new("PHL", "Philippines"), new("ZMB", "Zambia", "African Group") };
        var events = new List<object>
        {
            new DraftSubmitted(id, symbol, $"Draft resolution {number} of session {session}", session, "104", "Crime prevention and criminal justice",
                new DateOnly(2009, 10, 20), sponsors, Paragraphs(15, random, ","), Paragraphs(10, random, ";"), At(1)),
            new DraftIntroduced(id, sponsors[0], 2, At(2)),
        };
        events.AddRange(Iso3.Take(40).Select((code, i) => new SponsorsJoined(id, [new Sponsor(code, code)], 2 + i % 10, SponsorshipSource.Secretariat, At(3 + i % 10))));
        events.AddRange(Iso3.Take(3).Select(code => new SponsorshipWithdrawn(id, [new Sponsor(code, code)], 12, At(12))));
        events.Add(new DraftRevised(id, symbol + "/Rev.1", symbol, new DateOnly(2009, 11, 10), $"Draft resolution {number} of session {session}",
            sponsors, Paragraphs(15, random, ","), Paragraphs(11, random, ";"), At(13)));
        events.Add(new DraftOrallyRevised(id, sponsors[0], [new ParagraphChange("OP2", ParagraphChangeKind.Replaced, Sentence(random, 30) + ";")], 14, At(14)));
        events.Add(new ProgrammeBudgetImplicationsStated(id, false, null, null, 14, At(14)));
        events.Add(new AdoptedWithoutVote(id, 14, true, At(14)));
        return events;
    }

    private static List<string> Paragraphs(int count, Random random, string end) =>
        Enumerable.Range(0, count).Select(_ => Sentence(random, 40) + end).ToList();

    private static readonly string[] Words =
    [
        "trafficking", "persons", "coordination", "efforts", "Member", "States", "United", "Nations", "Convention", "Protocol", "women",
        "children", "cooperation", "international", "regional", "victims", "protection", "assistance", "implementation", "resolution",
        "recalling", "welcoming", "recognizing", "the", "of", "and", "to", "in", "against", "with", "for", "its", "all",
    ];

    private static string Sentence(Random random, int words) =>
        "Recalling " + string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    private static DateTimeOffset At(int day) => new DateTimeOffset(2009, 10, 1, 10, 0, 0, TimeSpan.Zero).AddDays(day);
}
