// A delegation's own view: its State's sponsorships as they happen, the vote in progress with its own ballot, and
// signing on or withdrawing for itself, offered only when the server would accept it.
import { Live, getJson, saw, sawReply, element, humanDate, ordinal } from "./live.js";

const $ = (id) => document.getElementById(id);
const state = { token: sessionStorage.getItem("delegation-token") ?? "", session: Number(sessionStorage.getItem("session")) || null, iso3: null, name: null };

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

/** When: the meeting's date when the action was taken at a meeting, else the date it bears (an import's issue date). */
const when = (at, meeting, meetings) => {
  const held = meetings.find((m) => m.number === meeting);
  return held ? `${humanDate(held.date)} (${ordinal(held.number)} meeting)` : humanDate(at);
};

/** Why this State cannot sign on to, or withdraw from, the draft now: the server's rules, said before it refuses. */
function closedBecause(d, sponsoring) {
  if (d.action) return `closed: ${d.action.decision}`;
  if (d.openVote) return "closed while the vote is in progress";
  if (sponsoring && d.status === "voting") return "voting has begun: sponsors can no longer withdraw (rule 122)";
  return null;
}

function sponsorshipButton(d) {
  const sponsoring = d.sponsors.some((s) => s.iso3 === state.iso3 && !s.withdrawnAt);
  const label = `${sponsoring ? "Withdraw from" : "Sign on to"} ${d.symbol}`;
  const reason = closedBecause(d, sponsoring);
  if (reason) {
    const id = `why-${d.id}`;
    return [element("button", { type: "button", disabled: "", "aria-describedby": id }, label), " ", element("span", { id, class: "reason" }, reason)];
  }
  return element("button", { type: "button", onclick: () => act(d, sponsoring ? "sponsor-withdrawals" : "sponsors") }, label);
}

async function renderVotes(drafts) {
  const voting = drafts.filter((d) => d.openVote);
  const votes = await Promise.all(voting.map((d) => getJson(`/api/votes/${d.openVote.voteId}`)));
  $("votes").replaceChildren(...(votes.length ? votes.map((v) => {
    const mine = v.ballots.find((b) => b.iso3 === state.iso3);
    return element("p", { class: "vote" }, element("strong", {}, `Vote in progress on ${v.question.subject}. `),
      mine ? `Our ballot as recorded: ${mine.vote}.` : "We have not voted.", ` Yes ${v.yes}, no ${v.no}, abstentions ${v.abstain}.`);
  }) : [element("p", {}, "No vote is in progress.")]));
}

async function refresh() {
  const [mine, drafts, meetings] = await Promise.all([
    getJson(`/api/delegations/${state.iso3}/sponsorships?session=${state.session}`),
    getJson(`/api/drafts?session=${state.session}`),
    getJson(`/api/sessions/${state.session}/meetings`)]);
  const naturalOrder = (a, b) => a.symbol.localeCompare(b.symbol, "en", { numeric: true });
  drafts.sort(naturalOrder);
  mine.sponsorships.sort(naturalOrder);
  $("mine").replaceChildren(
    element("thead", {}, element("tr", {}, ["Draft", "Layer", "Joined", "Withdrawn"].map((h) => element("th", { scope: "col" }, h)))),
    element("tbody", {}, mine.sponsorships.map((s) => element("tr", {}, element("td", {}, s.symbol), element("td", {}, s.layer === "original" ? "printed" : "joined after issue"),
      element("td", {}, when(s.joinedAt, s.joinedAtMeeting, meetings)), element("td", {}, s.withdrawnAt ? when(s.withdrawnAt, s.withdrawnAtMeeting, meetings) : "")))));
  $("drafts").replaceChildren(
    element("thead", {}, element("tr", {}, ["Draft", "Status", "Sponsorship"].map((h) => element("th", { scope: "col" }, h)))),
    element("tbody", {}, drafts.map((d) => element("tr", {}, element("td", {}, `${d.symbol} — ${d.title}`), element("td", {}, d.status), element("td", {}, sponsorshipButton(d))))));
  await renderVotes(drafts);
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
  const { position } = await getJson("/api/events/position");
  saw(position);
  const today = (await getJson("/api/delegations")).find((s) => s.iso3 === state.iso3);
  state.name = today?.name ?? state.iso3;
  $("heading").textContent = `Delegation of ${state.name}`;
  document.title = `Third Committee — delegation of ${state.name}`;
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
