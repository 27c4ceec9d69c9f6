// A small SignalR client (JSON protocol over WebSocket) for /hubs/floor, with catch-up after a drop:
// on every (re)connection it watches again, then asks GET /api/events for what it missed after the last
// sequence it applied, and drops anything it has already seen. Events reach `onEvent` once, in store order.
const RS = "\u001e";

export class Live {
  constructor({ watch, onEvent, onStatus }) {
    this.watch = watch;            // [["WatchSession", 78], ["WatchDelegation", "TUR"], ...]
    this.onEvent = onEvent;
    this.onStatus = onStatus ?? (() => {});
    this.last = 0;                 // the last sequence applied
    this.pending = new Map();
    this.nextId = 1;
    this.retry = 0;
    this.stopped = false;
  }

  start(last = 0) { this.last = last; this.connect(); return this; }

  stop() { this.stopped = true; this.socket?.close(); }

  /** Cuts the connection and stays away until resume(), as a network outage would. */
  pause() { this.paused = true; this.socket?.close(); }

  resume() { this.paused = false; this.connect(); }

  connect() {
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/hubs/floor`;
    const socket = new WebSocket(url);
    this.socket = socket;
    this.buffer = [];
    this.catchingUp = true;
    socket.onopen = () => socket.send(JSON.stringify({ protocol: "json", version: 1 }) + RS);
    socket.onmessage = (m) => this.receive(m.data);
    socket.onclose = () => {
      clearInterval(this.ping);
      for (const [, p] of this.pending) p.reject(new Error("connection closed"));
      this.pending.clear();
      if (this.stopped || this.paused) { this.onStatus("offline"); return; }
      this.onStatus("reconnecting");
      setTimeout(() => this.connect(), Math.min(250 * 2 ** this.retry++, 5000));
    };
  }

  async receive(data) {
    for (const frame of data.split(RS).filter(Boolean)) {
      const message = JSON.parse(frame);
      if (message.type === undefined) { await this.handshaken(); continue; }          // handshake reply
      if (message.type === 1 && message.target === "event") this.arrived(message.arguments[0]);
      if (message.type === 3) {
        const p = this.pending.get(message.invocationId);
        this.pending.delete(message.invocationId);
        message.error ? p?.reject(new Error(message.error)) : p?.resolve(message.result);
      }
      if (message.type === 7) this.socket.close();
    }
  }

  invoke(target, ...args) {
    const invocationId = String(this.nextId++);
    return new Promise((resolve, reject) => {
      this.pending.set(invocationId, { resolve, reject });
      this.socket.send(JSON.stringify({ type: 1, invocationId, target, arguments: args }) + RS);
    });
  }

  async handshaken() {
    this.ping = setInterval(() => this.socket.readyState === 1 && this.socket.send(JSON.stringify({ type: 6 }) + RS), 10000);
    try {
      for (const [method, argument] of this.watch) await this.invoke(method, argument);
      await this.catchUp();
      this.retry = 0;
      this.onStatus("live");
    } catch { this.socket.close(); }
  }

  async catchUp() {
    const filter = this.watch.map(([m, a]) => m === "WatchSession" ? `session=${a}` : m === "WatchDraft" ? `draftId=${a}` : `delegation=${a}`).join("&");
    for (;;) {
      const page = await (await fetch(`/api/events?after=${this.last}&${filter}&limit=5000`)).json();
      page.events.forEach((e) => this.apply(e));
      if (page.position <= this.last || page.events.length < 5000) { this.last = Math.max(this.last, page.position); break; }
      this.last = page.position;
    }
    this.catchingUp = false;
    const buffered = this.buffer; this.buffer = [];
    buffered.forEach((e) => this.apply(e));
  }

  arrived(e) { this.catchingUp ? this.buffer.push(e) : this.apply(e); }

  apply(e) {
    if (e.sequence <= this.last) return;  // already seen (live and caught up both delivered it)
    this.last = e.sequence;
    saw(e.sequence);
    this.onEvent(e);
  }
}

/** The newest event this page was told about (a command's reply, a pushed event): every read asks for a state at
 * least that fresh (atLeast), so the page never shows the past after an action. */
let seen = 0;
export function saw(sequence) { if (Number(sequence) > seen) seen = Number(sequence); }
export function sawReply(response) { saw(response.headers.get("Committee-Sequence") ?? 0); }

/** Fetch JSON at least as fresh as what the page has seen, throwing the problem details (RFC 9457) when the answer
 * is not a success. A read model still behind answers 503 with Retry-After: asked again, a few times. */
export async function getJson(url) {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(seen > 0 ? `${url}${url.includes("?") ? "&" : "?"}atLeast=${seen}` : url);
    const body = await response.json().catch(() => null);
    if (response.status === 503 && response.headers.has("Retry-After") && attempt < 10) {
      await new Promise((r) => setTimeout(r, 1000 * Number(response.headers.get("Retry-After"))));
      continue;
    }
    if (!response.ok) throw Object.assign(new Error(body?.detail ?? response.statusText), { problem: body, status: response.status });
    return body;
  }
}

/** A date as a person writes it: 19 November 2009 (a date-only "2009-11-19" or a moment, read in UTC). */
export function humanDate(value) {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export function ordinal(n) {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th");
  return `${n}${s}`;
}

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value; else if (key.startsWith("on")) node.addEventListener(key.slice(2), value); else node.setAttribute(key, value);
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}
