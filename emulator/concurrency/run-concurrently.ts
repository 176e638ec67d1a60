// Runs executions of a bundle in worker threads that interleave at service calls, in an order a seeded scheduler picks.
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import { DEFAULT_CODE_PATH, ensureBuilt } from "../ensure-built";
import { Fake } from "../fakes/fake";
import { SERVICE_NAMES } from "../fakes/globals";
import { FakeLock } from "../fakes/lock";
import { type Membrane, fakeBehind } from "../fakes/membrane";
import type { Execution, ExecutionKind, World } from "../fakes/world";
import { ensureWorker } from "./build-worker";
import { type Done, type HandleRef, type Job, type Reply, type Request, isDateRef, isDateValue, isHandleRef, mapDeep } from "./protocol";
import { mulberry32 } from "../random";

export interface ExecutionSpec {
  /** Top-level function of the bundle to call. */
  fn: string;
  args?: unknown[];
  /** Active and effective user (default: the world's owner). */
  user?: string;
  /** Kind of execution (default "editor"); `exec` overrides single fields. */
  kind?: ExecutionKind;
  exec?: Partial<Execution>;
  /**
   * Starts only once this many service calls (of any execution) have been answered: an execution that begins while
   * others are under way. Default 0 (at once). Not combined with `maxWorkers`.
   */
  startAfter?: number;
  /**
   * How often the scheduler picks this execution's next call against the others' (default 1): below 1, an execution
   * whose calls are slow (a large sheet, a slow server), so the others make many calls while it makes one.
   */
  weight?: number;
  /** Runs on the main thread just before the execution starts: what a person did that is no execution (an edit typed into a cell). */
  before?: (world: World) => void;
}

export interface ExecutionResult {
  ok: boolean;
  /** The function's return value as google.script.run would hand it to the page (emulator/transport.ts). */
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
  /** Worker threads kept between calls (a WorkerPool): a call then starts no thread of its own. */
  pool?: WorkerPool;
}

/** A worker thread; it runs executions one after another (a fresh script context each), as Apps Script reuses servers. */
interface Thread {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
  current: Running | null;
  /** What the run using this thread does with its messages and errors. */
  onMessage: (msg: Request | Done) => void;
  onError: (e: Error) => void;
}

function newThread(workerPath: string, codePath: string): Thread {
  const { port1, port2 } = new MessageChannel();
  const flag = new SharedArrayBuffer(4);
  const t: Thread = { worker: undefined as unknown as Worker, port: port1, flag: new Int32Array(flag), current: null, onMessage: () => undefined, onError: () => undefined };
  t.worker = new Worker(workerPath, { workerData: { codePath, flag, port: port2 }, transferList: [port2] });
  t.worker.on("message", (msg: Request | Done) => t.onMessage(msg));
  t.worker.on("error", (e) => t.onError(e));
  return t;
}

function endThread(t: Thread): void {
  t.port.close();
  void t.worker.terminate();
}

/**
 * Worker threads kept from one runConcurrently call to the next (each job names the bundle it loads), so many short
 * interleavings cost no thread start each. close() ends them.
 */
export class WorkerPool {
  private idle: Thread[] = [];
  private all = new Set<Thread>();
  take(workerPath: string, codePath: string): Thread {
    const t = this.idle.pop() ?? newThread(workerPath, codePath);
    this.all.add(t);
    return t;
  }
  give(t: Thread): void {
    t.current = null;
    t.onMessage = () => undefined;
    t.onError = () => undefined;
    this.idle.push(t);
  }
  drop(t: Thread): void {
    this.all.delete(t);
    this.idle = this.idle.filter((x) => x !== t);
    endThread(t);
  }
  async close(): Promise<void> {
    const all = [...this.all];
    this.all.clear();
    this.idle = [];
    for (const t of all) t.port.close();
    await Promise.all(all.map((t) => t.worker.terminate()));
  }
}

