// The secretary's console: record what happens on the floor, by keyboard. Every action carries the draft's
// version (a conflict says so) and an idempotency key that a retry after a network blip reuses.
import { Live, getJson, saw, sawReply, ordinal, element, humanDate } from "./live.js";
import { actions, sessionActions, list } from "./actions.js";

const state = { token: sessionStorage.getItem("token") ?? "", session: Number(sessionStorage.getItem("session")) || null, draft: null, floor: null, vote: null, states: [] };
const $ = (id) => document.getElementById(id);

function show(text, kind = "error") { $("message").replaceChildren(element("div", { class: `message ${kind}` }, text)); }

function describe(problem, status) {
  if (!problem) return `The server answered ${status}.`;
  const where = problem.field ? ` (${problem.field})` : "";
  const version = problem.currentVersion !== undefined ? ` The draft is now at version ${problem.currentVersion}; it has been reloaded.` : "";
  return `${problem.detail ?? problem.title}${where}.${version}`;
}

/** Sends a command; a network failure is retried with the same Idempotency-Key, so it is recorded once. */
export async function send(path, body, method = "POST") {
  const key = crypto.randomUUID();
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(path, {
        method,
        headers: { "Content-Type": "application/json", "Authorization": `Bearer ${state.token}`, "Idempotency-Key": key },
        body: JSON.stringify(body),
      });
      const reply = await response.json().catch(() => null);
      if (!response.ok) throw Object.assign(new Error(describe(reply, response.status)), { refused: true, problem: reply });
      sawReply(response);
      return reply;
    } catch (error) {
      if (error.refused || attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
  }
}

const naturalOrder = (a, b) => a.symbol.localeCompare(b.symbol, "en", { numeric: true });

async function loadSession() {
  let view = null;
  try { view = await getJson(`/api/sessions/${state.session}`); } catch (error) { if (error.status !== 404) throw error; }
  state.floor = view;
  const drafts = (await getJson(`/api/drafts?session=${state.session}`)).sort(naturalOrder);
  keepingInput(() => $("meeting").replaceChildren(
    element("p", {}, view?.meeting ? `${ordinal(view.meeting.number)} meeting in progress (${humanDate(view.meeting.date)})` : "No meeting in progress"),
    ...sessionActions(state).map(form)));
  keepingInput(() => $("drafts").replaceChildren(...drafts.map((d) => element("li", {},
    element("button", { type: "button", "aria-current": String(d.id === state.draft?.id), onclick: () => selectDraft(d.id) },
      `${d.symbol} — ${d.title} (${d.status}, v${d.version})`)))));
}

/** Redraws without losing what the secretary is doing: a push redraws the forms while they type, so the values
 * typed and the focus are carried over to the same fields (by form and name) when they are still there. */
function keepingInput(redraw) {
  const key = (el) => `${el.closest("form")?.dataset.action ?? ""}/${el.name || el.id || el.tagName}/${el.textContent.split(" — ")[0]}`;
  const fields = () => [...document.querySelectorAll("main input, main select, main textarea, main button")];
  const values = new Map(fields().filter((el) => el.name).map((el) => [key(el), el.value]));
  const focused = document.activeElement && document.activeElement !== document.body ? key(document.activeElement) : null;
  redraw();
  for (const el of fields()) {
    if (el.name && values.has(key(el)) && el.value !== values.get(key(el))) { el.value = values.get(key(el)); el.dispatchEvent(new Event("input")); }
    if (focused && key(el) === focused && document.activeElement === document.body) el.focus();
  }
}

async function selectDraft(id) {
  state.draft = id ? await getJson(`/api/drafts/${id}`) : null;
  state.vote = state.draft?.openVote ? await getJson(`/api/votes/${state.draft.openVote.voteId}`) : null;
  await loadSession();
  keepingInput(renderDraft);
}

