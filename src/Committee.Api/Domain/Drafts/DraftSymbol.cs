using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Committee.Domain;

/// <summary>Every symbol a draft has carried (L, Rev., Corr., Add.), unique across the store: a second draft with the
/// same symbol fails its transaction. Also how a draft is found by an old symbol.</summary>
public sealed record DraftSymbol(string Id, Guid DraftId);

public sealed partial class DraftSymbolProjection : EventProjection
{
    // A rebuild starts from no symbols: they are inserted, and a symbol inserted twice fails.
    public DraftSymbolProjection() => Options.DeleteViewTypeOnTeardown<DraftSymbol>();

    /// <summary>A draft recorded from a later version holds its earlier symbols too: the earlier documents, recorded
    /// later (Late), find it by them.</summary>
    public void Project(IEvent<DraftSubmitted> e, IDocumentOperations ops)
    {
        if (!e.Data.Late) ops.Insert(new DraftSymbol(e.Data.Symbol, e.Data.DraftId));
        foreach (var earlier in e.Data.Earlier ?? []) ops.Insert(new DraftSymbol(earlier, e.Data.DraftId));
    }

    public void Project(IEvent<DraftRevised> e, IDocumentOperations ops) => ops.Insert(new DraftSymbol(e.Data.Symbol, e.Data.DraftId));

    public void Project(IEvent<DraftCorrected> e, IDocumentOperations ops) => ops.Insert(new DraftSymbol(e.Data.Symbol, e.Data.DraftId));

    public void Project(IEvent<AddendumIssued> e, IDocumentOperations ops) => ops.Insert(new DraftSymbol(e.Data.Symbol, e.Data.DraftId));
}
