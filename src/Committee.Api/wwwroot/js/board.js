// The voting board: every Member State of the vote's date in alphabetical order, lit green, red or yellow as
// ballots arrive, the running tally (read out by screen readers), then the locked result and the UN's sentence.
import { getJson, element } from "./live.js";

const alphabetical = (a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" });

export class Board {
  constructor() { this.clear(); }

  clear() { this.vote = null; this.states = []; this.ballots = new Map(); }

  /** On page load: the draft's vote in progress, if any. */
  async load(draft) { if (draft?.openVote) await this.show(draft.openVote.voteId); }

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
    return element("section", { class: "voting", "aria-label": "Recorded vote" },
      element("h2", {}, `Recorded vote: ${this.vote.question.subject}`),
      element("div", { class: "tally", role: "status", "aria-live": "polite", "aria-label": "Running tally" },
        element("span", { class: "yes" }, `Yes ${t.yes}`), element("span", { class: "no" }, `No ${t.no}`),
        element("span", { class: "abstain" }, `Abstentions ${t.abstain}`),
        closed ? element("span", { class: "outcome" }, (this.vote.outcome ?? "").toUpperCase()) : element("span", {}, "voting…")),
      closed && this.vote.record?.sentence ? element("p", { class: "record" }, this.vote.record.sentence) : null,
      element("div", { class: "board", "aria-hidden": "true" }, this.states.map((s) =>
        element("div", { class: `state ${this.ballots.get(s.iso3) ?? ""}`, "data-iso3": s.iso3, title: s.name }, s.name))));
  }
}
