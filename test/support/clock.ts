/** A clock tests move by hand, so sandbox data and session lifetimes never depend on when tests run. */
export function manualClock(startIso: string) {
  let now = Date.parse(startIso);
  let stepPerRead = 0;
  return {
    now: () => {
      now += stepPerRead;
      return now;
    },
    advance(ms: number) {
      now += ms;
    },
    set(iso: string) {
      now = Date.parse(iso);
      stepPerRead = 0;
    },
    /** Every reading moves the clock on by `ms`: time passes between any two requests. */
    tickEveryRead(ms: number) {
      stepPerRead = ms;
    },
  };
}
