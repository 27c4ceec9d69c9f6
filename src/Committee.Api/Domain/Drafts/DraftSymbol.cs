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

    public void Project(IEvent<DraftSubmitted> e, IDocumentOperations ops) => ops.Insert(new DraftSymbol(e.Data.Symbol, e.Data.DraftId));

    public void Project(IEvent<DraftRevised> e, IDocumentOperations ops) => ops.Insert(new DraftSymbol(e.Data.Symbol, e.Data.DraftId));

    public void Project(IEvent<DraftCorrected> e, IDocumentOperations ops) => ops.Insert(new DraftSymbol(e.Data.Symbol, e.Data.DraftId));

    public void Project(IEvent<AddendumIssued> e, IDocumentOperations ops) => ops.Insert(new DraftSymbol(e.Data.Symbol, e.Data.DraftId));
}
