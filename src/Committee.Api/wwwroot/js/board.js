// The voting board: every Member State of the vote's date in alphabetical order, marked Y, N or A (and lit green,
// red or yellow) as ballots arrive, the running tally (read out by screen readers), then the locked result, the
// States not voting and the UN's sentence. The last result stays until the next item is taken up, a reload too.
import { getJson, element } from "./live.js";

const alphabetical = (a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" });
const marks = { yes: "Y", no: "N", abstain: "A", nonVoting: "–" };
const columns = 8;

export class Board {
  constructor() { this.clear(); }

  clear() { this.vote = null; this.states = []; this.ballots = new Map(); }

  /** On page load: the draft's vote in progress, else the last one decided on it. */
  async load(draft) {
    const last = draft?.openVote?.voteId ?? draft?.decisions?.findLast((d) => d.voteId)?.voteId;
    if (last) await this.show(last);
  }

  async show(voteId) {
    const vote = await getJson(`/api/votes/${voteId}`);
    if (vote.kind !== "recorded") { this.clear(); return; }
    if (this.vote?.date !== vote.date) this.states = (await getJson(`/api/delegations?date=${vote.date}`)).sort(alphabetical);
    this.vote = vote;
    this.ballots = new Map(vote.ballots.map((b) => [b.iso3, b.vote]));
  }

  async onEvent(e) {
    if (e.type === "VoteOpened") return this.show(e.data.voteId);
    if (!this.vote || e.streamId !== this.vote.voteId) return;
    if (e.type === "BallotsCast") e.data.ballots.forEach((b) => this.ballots.set(b.iso3, b.vote));
    else await this.show(this.vote.voteId);   // closed, corrected: the server's record is the one to show
  }

  tally() {
    const count = (v) => [...this.ballots.values()].filter((b) => b === v).length;
    return { yes: count("yes"), no: count("no"), abstain: count("abstain") };
  }

  render() {
    if (!this.vote) return null;
    const t = this.tally();
    const closed = this.vote.status === "closed";
    const nonVoting = new Set(closed ? (this.vote.record?.notVoting ?? []).map((n) => n.iso3) : []);
    const waiting = this.states.length - this.ballots.size;
    const cell = (s) => {
      const choice = this.ballots.get(s.iso3) ?? (nonVoting.has(s.iso3) ? "nonVoting" : "");
      return element("div", { class: `state ${choice}`, "data-iso3": s.iso3, title: s.name },
        element("span", { class: "mark" }, marks[choice] ?? ""), element("span", { class: "name", "data-board-name": s.boardName }, s.name));
    };
    return element("section", { class: "voting", "aria-label": "Recorded vote" },
      // Once closed, the UN's sentence names the question and the result in one line.
      closed && this.vote.record?.sentence ? element("h2", { class: "record" }, this.vote.record.sentence)
        : element("h2", {}, `Recorded vote on ${this.vote.question.subject}`),
      element("div", { class: "tally", role: "status", "aria-live": "polite", "aria-label": "Running tally" },
        element("span", { class: "yes" }, `Yes ${t.yes}`), element("span", { class: "no" }, `No ${t.no}`),
        element("span", { class: "abstain" }, `Abstentions ${t.abstain}`),
        closed ? element("span", { class: "nonVoting" }, `Not voting ${nonVoting.size}`) : element("span", {}, `Yet to vote ${waiting}`),
        closed ? element("span", { class: "outcome" }, (this.vote.outcome ?? "").toUpperCase()) : null),
      element("div", { class: "board", "aria-hidden": "true", style: `grid-template-rows: repeat(${Math.ceil(this.states.length / columns)}, auto)` },
        this.states.map(cell)));
  }

  /** Once on the screen: a name wider than its cell gives way to the board's short form (never a cut). */
  static fit(root) {
    const names = [...root.querySelectorAll(".board .name")];
    const tooWide = names.filter((n) => n.scrollWidth > n.clientWidth);
    tooWide.forEach((n) => { n.textContent = n.dataset.boardName; });
  }
}