function renderDraft() {
  const d = state.draft;
  if (!d) { $("draft").replaceChildren(element("p", {}, "Pick a draft, or submit one.")); $("actions").replaceChildren(...actions.filter((a) => !a.onDraft).map(form)); return; }
  const sponsors = d.sponsors.filter((s) => !s.withdrawnAt);
  const decided = d.decisions.at(-1);
  $("draft").replaceChildren(...[
    element("p", {}, element("strong", {}, d.symbol), ` — ${d.title}`),
    element("p", { id: "draft-version" }, `Status: ${d.status} · version ${d.version} · `, element("a", { href: `/drafts/${d.id}/history` }, "history")),
    d.introduction ? element("p", {}, `Introduced by ${d.introduction.delegation}${d.introduction.onBehalfOf ? ` on behalf of the ${d.introduction.onBehalfOf}` : ""}.`) : null,
    element("p", {}, `Sponsors (${sponsors.length}): ${sponsors.map((s) => s.delegation + (s.onBehalfOf ? ` on behalf of the ${s.onBehalfOf}` : "")).join(", ")}`),
    decided ? element("p", { class: "decided" }, `Last decision: ${decided.record}`) : null,
    element("button", { type: "button", onclick: () => selectDraft(null) }, "Another draft (deselect)"),
    state.vote ? votePanel(state.vote) : null].filter(Boolean));
  const offered = actions.filter((a) => a.onDraft && a.when(d, state));
  $("actions").replaceChildren(...(offered.length ? offered.map(form) : [element("p", {}, `Nothing more can be recorded on ${d.symbol}: it is ${d.status}.`)]));
}

/** The vote in progress: the running tally, who has not voted, one ballot or the electronic board's in one go, and
 * closing (after a confirmation that shows the tally). */
function votePanel(vote) {
  const voted = new Set(vote.ballots.map((b) => b.iso3));
  const waiting = state.states.filter((s) => !voted.has(s.iso3));
  const tally = `Yes ${vote.yes}, no ${vote.no}, abstentions ${vote.abstain}; ${waiting.length} not voted`;
  const board = { name: "board-ballots", title: "The electronic board's ballots", button: "Record the board's ballots",
    fields: ["yes", "no", "abstain"].map((v) => ({ name: v, label: `${v === "abstain" ? "Abstaining" : `Voting ${v}`} (names or codes, comma-separated)`, type: "textarea" })),
    path: () => `/api/votes/${vote.voteId}/ballots`,
    body: (v) => ({ ballots: ["yes", "no", "abstain"].flatMap((choice) => list(v[choice]).map((delegation) => ({ delegation, vote: choice }))) }) };
  const ballot = { name: "ballot", key: "b", title: "Ballot", method: "PUT", fields: [{ name: "delegation", label: "Delegation", list: "states" },
      { name: "vote", label: "Vote", type: "select", options: ["yes", "no", "abstain"] }],
    path: (s, v) => `/api/votes/${vote.voteId}/ballots/${encodeURIComponent(v.delegation)}`, body: (v) => ({ vote: v.vote }) };
  const close = { name: "close-vote", title: "Close the vote", fields: [], confirm: () => `Close the vote on ${vote.question.subject}? ${tally}.`,
    path: () => `/api/votes/${vote.voteId}/close`, body: () => ({}) };
  return element("section", { id: "vote-panel", class: "vote-panel", "aria-labelledby": "vote-heading", tabindex: "-1" },
    element("h3", { id: "vote-heading" }, `Recorded vote on ${vote.question.subject}`),
    element("p", { id: "vote-tally", role: "status" }, tally),
    element("details", {}, element("summary", {}, `Not voted (${waiting.length})`), element("p", {}, waiting.map((s) => s.name).join(", "))),
    form(ballot), form(board), form(close));
}

/** An oral revision starts from the paragraph's current text, edited in place, with the change previewed. */
function oralRevisionFields() {
  const d = state.draft;
  const paragraphs = [...d.preamble.map((t, i) => [`PP${i + 1}`, t]), ...d.operative.map((t, i) => [`OP${i + 1}`, t])];
  const current = new Map(paragraphs);
  const paragraph = element("select", { name: "paragraph" }, paragraphs.map(([ref, t]) => element("option", { value: ref }, `${ref}: ${t.slice(0, 60)}`)),
    element("option", { value: `OP${d.operative.length + 1}` }, `OP${d.operative.length + 1} (a new paragraph at the end)`));
  const kind = element("select", { name: "kind" }, ["replaced", "inserted", "deleted"].map((o) => element("option", { value: o }, o)));
  const text = element("textarea", { name: "text", rows: "4" });
  const preview = element("p", { class: "preview", "aria-live": "polite" });
  const update = () => {
    const before = kind.value === "inserted" ? "" : current.get(paragraph.value) ?? "";
    const after = kind.value === "deleted" ? "" : text.value;
    preview.replaceChildren(element("strong", {}, "Preview: "), ...wordChange(before, after));
  };
  const start = () => { text.value = kind.value === "inserted" ? "" : current.get(paragraph.value) ?? ""; kind.value = current.has(paragraph.value) ? kind.value : "inserted"; update(); };
  paragraph.addEventListener("change", start);
  kind.addEventListener("change", start);
  text.addEventListener("input", update);
  start();
  return [element("label", {}, "Paragraph", paragraph), element("label", {}, "Change", kind), element("label", {}, "Text (the paragraph as it now reads; edit it)", text), preview];
}

