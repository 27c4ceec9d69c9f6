// What a secretary can record: each action's form fields and the request it sends.
const lines = (text) => (text ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
const list = (text) => (text ?? "").split(",").map((l) => l.trim()).filter(Boolean);
const onDraft = (action) => (state) => `/api/drafts/${state.draft.id}/${action}`;
const versioned = (body) => (values, state) => ({ expectedVersion: state.draft.version, ...body(values, state) });

export const sessionActions = (state) => state.floor?.meeting
  ? [{ name: "close-meeting", title: "Close the meeting", fields: [], path: (s) => `/api/sessions/${s.session}/meetings/${s.floor.meeting.number}/closure`, body: () => ({}) }]
  : [{ name: "open-meeting", title: "Open a meeting", fields: [{ name: "date", label: "Date", type: "date", value: () => new Date().toISOString().slice(0, 10) }],
      path: (s) => `/api/sessions/${s.session}/meetings`, body: (v) => ({ date: v.date }) }];

export const actions = [
  { name: "submit", title: "Submit a draft", button: "Submit", path: () => "/api/drafts",
    fields: [{ name: "symbol", label: "Symbol (A/C.3/78/L.12)" }, { name: "title", label: "Title" }, { name: "agendaItem", label: "Agenda item" },
      { name: "agendaItemTitle", label: "Agenda item title" }, { name: "date", label: "Date", type: "date" },
      { name: "sponsors", label: "Sponsors (comma-separated)" }, { name: "preamble", label: "Preambular paragraphs (one a line)", type: "textarea" },
      { name: "operative", label: "Operative paragraphs (one a line)", type: "textarea" }],
    body: (v, s) => ({ symbol: v.symbol, title: v.title, session: s.session, agendaItem: v.agendaItem, agendaItemTitle: v.agendaItemTitle,
      date: v.date, sponsors: list(v.sponsors), preamble: lines(v.preamble), operative: lines(v.operative) }) },
  { name: "take-up", onDraft: true, title: "Take up on the floor", fields: [], path: (s) => `/api/sessions/${s.session}/floor/draft`,
    body: (v, s) => ({ draftId: s.draft.id }) },
  { name: "introduction", onDraft: true, title: "Introduced by", fields: [{ name: "delegation", label: "Delegation" }, { name: "onBehalfOf", label: "On behalf of (group, optional)" }],
    path: onDraft("introduction"), body: versioned((v) => ({ delegation: v.delegation, onBehalfOf: v.onBehalfOf || null })) },
  { name: "sponsors", onDraft: true, title: "Sponsors joining", fields: [{ name: "delegations", label: "Delegations (comma-separated)" }],
    path: onDraft("sponsors"), body: versioned((v) => ({ delegations: list(v.delegations) })) },
  { name: "sponsor-withdrawals", onDraft: true, title: "Sponsorship withdrawn", fields: [{ name: "delegations", label: "Delegations (comma-separated)" }],
    path: onDraft("sponsor-withdrawals"), body: versioned((v) => ({ delegations: list(v.delegations) })) },
  { name: "oral-revisions", onDraft: true, title: "Oral revision", fields: [{ name: "delegation", label: "Read out by" },
      { name: "paragraph", label: "Paragraph (PP3, OP4)" }, { name: "kind", label: "Change", type: "select", options: ["replaced", "inserted", "deleted"] },
      { name: "text", label: "New text", type: "textarea" }],
    path: onDraft("oral-revisions"), body: versioned((v) => ({ delegation: v.delegation, changes: [{ paragraph: v.paragraph, kind: v.kind, text: v.text || null }] })) },
  { name: "revisions", onDraft: true, title: "Revised draft (Rev.)", fields: [{ name: "symbol", label: "Symbol" }, { name: "date", label: "Date", type: "date" },
      { name: "sponsors", label: "Sponsors printed (comma-separated)" }, { name: "preamble", label: "Preambular paragraphs", type: "textarea" },
      { name: "operative", label: "Operative paragraphs", type: "textarea" }],
    path: onDraft("revisions"), body: versioned((v) => ({ symbol: v.symbol, date: v.date, sponsors: list(v.sponsors), preamble: lines(v.preamble), operative: lines(v.operative) })) },
  { name: "budget-implications", onDraft: true, title: "Programme budget implications", fields: [
      { name: "hasImplications", label: "Implications?", type: "select", options: ["no", "yes"] }, { name: "statement", label: "Statement or document symbol" }],
    path: onDraft("budget-implications"), body: versioned((v) => ({ hasImplications: v.hasImplications === "yes", statement: v.statement || null })) },
  { name: "deferrals", onDraft: true, title: "Defer action", fields: [], path: onDraft("deferrals"), body: versioned(() => ({})) },
  { name: "withdrawal", onDraft: true, title: "Withdrawn by its sponsors", fields: [], path: onDraft("withdrawal"), body: versioned(() => ({})) },
  { name: "open-vote", onDraft: true, when: (d) => !d.openVote, title: "Open a recorded vote", fields: [{ name: "question", label: "Question (from the voting order: proposal, amendment:…, motion:…)", value: () => "proposal" },
      { name: "majority", label: "Majority", type: "select", options: ["simple", "two-thirds"] }],
    path: onDraft("votes"), body: (v, s) => ({ question: v.question, kind: "recorded", majority: v.majority, expectedVersion: s.draft.version }) },
  { name: "ballot", onDraft: true, when: (d) => d.openVote, title: "Ballot", method: "PUT", fields: [{ name: "delegation", label: "Delegation" },
      { name: "vote", label: "Vote", type: "select", options: ["yes", "no", "abstain"] }],
    path: (s, v) => `/api/votes/${s.draft.openVote.voteId}/ballots/${encodeURIComponent(v.delegation)}`, body: (v) => ({ vote: v.vote }) },
  { name: "close-vote", onDraft: true, when: (d) => d.openVote, title: "Close the vote", fields: [],
    path: (s) => `/api/votes/${s.draft.openVote.voteId}/close`, body: () => ({}) },
  { name: "adoption-without-vote", onDraft: true, title: "Adopt without a vote", fields: [], path: onDraft("adoption-without-vote"), body: versioned(() => ({})) },
];
