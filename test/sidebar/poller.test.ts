// Following the selection: every 3 s while visible, doubling up to 15 s while nothing changes, once a minute when idle, stopped when hidden.
import { createPoller, IDLE_MS, IDLE_POLL_MS, nextDelay, POLL_MAX_MS, POLL_MIN_MS } from "../../sidebar/poller";

/** Timers that fire one at a time; the clock moves on by each timer's delay when it fires. */
function fakeTimers() {
  let next = 1;
  let clock = 0;
  const pending = new Map<number, { fn: () => void; ms: number }>();
  return {
    pending,
    now: () => clock,
    /** Time passing without a timer (e.g. the person reading). */
    advance: (ms: number) => {
      clock += ms;
    },
    setTimer: (fn: () => void, ms: number) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clearTimer: (id: number) => {
      pending.delete(id);
    },
    /** Fires the one pending timer and lets the poll's promise settle; returns the delay it had. */
    async fire(): Promise<number> {
      expect(pending.size).toBe(1);
      const [[id, t]] = Array.from(pending.entries());
      pending.delete(id);
      clock += t.ms;
      t.fn();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      return t.ms;
    },
  };
}

test("the delay doubles while nothing changes, up to 15 s, and drops to 3 s on a change", () => {
  expect(nextDelay(3000, false)).toBe(6000);
  expect(nextDelay(48000, false)).toBe(POLL_MAX_MS);
  expect(nextDelay(POLL_MAX_MS, false)).toBe(POLL_MAX_MS);
  expect(nextDelay(24000, true)).toBe(POLL_MIN_MS);
});

test("polls back off when idle, come back to 3 s after a change, and a failed poll counts as idle", async () => {
  const timers = fakeTimers();
  const answers = [false, false, true, false];
  let polls = 0;
  const poller = createPoller({
    tick: async () => {
      polls++;
      if (polls === 5) throw new Error("offline");
      return answers[polls - 1] ?? false;
    },
    isVisible: () => true,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    now: timers.now,
  });
  poller.wake();
  const delays = [];
  for (let i = 0; i < 7; i++) delays.push(await timers.fire());
  expect(delays).toEqual([3000, 6000, 12000, 3000, 6000, 12000, 15000]);
  expect(polls).toBe(7);
});

test("a hidden panel does not poll, and waking starts again from 3 s", async () => {
  const timers = fakeTimers();
  let visible = true;
  let polls = 0;
  const poller = createPoller({ tick: async () => {
      polls++;
      return false;
    }, isVisible: () => visible, setTimer: timers.setTimer, clearTimer: timers.clearTimer, now: timers.now });
  poller.wake();
  await timers.fire();
  await timers.fire();
  expect(timers.pending.size).toBe(1);
  poller.stop();
  expect(timers.pending.size).toBe(0);
  visible = false;
  poller.wake();
  expect(timers.pending.size).toBe(0);
  visible = true;
  poller.wake();
  expect(await timers.fire()).toBe(3000);
  expect(polls).toBe(3);
});

test("a poll in flight when the panel is woken does not start a second cycle", async () => {
  const timers = fakeTimers();
  let release: (changed: boolean) => void = () => undefined;
  const poller = createPoller({ tick: () => new Promise<boolean>((r) => (release = r)), isVisible: () => true, setTimer: timers.setTimer, clearTimer: timers.clearTimer, now: timers.now });
  poller.wake();
  await timers.fire();
  poller.wake();
  release(false);
  for (let i = 0; i < 5; i++) await Promise.resolve();
  expect(timers.pending.size).toBe(1);
});

test("after 10 minutes without anyone using the panel polling slows to once a minute, and the next interaction speeds it up", async () => {
  const timers = fakeTimers();
  let polls = 0;
  const poller = createPoller({
    tick: async () => {
      polls++;
      return false;
    },
    isVisible: () => true,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    now: timers.now,
  });
  poller.wake();
  // 3 + 6 + 12 s, then every 15 s up to the 10-minute mark …
  while (timers.now() < IDLE_MS) await timers.fire();
  const atIdle = polls;
  expect(atIdle).toBe(3 + Math.ceil((IDLE_MS - 21000) / POLL_MAX_MS));
  expect(poller.isIdle()).toBe(true);
  // … then once a minute: the panel still follows a row clicked in the sheet, within a minute.
  const delays: number[] = [];
  for (let i = 0; i < 5; i++) delays.push(await timers.fire());
  expect(delays).toEqual(Array(5).fill(IDLE_POLL_MS));
  expect(polls).toBe(atIdle + 5);

  poller.activity();
  expect(poller.isIdle()).toBe(false);
  expect(await timers.fire()).toBe(POLL_MIN_MS);
  expect(polls).toBe(atIdle + 6);
});

test("activity while polling keeps it going past 10 minutes without restarting the back-off", async () => {
  const timers = fakeTimers();
  let polls = 0;
  const poller = createPoller({
    tick: async () => {
      polls++;
      return false;
    },
    isVisible: () => true,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    now: timers.now,
  });
  poller.wake();
  const delays: number[] = [];
  for (let i = 0; i < 60; i++) {
    // Someone presses a key every poll or so: the panel never counts as idle.
    poller.activity();
    delays.push(await timers.fire());
  }
  expect(timers.now()).toBeGreaterThan(IDLE_MS);
  expect(polls).toBe(60);
  expect(delays.slice(-3)).toEqual([POLL_MAX_MS, POLL_MAX_MS, POLL_MAX_MS]);
  expect(poller.isIdle()).toBe(false);
});

test("reading for a while without touching anything also counts toward the idle limit", async () => {
  const timers = fakeTimers();
  let polls = 0;
  const poller = createPoller({
    tick: async () => {
      polls++;
      return true;
    },
    isVisible: () => true,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    now: timers.now,
  });
  poller.wake();
  await timers.fire();
  expect(polls).toBe(1);
  timers.advance(IDLE_MS);
  // Changes keep coming (someone else's actions), but nobody touched the panel: the next poll comes a minute later.
  await timers.fire();
  expect(polls).toBe(2);
  expect(poller.isIdle()).toBe(true);
  expect(await timers.fire()).toBe(IDLE_POLL_MS);
});
