// The floor display: what is on the floor of a session, its sponsors as they join, and (during a recorded vote)
// the voting board. It loads the state once, then follows the session's events; after a drop it catches up.
import { Live, getJson, saw, ordinal, element, humanDate } from "./live.js";
import { Board } from "./board.js";

const session = Number(new URLSearchParams(location.search).get("session"));
const view = { meeting: null, meetingDate: null, draftId: null, draft: null, revisions: [], sponsorsSeen: new Set(), fresh: new Set() };
const board = new Board();

const heading = document.getElementById("heading");
const main = document.getElementById("floor");
const status = document.getElementById("status");

async function loadDraft(id) {
  const draft = await getJson(`/api/drafts/${id}`);
  const current = draft.sponsors.filter((s) => !s.withdrawnAt).map((s) => s.iso3);
  view.fresh = new Set(view.draftId === id ? current.filter((iso3) => !view.sponsorsSeen.has(iso3)) : []);
  view.sponsorsSeen = new Set(current);
  const previous = view.draft;
  view.draftId = id;
  view.draft = draft;
  await loadRevisions(draft, previous);
}

const sponsorsLabel = (n) => `${n} sponsor${n === 1 ? "" : "s"}`;

/** The changes read out on the current version, marked against the text as printed (from the draft's diff); read
 * again only when the draft's text may have changed, not for each ballot of a vote. */
async function loadRevisions(draft, previous) {
  if (previous?.id === draft.id && previous.oralRevisions.length === draft.oralRevisions.length && previous.symbol === draft.symbol) return;
  view.revisions = [];
  if (!draft.oralRevisions.some((r) => r.symbol === draft.symbol)) return;
  const versions = await getJson(`/api/drafts/${draft.id}/versions`);
  const printed = versions.find((v) => v.symbol === draft.symbol);
  const diff = await getJson(`/api/drafts/${draft.id}/diff?from=${printed.version}`);
  view.revisions = diff.changes.paragraphs.filter((p) => p.change !== "unchanged");
}

function render() {
  heading.textContent = `Third Committee — ${ordinal(session)} session` +
    (view.meeting ? ` — ${ordinal(view.meeting)} meeting${view.meetingDate ? `, ${humanDate(view.meetingDate)}` : ""}` : "");
  main.replaceChildren();
  if (!view.draft) { main.append(element("p", { class: "idle" }, view.meeting ? "No draft is on the floor." : "Waiting for the meeting…")); return; }
  const d = view.draft;
  // The printed list in its order, then those who joined, in the order they joined.
  const sponsors = d.sponsors.filter((s) => !s.withdrawnAt).sort((a, b) => (a.layer === b.layer ? 0 : a.layer === "original" ? -1 : 1));
  const introduction = d.introduction
    ? `Introduced by ${d.introduction.delegation}${d.introduction.onBehalfOf ? ` on behalf of the ${d.introduction.onBehalfOf}` : ""}.`
    : "Not yet introduced.";
  const segment = (w) => w.kind === "inserted" ? element("ins", {}, w.text) : w.kind === "deleted" ? element("del", {}, w.text) : w.text;
  main.append(...[
    element("div", { class: "symbol" }, `${d.symbol} · agenda item ${d.agendaItem}: ${d.agendaItemTitle}`),
    element("div", { class: "title" }, d.title),
    element("p", { class: "facts" }, introduction),
    view.revisions.length ? element("ul", { class: "revisions", "aria-label": "Oral revisions" }, view.revisions.map((p) =>
      element("li", {}, element("strong", {}, `${p.to ?? p.from} orally revised: `), p.words.map(segment)))) : null,
    element("h2", { class: "count" }, sponsorsLabel(sponsors.length)),
    element("ul", { class: "sponsors", "aria-label": "Sponsors" }, sponsors.map((s) =>
      element("li", { class: `${s.layer}${view.fresh.has(s.iso3) ? " new" : ""}`, "data-iso3": s.iso3 },
        s.onBehalfOf ? `${s.delegation} (on behalf of the ${s.onBehalfOf})` : s.delegation)))].filter(Boolean));
  const voting = board.render();
  if (voting) { main.append(voting); Board.fit(main); }
}

async function onEvent(e) {
  switch (e.type) {
    case "MeetingOpened": view.meeting = e.data.meeting; view.meetingDate = e.data.date; view.draft = null; view.draftId = null; break;
    case "MeetingClosed": view.meeting = null; view.draft = null; view.draftId = null; board.clear(); break;
    case "AgendaItemTakenUp": view.draft = null; view.draftId = null; board.clear(); break;
    case "DraftTakenUp": board.clear(); await loadDraft(e.data.draftId); break;
    default:
      if (e.draftId && e.draftId === view.draftId) await loadDraft(e.draftId);
      await board.onEvent(e, view.draft);
  }
  render();
}

async function start() {
  if (!session) { main.replaceChildren(element("p", { class: "idle" }, "Open /floor?session=78 to follow a session.")); return; }
  const { position } = await getJson("/api/events/position");
  saw(position);
  try {
    const s = await getJson(`/api/sessions/${session}`);
    view.meeting = s.meeting?.number ?? null;
    view.meetingDate = s.meeting?.date ?? null;
    if (s.floor?.draftId) await loadDraft(s.floor.draftId);
    if (view.draft) await board.load(view.draft);
  } catch (error) { if (error.status !== 404) throw error; }
  render();
  window.committeeLive = new Live({
    watch: [["WatchSession", session]],
    onEvent: (e) => queue = queue.then(() => onEvent(e)),
    onStatus: (s) => { status.textContent = s; status.className = `status ${s}`; },
  }).start(position);
}

let queue = Promise.resolve();  // events are applied one after another, in order
start();
