using Committee.Domain;

namespace Committee.Voting;

/// <summary>What a decided question does to the draft (and to the amendment voted on), as events on their streams.</summary>
public static class Consequences
{
    /// <summary>
    /// The proposal: adopted or rejected. An amendment: decided on the draft (its changes made to the text if adopted,
    /// rule 130) and on the amendment's own stream. A paragraph voted separately: retained, or deleted, and when that
    /// leaves no operative paragraph the proposal is rejected as a whole (rule 129). A motion to adjourn the debate
    /// adopted: no action on the draft (rule 116). Other motions and motions for division: decided.
    /// </summary>
    public static Dictionary<Guid, IReadOnlyList<object>> Of(
        Draft draft, Draft? amendment, VoteQuestion question, Outcome outcome, Tally tally, VoteKind kind, Guid voteId, int meeting, DateTimeOffset at)
    {
        var record = Records.Sentence(question, outcome, tally, kind);
        var onDraft = new List<object>();
        var result = new Dictionary<Guid, IReadOnlyList<object>> { [draft.Id] = onDraft };
        switch (question.Kind)
        {
            case QuestionKind.Proposal when outcome == Outcome.Adopted:
                onDraft.Add(new DraftAdoptedByVote(draft.Id, voteId, kind, tally, question.AsAmended, question.AsOrallyRevised, record, meeting, at));
                break;
            case QuestionKind.Proposal:
                onDraft.Add(new DraftRejected(draft.Id, voteId, tally, record, meeting, at));
                break;
            case QuestionKind.Amendment:
                var target = amendment ?? throw new ArgumentException("an amendment question needs its amendment", nameof(amendment));
                onDraft.Add(new QuestionDecided(draft.Id, voteId, question, outcome, tally, record, meeting, at));
                if (outcome == Outcome.Adopted)
                    onDraft.Add(new AmendmentAdopted(draft.Id, target.Id, target.Symbol, target.Changes, voteId, meeting, at));
                result[target.Id] = [new AmendmentDecided(target.Id, draft.Id, outcome, voteId, record, meeting, at)];
                break;
            case QuestionKind.Part:
                onDraft.Add(new QuestionDecided(draft.Id, voteId, question, outcome, tally, record, meeting, at));
                var lastOperative = outcome == Outcome.Rejected && draft.TextKnown && draft.Operative.Count == 1
                    && Paragraphs.Position(question.Paragraph ?? "").Part == 1;
                if (lastOperative)
                    onDraft.Add(new DraftRejected(draft.Id, null, null, Records.RejectedAsAWhole(draft), meeting, at));
                break;
            case QuestionKind.Motion when question.Motion == MotionKind.AdjournDebate && outcome == Outcome.Adopted:
                onDraft.Add(new QuestionDecided(draft.Id, voteId, question, outcome, tally, record, meeting, at));
                onDraft.Add(new NoActionTaken(draft.Id, voteId, record, meeting, at));
                break;
            default:
                onDraft.Add(new QuestionDecided(draft.Id, voteId, question, outcome, tally, record, meeting, at));
                break;
        }
        return result;
    }
}
