using Marten;

namespace Committee.Domain;

public enum QuestionState { Pending, Decided, Skipped }

/// <summary>A question in the voting order: still to be put, decided (with its outcome), or not put to the vote and why.</summary>
public sealed record OrderedQuestion(VoteQuestion Question, QuestionState State, string? Reason = null, Outcome? Outcome = null, Guid? VoteId = null);

/// <summary>The order in which the questions on a draft are put to the vote: a pure function of the draft, its
/// amendments and what is pending on it.</summary>
public static class VotingOrder
{
    public const string ProposalKey = "proposal";

    /// <summary>
    /// 1. Procedural motions, in the precedence of rule 119: suspend the meeting, adjourn the meeting, adjourn the
    ///    debate (no-action motion), close the debate. An adopted motion to adjourn the debate ends the consideration.
    /// 2. Amendments (rule 130), the one furthest removed in substance first, as the Chair ordered them; those not
    ///    ordered follow in order of submission. One that changes a paragraph an adopted amendment already changed is
    ///    not put: adopting the other necessarily rejected it. A withdrawn one is not put (rule 122).
    /// 3. Paragraphs voted separately (rule 129), in document order, each after its motion for division when another
    ///    delegation objected; a rejected motion for division means the paragraph is not voted separately.
    /// 4. The proposal as a whole, as orally revised or as amended; it is rejected without a vote when every operative
    ///    paragraph has been rejected (rule 129).
    /// Once the draft is disposed of (adopted, rejected, withdrawn, no action), nothing else is put.
    /// </summary>
    public static IReadOnlyList<OrderedQuestion> Of(Draft draft, IReadOnlyList<Draft> amendments)
    {
        var order = new List<OrderedQuestion>();
        var subject = Records.Subject(draft);
        OrderedQuestion Decided(VoteQuestion q) =>
            draft.Decisions.LastOrDefault(d => d.Question == q.Key) is { } d
                ? new OrderedQuestion(q, QuestionState.Decided, null, d.Outcome, d.VoteId)
                : new OrderedQuestion(q, QuestionState.Decided);

        foreach (var motion in draft.Motions.Where(m => m.Outcome is not null))
            order.Add(new OrderedQuestion(MotionQuestion(motion, subject), QuestionState.Decided, null, motion.Outcome));
        foreach (var motion in draft.Motions.Where(m => m.Outcome is null).OrderBy(m => m.Kind))
            order.Add(new OrderedQuestion(MotionQuestion(motion, subject), QuestionState.Pending));

        var adopted = amendments
            .Where(a => draft.Decisions.Any(d => d.Question == AmendmentKey(a) && d.Outcome == Outcome.Adopted))
            .ToList();
        foreach (var amendment in Ordered(draft, amendments))
        {
            var question = new VoteQuestion(AmendmentKey(amendment), QuestionKind.Amendment, Records.Subject(amendment), AmendmentId: amendment.Id);
            if (draft.Decisions.Any(d => d.Question == question.Key)) { order.Add(Decided(question)); continue; }
            if (amendment.Status == DraftStatus.Withdrawn)
            {
                order.Add(new OrderedQuestion(question, QuestionState.Skipped, $"{amendment.Symbol} was withdrawn by its sponsors (rule 122)"));
                continue;
            }
            var clash = adopted.Select(a => (a.Symbol, Paragraph: Touched(a).Intersect(Touched(amendment)).FirstOrDefault()))
                .FirstOrDefault(c => c.Paragraph is not null);
            order.Add(clash.Paragraph is { } paragraph
                ? new OrderedQuestion(question, QuestionState.Skipped,
                    $"adopting {clash.Symbol} necessarily rejected it: both change {paragraph} (rule 130)")
                : new OrderedQuestion(question, QuestionState.Pending));
        }

        foreach (var request in draft.DivisionRequests
                     .OrderBy(d => Paragraphs.Position(d.Paragraph)).ThenBy(d => d.PartOutcome is null ? 1 : 0))
        {
            var part = new VoteQuestion($"part:{request.Paragraph}", QuestionKind.Part, $"{Paragraphs.Describe(request.Paragraph)} of {subject}",
                Paragraph: request.Paragraph);
            if (request.ObjectedBy is not null)
            {
                var motion = new VoteQuestion($"division:{request.Paragraph}", QuestionKind.DivisionMotion,
                    $"the motion for division on {Paragraphs.Describe(request.Paragraph)} of {subject}", Paragraph: request.Paragraph, MovedBy: request.RequestedBy);
                order.Add(request.MotionOutcome is { } outcome
                    ? new OrderedQuestion(motion, QuestionState.Decided, null, outcome)
                    : new OrderedQuestion(motion, QuestionState.Pending));
                if (request.MotionOutcome == Outcome.Rejected)
                {
                    order.Add(new OrderedQuestion(part, QuestionState.Skipped,
                        "the motion for division was rejected: the paragraph is not voted on separately (rule 129)"));
                    continue;
                }
            }
            if (request.PartOutcome is { } partOutcome)
                order.Add(new OrderedQuestion(part, QuestionState.Decided, null, partOutcome));
            else if (Paragraphs.Problem(draft, new ParagraphChange(request.Paragraph, ParagraphChangeKind.Deleted, null)) is not null)
                order.Add(new OrderedQuestion(part, QuestionState.Skipped, $"the text as it now stands has no {request.Paragraph}"));
            else
                order.Add(new OrderedQuestion(part, QuestionState.Pending));
        }

        var proposal = new VoteQuestion(ProposalKey, QuestionKind.Proposal, subject, AsAmended: draft.Amended, AsOrallyRevised: draft.OrallyRevised);
        if (draft.Decisions.Any(d => d.Question == ProposalKey)) order.Add(Decided(proposal));
        else if (draft.TextKnown && draft.Operative.Count == 0)
            order.Add(new OrderedQuestion(proposal, QuestionState.Skipped,
                "all its operative paragraphs were rejected, so the proposal as a whole is rejected (rule 129)"));
        else order.Add(new OrderedQuestion(proposal, QuestionState.Pending));

        // Once the draft is disposed of, whatever was still pending is not put to the vote.
        if (draft.Action is { } action)
            for (var i = 0; i < order.Count; i++)
                if (order[i].State == QuestionState.Pending)
                    order[i] = order[i] with { State = QuestionState.Skipped, Reason = $"{draft.Symbol} was {action.Decision}" };
        return order;
    }

