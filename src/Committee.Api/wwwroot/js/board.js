// The voting board. Filled in by the voting capability's events; until a recorded vote is open it shows nothing.
export class Board {
  clear() {}
  async load() {}
  async onEvent() {}
  render() { return null; }
}