/** The words the change deletes and inserts between a common beginning and end: enough for the secretary's preview. */
function wordChange(before, after) {
  const [a, b] = [before.split(/(\s+)/), after.split(/(\s+)/)];
  let head = 0; while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0; while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return [a.slice(0, head).join(""), element("del", {}, a.slice(head, a.length - tail).join("")), element("ins", {}, b.slice(head, b.length - tail).join("")), a.slice(a.length - tail).join("")];
}

function field(f) {
  const attributes = { name: f.name, ...(f.key ? { accesskey: f.key } : {}) };
  return element("label", {}, f.label,
    f.type === "textarea" ? element("textarea", { ...attributes, rows: "3" })
      : f.type === "select" ? element("select", attributes, f.options.map((o) => element("option", { value: o }, o)))
      : element("input", { ...attributes, type: f.type ?? "text", ...(f.list ? { list: f.list } : {}), ...(f.value ? { value: f.value(state) } : {}) }));
}

function form(action) {
  const fields = action.fields.map((f, i) => field(i === 0 && action.key ? { ...f, key: action.key } : f));
  const node = element("form", { "aria-label": action.title, "data-action": action.name },
    element("strong", {}, action.title + (action.key ? ` (access key ${action.key.toUpperCase()})` : "")), ...fields,
    ...(action.custom === "oral-revision" ? oralRevisionFields() : []),
    element("button", { type: "submit", ...(action.key && !fields.length ? { accesskey: action.key } : {}) }, action.button ?? action.title));
  node.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (action.confirm && !(await confirmed(action.confirm(), action.title))) return;
    const values = Object.fromEntries(new FormData(node));
    try {
      const reply = await send(action.path(state, values), action.body(values, state), action.method);
      node.reset();
      if (action.name === "submit") await selectDraft(reply.id); else if (state.draft) await selectDraft(state.draft.id); else await loadSession();
      show(`${action.title}: recorded.`, "ok");
      refocus(action.name);
    } catch (error) {
      show(`${action.title}: ${error.message}`);
      if (error.problem?.currentVersion !== undefined && state.draft) { await selectDraft(state.draft.id); refocus(action.name); }
    }
  });
  return node;
}

/** After an action the secretary stays where they were: the same form if it is still offered, else the vote panel or
 * the first action now offered. */
function refocus(name) {
  const target = document.querySelector(`form[data-action='${name}']`) ?? $("vote-panel") ?? $("actions").querySelector("form");
  (target?.querySelector("input, select, textarea, button") ?? target)?.focus();
}

/** A modal confirmation (keyboard: focus starts on "Go back"; Tab, then Enter, confirms). */
function confirmed(text, title) {
  const dialog = $("confirm");
  $("confirm-text").textContent = text;
  $("confirm-yes").textContent = title;
  dialog.showModal();
  $("confirm-no").focus();
  return new Promise((resolve) => dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true }));
}

let live;
async function signIn(event) {
  event?.preventDefault();
  state.token = $("token").value || state.token;
  state.session = Number($("session").value) || state.session;
  if (!state.token || !state.session) return;
  sessionStorage.setItem("token", state.token);
  sessionStorage.setItem("session", String(state.session));
  $("floor-link").href = `/floor?session=${state.session}`;
  state.states = await getJson("/api/delegations");
  $("states").replaceChildren(...state.states.map((s) => element("option", { value: s.name })));
  await selectDraft(null);
  const { position } = await getJson("/api/events/position");
  saw(position);
  live?.stop();
  live = new Live({
    watch: [["WatchSession", state.session]],
    onEvent: (e) => queue = queue.then(async () => (e.draftId && e.draftId === state.draft?.id ? selectDraft(e.draftId) : loadSession())),
    onStatus: (s) => { $("status").textContent = s; $("status").className = `status ${s}`; },
  }).start(position);
}

let queue = Promise.resolve();
$("signin").addEventListener("submit", signIn);
$("session").value = state.session ?? "";
if (state.token && state.session) signIn();