    /// <summary>The first question still to be put, or null when none is left.</summary>
    public static OrderedQuestion? Next(IReadOnlyList<OrderedQuestion> order) => order.FirstOrDefault(q => q.State == QuestionState.Pending);

    public static string AmendmentKey(Draft amendment) => $"amendment:{amendment.Symbol}";

    /// <summary>The amendments to a draft, from the store.</summary>
    public static async Task<IReadOnlyList<Draft>> AmendmentsTo(IQuerySession query, Guid draftId, CancellationToken cancellation) =>
        await query.Query<Draft>().Where(d => d.Kind == DraftKind.Amendment && d.Concerns!.DraftId == draftId).ToListAsync(cancellation);

    private static IEnumerable<Draft> Ordered(Draft draft, IReadOnlyList<Draft> amendments) =>
        amendments.OrderBy(a => draft.AmendmentOrder.IndexOf(a.Symbol) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(a => a.Date).ThenBy(a => a.Symbols[0].Length).ThenBy(a => a.Symbols[0], StringComparer.Ordinal);

    private static IEnumerable<string> Touched(Draft amendment) =>
        amendment.Changes.Select(c => Paragraphs.Normalize(c.Paragraph)).OfType<string>();

    private static VoteQuestion MotionQuestion(Motion motion, string subject) =>
        new($"motion:{MotionKey(motion.Kind)}", QuestionKind.Motion, motion.Kind switch
        {
            MotionKind.SuspendMeeting => "the motion to suspend the meeting",
            MotionKind.AdjournMeeting => "the motion to adjourn the meeting",
            MotionKind.AdjournDebate => $"the motion to adjourn the debate on {subject} (no-action motion)",
            _ => $"the motion to close the debate on {subject}",
        }, Motion: motion.Kind, MovedBy: motion.MovedBy);

    public static string MotionKey(MotionKind kind) => kind switch
    {
        MotionKind.SuspendMeeting => "suspendMeeting",
        MotionKind.AdjournMeeting => "adjournMeeting",
        MotionKind.AdjournDebate => "adjournDebate",
        _ => "closeDebate",
    };
}
