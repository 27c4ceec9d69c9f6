// The secretary's console: record what happens on the floor, by keyboard. Every action carries the draft's
// version (a conflict says so) and an idempotency key that a retry after a network blip reuses.
import { Live, getJson, saw, sawReply, ordinal, element } from "./live.js";
import { actions, sessionActions } from "./actions.js";

const state = { token: sessionStorage.getItem("token") ?? "", session: Number(sessionStorage.getItem("session")) || null, draft: null, floor: null };
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

async function loadSession() {
  let view = null;
  try { view = await getJson(`/api/sessions/${state.session}`); } catch (error) { if (error.status !== 404) throw error; }
  state.floor = view;
  const drafts = await getJson(`/api/drafts?session=${state.session}`);
  $("meeting").replaceChildren(
    element("p", {}, view?.meeting ? `${ordinal(view.meeting.number)} meeting in progress` : "No meeting in progress"),
    ...sessionActions(state).map(form));
  $("drafts").replaceChildren(...drafts.map((d) => element("li", {},
    element("button", { type: "button", "aria-current": String(d.id === state.draft?.id), onclick: () => selectDraft(d.id) },
      `${d.symbol} — ${d.title} (${d.status}, v${d.version})`))));
}

async function selectDraft(id) {
  state.draft = id ? await getJson(`/api/drafts/${id}`) : null;
  renderDraft();
  await loadSession();
}

function renderDraft() {
  const d = state.draft;
  if (!d) { $("draft").replaceChildren(element("p", {}, "Pick a draft, or submit one.")); $("actions").replaceChildren(...actions.filter((a) => !a.onDraft).map(form)); return; }
  const sponsors = d.sponsors.filter((s) => !s.withdrawnAt);
  $("draft").replaceChildren(
    element("p", {}, element("strong", {}, d.symbol), ` — ${d.title}`),
    element("p", { id: "draft-version" }, `Status: ${d.status} · version ${d.version} · `, element("a", { href: `/drafts/${d.id}/history` }, "history")),
    element("p", {}, `Sponsors (${sponsors.length}): ${sponsors.map((s) => s.delegation + (s.onBehalfOf ? ` on behalf of the ${s.onBehalfOf}` : "")).join(", ")}`));
  $("actions").replaceChildren(...actions.filter((a) => !a.when || a.when(d)).map(form));
}

function form(action) {
  const fields = action.fields.map((f) => element("label", {}, f.label,
    f.type === "textarea" ? element("textarea", { name: f.name, rows: "3" })
      : f.type === "select" ? element("select", { name: f.name }, f.options.map((o) => element("option", { value: o }, o)))
      : element("input", { name: f.name, type: f.type ?? "text", ...(f.value ? { value: f.value(state) } : {}) })));
  const node = element("form", { "aria-label": action.title, "data-action": action.name },
    element("strong", {}, action.title), ...fields, element("button", { type: "submit" }, action.button ?? action.title));
  node.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(node));
    try {
      const reply = await send(action.path(state, values), action.body(values, state), action.method);
      show(`${action.title}: recorded.`, "ok");
      if (action.name === "submit") await selectDraft(reply.id); else if (state.draft) await selectDraft(state.draft.id); else await loadSession();
    } catch (error) {
      show(`${action.title}: ${error.message}`);
      if (error.problem?.currentVersion !== undefined && state.draft) await selectDraft(state.draft.id);
    }
  });
  return node;
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
