// What a secretary can record: each action's form fields, the request it sends, and when the draft's state allows it
// (`when`: the console offers nothing the server would refuse for the draft's state). `key`: its access key.
const lines = (text) => (text ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
export const list = (text) => (text ?? "").split(",").map((l) => l.trim()).filter(Boolean);
const onDraft = (action) => (state) => `/api/drafts/${state.draft.id}/${action}`;
const versioned = (body) => (values, state) => ({ expectedVersion: state.draft.version, ...body(values, state) });
/** Nothing happens on a draft the Committee has acted on, and during a vote only the vote goes on (rule 128). */
const open = (d) => !d.action && !d.openVote;
const beforeVoting = (d) => open(d) && d.status !== "voting";
const atMeeting = (s) => Boolean(s.floor?.meeting);

export const sessionActions = (state) => state.floor?.meeting
  ? [{ name: "close-meeting", title: "Close the meeting", fields: [], path: (s) => `/api/sessions/${s.session}/meetings/${s.floor.meeting.number}/closure`, body: () => ({}) }]
  : [{ name: "open-meeting", title: "Open a meeting", fields: [{ name: "date", label: "Date", type: "date", value: () => new Date().toISOString().slice(0, 10) }],
      path: (s) => `/api/sessions/${s.session}/meetings`, body: (v) => ({ date: v.date }) }];

export const actions = [
  { name: "submit", title: "Submit a draft", button: "Submit", when: (d) => !d, path: () => "/api/drafts",
    fields: [{ name: "symbol", label: "Symbol (A/C.3/78/L.12)" }, { name: "title", label: "Title" }, { name: "agendaItem", label: "Agenda item" },
      { name: "agendaItemTitle", label: "Agenda item title" }, { name: "date", label: "Date", type: "date" },
      { name: "sponsors", label: "Sponsors (comma-separated)" }, { name: "preamble", label: "Preambular paragraphs (one a line)", type: "textarea" },
      { name: "operative", label: "Operative paragraphs (one a line)", type: "textarea" }],
    body: (v, s) => ({ symbol: v.symbol, title: v.title, session: s.session, agendaItem: v.agendaItem, agendaItemTitle: v.agendaItemTitle,
      date: v.date, sponsors: list(v.sponsors), preamble: lines(v.preamble), operative: lines(v.operative) }) },
  { name: "take-up", onDraft: true, key: "t", when: (d, s) => open(d) && atMeeting(s) && s.floor?.floor?.draftId !== d.id, title: "Take up on the floor", fields: [], path: (s) => `/api/sessions/${s.session}/floor/draft`,
    body: (v, s) => ({ draftId: s.draft.id }) },
  { name: "introduction", onDraft: true, key: "i", when: (d, s) => beforeVoting(d) && !d.introduction && atMeeting(s), title: "Introduced by", fields: [{ name: "delegation", label: "Delegation", list: "states" }, { name: "onBehalfOf", label: "On behalf of (group, optional)" }],
    path: onDraft("introduction"), body: versioned((v) => ({ delegation: v.delegation, onBehalfOf: v.onBehalfOf || null })) },
  { name: "sponsors", onDraft: true, key: "j", when: open, title: "Sponsors joining", fields: [{ name: "delegations", label: "Delegations (comma-separated)" }],
    path: onDraft("sponsors"), body: versioned((v) => ({ delegations: list(v.delegations) })) },
  { name: "sponsor-withdrawals", onDraft: true, when: beforeVoting, title: "Sponsorship withdrawn", fields: [{ name: "delegations", label: "Delegations (comma-separated)" }],
    path: onDraft("sponsor-withdrawals"), body: versioned((v) => ({ delegations: list(v.delegations) })) },
  { name: "oral-revisions", onDraft: true, key: "o", when: (d, s) => beforeVoting(d) && d.textKnown && atMeeting(s), title: "Oral revision", custom: "oral-revision",
    fields: [{ name: "delegation", label: "Read out by", list: "states" }],
    path: onDraft("oral-revisions"), body: versioned((v) => ({ delegation: v.delegation, changes: [{ paragraph: v.paragraph, kind: v.kind, text: v.kind === "deleted" ? null : v.text }] })) },
  { name: "revisions", onDraft: true, when: beforeVoting, title: "Revised draft (Rev.)", fields: [{ name: "symbol", label: "Symbol" }, { name: "date", label: "Date", type: "date" },
      { name: "sponsors", label: "Sponsors printed (comma-separated)" }, { name: "preamble", label: "Preambular paragraphs", type: "textarea" },
      { name: "operative", label: "Operative paragraphs", type: "textarea" }],
    path: onDraft("revisions"), body: versioned((v) => ({ symbol: v.symbol, date: v.date, sponsors: list(v.sponsors), preamble: lines(v.preamble), operative: lines(v.operative) })) },
  { name: "budget-implications", onDraft: true, when: open, title: "Programme budget implications", fields: [
      { name: "hasImplications", label: "Implications?", type: "select", options: ["no", "yes"] }, { name: "statement", label: "Statement or document symbol" }],
    path: onDraft("budget-implications"), body: versioned((v) => ({ hasImplications: v.hasImplications === "yes", statement: v.statement || null })) },
  { name: "deferrals", onDraft: true, when: (d, s) => open(d) && atMeeting(s), title: "Defer action", fields: [], path: onDraft("deferrals"), body: versioned(() => ({})) },
  { name: "withdrawal", onDraft: true, when: beforeVoting, title: "Withdrawn by its sponsors", fields: [], path: onDraft("withdrawal"), body: versioned(() => ({})) },
  { name: "open-vote", onDraft: true, key: "v", when: (d, s) => open(d) && atMeeting(s), title: "Open a recorded vote", fields: [{ name: "question", label: "Question (from the voting order: proposal, amendment:…, motion:…)", value: () => "proposal" },
      { name: "majority", label: "Majority", type: "select", options: ["simple", "two-thirds"] }],
    path: onDraft("votes"), body: (v, s) => ({ question: v.question, kind: "recorded", majority: v.majority, expectedVersion: s.draft.version }) },
  { name: "adoption-without-vote", onDraft: true, when: (d, s) => open(d) && atMeeting(s), title: "Adopt without a vote", fields: [], path: onDraft("adoption-without-vote"), body: versioned(() => ({})) },
];