interface Running {
  index: number;
  exec: Execution;
  thread: Thread;
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

const rng = mulberry32;

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
    const threads: Thread[] = [];
    const maxWorkers = Math.max(1, options.maxWorkers ?? specs.length);
    const wake = (t: Thread) => {
      Atomics.store(t.flag, 0, 1);
      Atomics.notify(t.flag, 0);
    };
    const pool = options.pool;
    const takeThread = (): Thread => {
      const t = pool ? pool.take(workerPath, codePath) : newThread(workerPath, codePath);
      t.onMessage = (msg) => {
        if (t.current) onMessage(t.current, msg);
      };
      t.onError = (e) => {
        const r = t.current;
        threads.splice(threads.indexOf(t), 1);
        if (pool) pool.drop(t);
        if (r) finish(r, { ok: false, error: e.message, errorName: e.name, calls: r.calls });
      };
      threads.push(t);
      return t;
    };
    const releaseThread = (t: Thread): void => {
      threads.splice(threads.indexOf(t), 1);
      if (pool) pool.give(t);
      else endThread(t);
    };
    // Executions not yet started: those due at once in order (as threads allow), and those due after some calls.
    const waiting = specs.map((_, i) => i).filter((i) => !specs[i].startAfter);
    const delayed = specs
      .map((_, i) => i)
      .filter((i) => specs[i].startAfter)
      .sort((a, b) => (specs[a].startAfter ?? 0) - (specs[b].startAfter ?? 0));
    const start = (index: number, reuse?: Thread): Running => {
      const spec = specs[index];
      spec.before?.(world);
      const base = world.execution(spec.kind ?? "editor", spec.user ?? world.owner, `exec-${index}`);
      const exec = { ...base, ...spec.exec, id: `exec-${index}` };
      const { membrane, globals } = world.createGlobals();
      const thread = reuse ?? takeThread();
      const r: Running = { index, exec, thread, membrane, handles: [], handleIds: new WeakMap(), state: "running", calls: 0 };
      const services = SERVICE_NAMES.map((name) => handleRef(r, globals[name]));
      thread.current = r;
      runs.push(r);
      // Arguments as the script receives them: a fake (a trigger event's Range) becomes a handle of this execution.
      const args = mapDeep(spec.args ?? [], (x) => {
        const raw = fakeBehind(x) ?? (x instanceof Fake ? x : undefined);
        if (raw) return handleRef(r, membrane.wrap(raw));
        return isDateValue(x) ? { $d: x.getTime() } : undefined;
      }) as unknown[];
      const job: Job = { type: "job", fn: spec.fn, args, services, serviceNames: SERVICE_NAMES, codePath, now: world.now() };
      thread.port.postMessage(job);
      wake(thread);
      return r;
    };
    while (waiting.length && runs.length < maxWorkers) start(waiting.shift() as number);
    const timer = setTimeout(() => fail(new Error(`runConcurrently: still running after ${options.timeoutMs ?? 60000} ms`)), options.timeoutMs ?? 60000);

    function fail(e: Error): void {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      // Threads of a failed run may be mid-execution: they are ended, never given back to a pool.
      for (const t of [...threads]) {
        if (pool) pool.drop(t);
        else endThread(t);
      }
      world.exec = savedExec;
      world.scheduledLocks = false;
      rejectPromise(e);
    }

    function finish(r: Running, result: ExecutionResult): void {
      if (r.state === "done") return;
      r.state = "done";
      r.result = result;
      world.locks.releaseAll(r.exec.id);
      const t = r.thread;
      t.current = null;
      // The thread takes the next execution, or is let go when none is due now.
      if (waiting.length && threads.includes(t)) start(waiting.shift() as number, t);
      else if (waiting.length) start(waiting.shift() as number);
      else if (threads.includes(t)) releaseThread(t);
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
      // An execution due after this many calls starts now (or at once when nothing else is left to run).
      const alive = runs.some((r) => r.state !== "done");
      if (delayed.length && ((specs[delayed[0]].startAfter ?? 0) <= steps || !alive)) {
        start(delayed.shift() as number);
        return;
      }
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
      const weights = eligible.map((r) => specs[r.index].weight ?? 1);
      let pick = random() * weights.reduce((a, b) => a + b, 0);
      let chosen = eligible[eligible.length - 1];
      for (let i = 0; i < eligible.length; i++) {
        pick -= weights[i];
        if (pick < 0) {
          chosen = eligible[i];
          break;
        }
      }
      answer(chosen);
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
        reply = { ok: true, value: encoded, now: world.now() };
      } catch (e) {
        const err = e as Error;
        reply = { ok: false, error: { name: String(err.name), message: String(err.message) }, now: world.now() };
      }
      r.thread.port.postMessage(reply);
      wake(r.thread);
    }
  });
}
