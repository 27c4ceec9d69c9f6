// A delegation's own view: its State's sponsorships as they happen, and signing on or withdrawing for itself.
import { Live, getJson, saw, sawReply, element } from "./live.js";

const $ = (id) => document.getElementById(id);
const state = { token: sessionStorage.getItem("delegation-token") ?? "", session: Number(sessionStorage.getItem("session")) || null, iso3: null };

/** The State the token speaks for (its iso3 claim); the server checks the signature, this only reads it. */
const iso3Of = (token) => JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).iso3;

function show(text, kind = "error") { $("message").replaceChildren(element("div", { class: `message ${kind}` }, text)); }

async function act(draft, action) {
  const response = await fetch(`/api/drafts/${draft.id}/${action}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Authorization": `Bearer ${state.token}`, "Idempotency-Key": crypto.randomUUID() },
    body: JSON.stringify({ expectedVersion: draft.version, delegations: [state.iso3] }),
  });
  const reply = await response.json().catch(() => null);
  sawReply(response);
  response.ok ? show(`${draft.symbol}: ${action === "sponsors" ? "signed on" : "sponsorship withdrawn"}.`, "ok") : show(`${draft.symbol}: ${reply?.detail ?? response.statusText}`);
  await refresh();
}

async function refresh() {
  const mine = await getJson(`/api/delegations/${state.iso3}/sponsorships?session=${state.session}`);
  $("mine").replaceChildren(element("tr", {}, element("th", {}, "Draft"), element("th", {}, "Layer"), element("th", {}, "Joined"), element("th", {}, "Withdrawn")),
    ...mine.sponsorships.map((s) => element("tr", {}, element("td", {}, s.symbol), element("td", {}, s.layer),
      element("td", {}, new Date(s.joinedAt).toLocaleString()), element("td", {}, s.withdrawnAt ? new Date(s.withdrawnAt).toLocaleString() : ""))));
  const drafts = await getJson(`/api/drafts?session=${state.session}`);
  $("drafts").replaceChildren(element("tr", {}, element("th", {}, "Draft"), element("th", {}, "Status"), element("th", {}, "")),
    ...drafts.map((d) => {
      const sponsoring = d.sponsors.some((s) => s.iso3 === state.iso3 && !s.withdrawnAt);
      return element("tr", {}, element("td", {}, `${d.symbol} — ${d.title}`), element("td", {}, d.status),
        element("td", {}, d.action ? "closed" : element("button", { type: "button", onclick: () => act(d, sponsoring ? "sponsor-withdrawals" : "sponsors") },
          sponsoring ? "Withdraw" : "Sign on")));
    }));
}

let live;
async function signIn(event) {
  event?.preventDefault();
  state.token = $("token").value || state.token;
  state.session = Number($("session").value) || state.session;
  if (!state.token || !state.session) return;
  try { state.iso3 = iso3Of(state.token); } catch { show("That is not a delegation token."); return; }
  sessionStorage.setItem("delegation-token", state.token);
  sessionStorage.setItem("session", String(state.session));
  $("heading").textContent = `Delegation of ${state.iso3}`;
  const { position } = await getJson("/api/events/position");
  saw(position);
  await refresh();
  live?.stop();
  live = new Live({
    watch: [["WatchDelegation", state.iso3], ["WatchSession", state.session]],
    onEvent: () => queue = queue.then(refresh),
    onStatus: (s) => { $("status").textContent = s; $("status").className = `status ${s}`; },
  }).start(position);
}

let queue = Promise.resolve();
$("signin").addEventListener("submit", signIn);
$("session").value = state.session ?? "";
if (state.token && state.session) signIn();
