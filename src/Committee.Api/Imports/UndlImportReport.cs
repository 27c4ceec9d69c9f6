using System.Text;

namespace Committee.Imports;

/// <summary>A name (or a document) the import did not record, and why.</summary>
public sealed record ImportIssue(string Symbol, string Name, string Reason);

/// <summary>A value the file wrote otherwise than Committee does, repaired because the repair is unambiguous.</summary>
public sealed record ImportRepair(string Listed, string Repaired, string How, IReadOnlyList<string> Symbols);

/// <summary>What an import did: documents recorded or already there, events appended, names repaired, and every name or
/// document it could not record, by document.</summary>
public sealed class UndlImportReport
{
    private readonly Dictionary<(string Listed, string Repaired, string How), List<string>> _repairs = [];

    public int Documents { get; set; }
    public int Recorded { get; set; }
    public int AlreadyRecorded { get; set; }
    public int Events { get; set; }
    public List<ImportIssue> NotImported { get; } = [];
    public List<ImportIssue> Unresolved { get; } = [];

    public IReadOnlyList<ImportRepair> Repairs =>
        _repairs.Select(r => new ImportRepair(r.Key.Listed, r.Key.Repaired, r.Key.How, r.Value)).OrderBy(r => r.Listed, StringComparer.Ordinal).ToList();

    public void Repaired(string symbol, string listed, string repaired, string how)
    {
        if (!_repairs.TryGetValue((listed, repaired, how), out var symbols)) _repairs[(listed, repaired, how)] = symbols = [];
        if (!symbols.Contains(symbol)) symbols.Add(symbol);
    }

    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Documents} documents: {Recorded} recorded ({Events} events), {AlreadyRecorded} already recorded, {NotImported.Count} not imported.");
        foreach (var issue in NotImported) text.AppendLine($"  not imported  {issue.Symbol}: {issue.Reason}");
        text.AppendLine($"Names repaired: {Repairs.Count}");
        foreach (var repair in Repairs)
            text.AppendLine($"  \"{repair.Listed}\" -> {repair.Repaired} ({repair.How}) in {repair.Symbols.Count} document(s): {string.Join(", ", repair.Symbols)}");
        text.AppendLine($"Names not recorded: {Unresolved.Count}");
        foreach (var issue in Unresolved) text.AppendLine($"  {issue.Symbol}  \"{issue.Name}\": {issue.Reason}");
        return text.ToString();
    }
}
