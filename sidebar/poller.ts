// Follows the sheet's selection: polls every 3 s while the panel is visible, backs off ×2 up to 15 s when nothing changes
// (a click on another row must show within seconds; each poll is one light server call), and after 10 minutes without
// anyone touching the panel slows to once a minute — people often work in the sheet only, clicking rows, and the panel
// must still follow them — so a panel left open all day costs little.

export const POLL_MIN_MS = 3000;
export const POLL_MAX_MS = 15000;
export const IDLE_MS = 10 * 60 * 1000;
export const IDLE_POLL_MS = 60 * 1000;

export function nextDelay(previous: number, changed: boolean): number {
  return changed ? POLL_MIN_MS : Math.min(POLL_MAX_MS, previous * 2);
}

export interface PollerDeps {
  /** One poll; resolves true when something changed. A rejected poll counts as "nothing changed". */
  tick: () => Promise<boolean>;
  isVisible: () => boolean;
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
  /** Milliseconds clock for the idle limit. */
  now: () => number;
  idleMs?: number;
}

export interface Poller {
  /** (Re)start from the shortest delay, e.g. when the panel becomes visible or gets focus; counts as activity. */
  wake: () => void;
  stop: () => void;
  /** The person used the panel (key, pointer, focus): polling goes on, back at full speed if it had slowed for idleness. */
  activity: () => void;
  /** True while polling runs slowly because nobody used the panel for the idle limit. */
  isIdle: () => boolean;
}

export function createPoller(deps: PollerDeps): Poller {
  const idleMs = deps.idleMs ?? IDLE_MS;
  let timer: number | null = null;
  let delay = POLL_MIN_MS;
  let generation = 0;
  let lastActivity = deps.now();
  let idle = false;

  const stop = () => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    generation += 1;
  };
  const schedule = () => {
    const mine = generation;
    timer = deps.setTimer(async () => {
      timer = null;
      if (!deps.isVisible()) return;
      const changed = await deps.tick().catch(() => false);
      // A wake or stop during the call started a new cycle (or none): this one ends here.
      if (mine !== generation) return;
      idle = deps.now() - lastActivity >= idleMs;
      delay = idle ? IDLE_POLL_MS : nextDelay(delay, changed);
      schedule();
    }, delay);
  };
  const wake = () => {
    lastActivity = deps.now();
    idle = false;
    stop();
    delay = POLL_MIN_MS;
    if (deps.isVisible()) schedule();
  };
  const activity = () => {
    lastActivity = deps.now();
    if (idle) wake();
  };
  return { wake, stop, activity, isIdle: () => idle };
}
