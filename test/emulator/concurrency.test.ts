// The concurrency harness itself: executions in worker threads really interleave, and the script lock really excludes.
import { join } from "node:path";
import { runConcurrently } from "../../emulator/concurrency/run-concurrently";
import { createWorld } from "../../emulator/fakes";

const codePath = join(__dirname, "../fixtures/counter-bundle/Code.js");
const N = 4;

function counterWorld() {
  const world = createWorld({ now: () => Date.UTC(2024, 2, 1), seed: 7 });
  world.fill("Count", [[0, new Date(Date.UTC(2024, 0, 1))]]);
  return world;
}

async function finalCount(fn: string, seed: number): Promise<number> {
  const world = counterWorld();
  const results = await runConcurrently(
    world,
    Array.from({ length: N }, (_, i) => ({ fn, user: `user${i}@example.com` })),
    { seed, codePath },
  );
  for (const r of results) expect(r.ok).toBe(true);
  return world.read("Count")[0][0] as number;
}

test("with the script lock, N concurrent increments give N for every schedule", async () => {
  for (const seed of [1, 2, 3, 4, 5]) expect(await finalCount("incrementLocked", seed)).toBe(N);
}, 60000);

test("without the lock, some schedule loses an update", async () => {
  const finals: number[] = [];
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) finals.push(await finalCount("incrementUnlocked", seed));
  expect(finals.some((n) => n < N)).toBe(true);
}, 60000);

test("the same seed gives the same interleaving", async () => {
  const a = await finalCount("incrementUnlocked", 3);
  const b = await finalCount("incrementUnlocked", 3);
  expect(a).toBe(b);
}, 60000);

test("a waitLock times out on the world clock while another execution holds the lock", async () => {
  const outcomes: string[] = [];
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const world = counterWorld();
    const start = world.now();
    const [holder, waiter] = await runConcurrently(
      world,
      [
        { fn: "holdLock", args: [60000] },
        { fn: "waitBriefly", args: [5000] },
      ],
      { seed, codePath },
    );
    expect(holder).toMatchObject({ ok: true, value: "held" });
    expect(world.now() - start).toBeGreaterThanOrEqual(60000);
    if (waiter.ok) outcomes.push(waiter.value as string);
    else outcomes.push(`${waiter.errorName}: ${waiter.error}`);
  }
  // The waiter gets the lock when it asks first, and times out when it asks while the holder sleeps 60 s.
  expect(outcomes).toContain("Exception: Lock timeout: another process was holding the lock for too long.");
  expect(outcomes).toContain("got it");
}, 60000);

test("each execution has its own user; dates arrive as the script realm's Date; results cross as JSON", async () => {
  const world = counterWorld();
  const results = await runConcurrently(
    world,
    [
      { fn: "whoAmI", user: "a@example.com" },
      { fn: "whoAmI", user: "b@example.com" },
    ],
    { seed: 2, codePath },
  );
  expect(results.map((r) => r.value)).toEqual([
    { user: "a@example.com", today: "1970-01-01 07:00", isDate: true },
    { user: "b@example.com", today: "1970-01-01 07:00", isDate: true },
  ]);
}, 60000);

test("an unknown function fails like Apps Script", async () => {
  const [r] = await runConcurrently(counterWorld(), [{ fn: "nope" }], { codePath });
  expect(r).toMatchObject({ ok: false, error: "Script function not found: nope" });
});

test("an execution in a worker thread reads the world's clock, as one on the main thread does, whatever the machine's date", async () => {
  const world = counterWorld();
  const [r] = await runConcurrently(world, [{ fn: "whatTime" }], { codePath });
  expect(r).toMatchObject({ ok: true, value: [Date.UTC(2024, 2, 1), Date.UTC(2024, 2, 1) + 5000, 2020] });
});
