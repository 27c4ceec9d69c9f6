namespace Committee.Voting.Unvotes;

public static class UnvotesReport
{
    public static string Text(ImportReport r)
    {
        var lines = new List<string>
        {
            $"roll calls read: {r.RollCallsRead:N0}; imported: {r.RollCallsImported:N0}; already present (unchanged): {r.RollCallsAlreadyPresent:N0}",
            $"ballots imported: {r.BallotsImported:N0}; Member States recorded as not voting: {r.NonVotingRecorded:N0}",
            $"elapsed: {r.Elapsed.TotalSeconds:N2} s ({r.BallotsPerSecond:N0} ballots/s, read models included)",
            $"malformed rows reported and skipped: {r.Malformed:N0}",
        };
        lines.AddRange(r.MalformedExamples.Select(e => $"  {e}"));
        if (r.FormerMemberBallots.Count > 0)
            lines.Add($"ballots of former Member States (kept under their own names): {string.Join(", ", r.FormerMemberBallots.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value:N0}"))}");
        lines.Add($"ballots dated before the State's admission in member-states.csv (kept as the dataset records them): {r.BallotsBeforeAdmission:N0}");
        lines.AddRange(r.BeforeAdmissionExamples.Select(e => $"  {e}"));
        return string.Join(Environment.NewLine, lines);
    }
}
