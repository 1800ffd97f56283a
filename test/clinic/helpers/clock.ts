// A clock tests can move by hand.
export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(startIso = '2026-03-02T09:00:00.000Z'): TestClock {
  let t = Date.parse(startIso);
  return {
    now: () => new Date(t),
    set: (iso) => { t = Date.parse(iso); },
    advance: (ms) => { t += ms; },
  };
}
