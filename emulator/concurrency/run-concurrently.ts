// Runs executions of a bundle in worker threads that interleave at service calls, in an order a seeded scheduler picks.
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import { DEFAULT_CODE_PATH, ensureBuilt } from "../ensure-built";
import type { Fake } from "../fakes/fake";
import { SERVICE_NAMES } from "../fakes/globals";
import { FakeLock } from "../fakes/lock";
import type { Membrane } from "../fakes/membrane";
import type { Execution, ExecutionKind, World } from "../fakes/world";
import { ensureWorker } from "./build-worker";
import { type Done, type HandleRef, type Reply, type Request, isDateRef, isDateValue, isHandleRef, mapDeep } from "./protocol";

export interface ExecutionSpec {
  /** Top-level function of the bundle to call. */
  fn: string;
  args?: unknown[];
  /** Active and effective user (default: the world's owner). */
  user?: string;
  /** Kind of execution (default "editor"); `exec` overrides single fields. */
  kind?: ExecutionKind;
  exec?: Partial<Execution>;
}

export interface ExecutionResult {
  ok: boolean;
  /** The function's return value, through JSON. */
  value?: unknown;
  /** The thrown error's message, when ok is false. */
  error?: string;
  errorName?: string;
  /** Service calls this execution made. */
  calls: number;
}

export interface ConcurrencyOptions {
  seed?: number;
  codePath?: string;
  /** Safety net against a script that never ends. */
  maxSteps?: number;
  timeoutMs?: number;
  /**
   * At most this many executions alive at once (each is a worker thread with its own copy of the bundle); the next
   * starts when one ends, as Apps Script queues executions beyond its limits. Default: all at once.
   */
  maxWorkers?: number;
}

interface Running {
  index: number;
  exec: Execution;
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
  membrane: Membrane;
  handles: unknown[];
  handleIds: WeakMap<object, number>;
  state: "running" | "pending" | "done";
  pending?: Request;
  /** World-clock time at which a blocked lock wait gives up. */
  deadline?: number;
  calls: number;
  result?: ExecutionResult;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function enumsOf(raw: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (/^[A-Z]/.test(k) && typeof v === "object") out[k] = v;
  return out;
}

function handleRef(r: Running, proxy: object): HandleRef {
  let id = r.handleIds.get(proxy);
  const raw = r.membrane.rawOf(proxy);
  if (id === undefined) {
    id = r.handles.length;
    r.handles.push(proxy);
    r.handleIds.set(proxy, id);
  }
  return { $h: id, k: (raw as Fake).kind, e: enumsOf(raw) };
}

/**
 * Every execution's worker runs until its next service call and waits; once all are waiting (or done), the scheduler
 * picks one at random (seeded) and answers it. Lock acquisitions that would block stay pending until the lock is free,
 * or until the world clock — advanced when nobody else can move — passes their timeout.
 */
export function runConcurrently(world: World, specs: ExecutionSpec[], options: ConcurrencyOptions = {}): Promise<ExecutionResult[]> {
  const codePath = options.codePath ?? DEFAULT_CODE_PATH;
  if (codePath === DEFAULT_CODE_PATH) ensureBuilt();
  const workerPath = ensureWorker();
  const random = rng(options.seed ?? 1);
  const maxSteps = options.maxSteps ?? 100000;
  const savedExec = world.exec;
  world.scheduledLocks = true;

  return new Promise((resolvePromise, rejectPromise) => {
    let steps = 0;
    let finished = false;
    const runs: Running[] = [];
    const maxWorkers = Math.max(1, options.maxWorkers ?? specs.length);
    const start = (index: number): Running => {
      const spec = specs[index];
      const base = world.execution(spec.kind ?? "editor", spec.user ?? world.owner, `exec-${index}`);
      const exec = { ...base, ...spec.exec, id: `exec-${index}` };
      const { membrane, globals } = world.createGlobals();
      const { port1, port2 } = new MessageChannel();
      const flag = new SharedArrayBuffer(4);
      const r: Running = { index, exec, worker: undefined as unknown as Worker, port: port1, flag: new Int32Array(flag), membrane, handles: [], handleIds: new WeakMap(), state: "running", calls: 0 };
      const services = SERVICE_NAMES.map((name) => handleRef(r, globals[name]));
      r.worker = new Worker(workerPath, {
        workerData: { codePath, fn: spec.fn, args: spec.args ?? [], flag, services, serviceNames: SERVICE_NAMES, port: port2 },
        transferList: [port2],
      });
      r.worker.on("message", (msg: Request | Done) => onMessage(r, msg));
      r.worker.on("error", (e) => finish(r, { ok: false, error: e.message, errorName: e.name, calls: r.calls }));
      runs.push(r);
      return r;
    };
    for (let i = 0; i < Math.min(maxWorkers, specs.length); i++) start(i);
    const timer = setTimeout(() => fail(new Error(`runConcurrently: still running after ${options.timeoutMs ?? 60000} ms`)), options.timeoutMs ?? 60000);

    function fail(e: Error): void {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      for (const r of runs) void r.worker.terminate();
      world.exec = savedExec;
      world.scheduledLocks = false;
      rejectPromise(e);
    }

    function finish(r: Running, result: ExecutionResult): void {
      if (r.state === "done") return;
      r.state = "done";
      r.result = result;
      world.locks.releaseAll(r.exec.id);
      r.port.close();
      void r.worker.terminate();
      if (runs.length < specs.length) start(runs.length);
      step();
    }

    function onMessage(r: Running, msg: Request | Done): void {
      if (msg.type === "done") {
        finish(r, msg.ok ? { ok: true, value: msg.value, calls: r.calls } : { ok: false, error: msg.error.message, errorName: msg.error.name, calls: r.calls });
        return;
      }
      r.state = "pending";
      r.pending = msg;
      r.deadline = undefined;
      step();
    }

    /** The lock an execution's pending call would wait for, if it must wait. */
    function blockedLock(r: Running): number | undefined {
      const call = r.pending!;
      if (call.type !== "call" || (call.m !== "waitLock" && call.m !== "tryLock")) return undefined;
      const raw = r.membrane.rawOf(r.handles[call.h]);
      if (!(raw instanceof FakeLock) || !raw.wouldBlockFor_(r.exec.id)) return undefined;
      r.deadline ??= world.now() + Math.max(0, Number(call.args[0]) || 0);
      return r.deadline;
    }

    function step(): void {
      if (finished) return;
      if (runs.some((r) => r.state === "running")) return;
      const pending = runs.filter((r) => r.state === "pending");
      if (pending.length === 0) {
        finished = true;
        clearTimeout(timer);
        world.exec = savedExec;
        world.scheduledLocks = false;
        resolvePromise([...runs].sort((a, b) => a.index - b.index).map((r) => r.result!));
        return;
      }
      if (++steps > maxSteps) {
        fail(new Error(`runConcurrently: more than ${maxSteps} service calls`));
        return;
      }
      let eligible = pending.filter((r) => {
        const d = blockedLock(r);
        return d === undefined || d <= world.now();
      });
      if (eligible.length === 0) {
        // Everyone waits for a lock: time passes until the first wait runs out.
        const next = Math.min(...pending.map((r) => r.deadline!));
        world.clock.advance(next - world.now());
        eligible = pending.filter((r) => r.deadline! <= world.now());
      }
      answer(eligible[Math.floor(random() * eligible.length)]);
    }

    function answer(r: Running): void {
      const call = r.pending!;
      r.pending = undefined;
      r.deadline = undefined;
      r.state = "running";
      world.exec = r.exec;
      let reply: Reply;
      try {
        const target = r.handles[call.h] as Record<string, unknown>;
        const decode = (v: unknown) => mapDeep(v, (x) => (isHandleRef(x) ? r.handles[x.$h] : isDateRef(x) ? new Date(x.$d) : undefined));
        let value: unknown;
        if (call.type === "set") target[call.name] = decode(call.value);
        else {
          r.calls++;
          value = (target[call.m] as (...a: unknown[]) => unknown)(...(decode(call.args) as unknown[]));
        }
        const encoded = mapDeep(value, (x) => (r.membrane.isProxy(x) ? handleRef(r, x) : isDateValue(x) ? { $d: x.getTime() } : undefined));
        reply = { ok: true, value: encoded };
      } catch (e) {
        const err = e as Error;
        reply = { ok: false, error: { name: String(err.name), message: String(err.message) } };
      }
      r.port.postMessage(reply);
      Atomics.store(r.flag, 0, 1);
      Atomics.notify(r.flag, 0);
    }
  });
}
