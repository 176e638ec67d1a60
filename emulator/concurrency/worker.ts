// A worker thread running executions one after another: each in a fresh script context on proxy services whose every
// call blocks until the main thread answers.
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { loadCode, realmOf } from "../load-code";
import { receiveResult } from "../transport";
import { installWorldDate } from "../world-date";
import { type Done, type HandleRef, type Job, type Reply, type Request, type WorkerInit, isDateRef, isDateValue, isHandleRef, mapDeep } from "./protocol";

const init = workerData as WorkerInit & { port: MessagePort };
const flag = new Int32Array(init.flag);
let realm: { Date: DateConstructor; Error: ErrorConstructor } = { Date, Error };
/** The world clock as the main thread last told it (with the job, then with every reply): the script's "now". */
let worldNow = 0;
let remotes = new Map<number, object>();
let handleOf = new WeakMap<object, number>();
const PROBED = new Set(["then", "toJSON", "asymmetricMatch", "nodeType", "constructor", "valueOf", "inspect", "length"]);

/** Sleeps until the main thread flips the flag, then reads what it put on the port (a reply, or the next job). */
function next(): unknown {
  Atomics.wait(flag, 0, 0);
  Atomics.store(flag, 0, 0);
  // Under load the message can reach the port a moment after the flag flips: wait for it rather than read nothing.
  let got = receiveMessageOnPort(init.port);
  for (let spins = 0; !got && spins < 20_000; spins++) {
    if (spins > 200) Atomics.wait(flag, 0, 0, 1);
    got = receiveMessageOnPort(init.port);
  }
  return got?.message;
}

/** Synchronous call to the main thread: post, then sleep until the reply is there. */
function rpc(request: Request): unknown {
  parentPort!.postMessage(request);
  const reply = next() as Reply;
  worldNow = reply.now;
  if (!reply.ok) {
    const e = new realm.Error(reply.error.message);
    e.name = reply.error.name;
    throw e;
  }
  return decode(reply.value);
}

function encode(v: unknown): unknown {
  return mapDeep(v, (x) => {
    const h = handleOf.get(x);
    if (h !== undefined) return { $h: h };
    if (isDateValue(x)) return { $d: x.getTime() };
    return undefined;
  });
}

function decode(v: unknown): unknown {
  return mapDeep(v, (x) => {
    if (isHandleRef(x)) return remote(x);
    if (isDateRef(x)) return new realm.Date(x.$d);
    return undefined;
  });
}

function remote(ref: HandleRef): object {
  const known = remotes.get(ref.$h);
  if (known) return known;
  const kind = ref.k ?? "Object";
  const enums = ref.e ?? {};
  const proxy = new Proxy(
    {},
    {
      get: (_t, prop) => {
        if (typeof prop === "symbol") return undefined;
        if (prop === "toString") return () => kind;
        if (prop in enums) return enums[prop];
        if (PROBED.has(prop)) return undefined;
        return (...args: unknown[]) => rpc({ type: "call", h: ref.$h, m: prop, args: encode(args) as unknown[] });
      },
      set: (_t, prop, value) => {
        if (typeof prop === "string") rpc({ type: "set", h: ref.$h, name: prop, value: encode(value) });
        return true;
      },
    },
  );
  remotes.set(ref.$h, proxy);
  handleOf.set(proxy, ref.$h);
  return proxy;
}

function run(job: Job): Done {
  // Handles belong to one execution: a new execution starts with none.
  remotes = new Map();
  handleOf = new WeakMap();
  realm = { Date, Error };
  worldNow = job.now;
  try {
    const globals: Record<string, unknown> = {};
    job.serviceNames.forEach((name, i) => {
      globals[name] = remote(job.services[i]);
    });
    const ctx = loadCode(job.codePath ?? init.codePath, globals);
    installWorldDate(ctx, () => worldNow);
    realm = realmOf(ctx);
    const fn = ctx[job.fn];
    if (typeof fn !== "function") throw new Error(`Script function not found: ${job.fn}`);
    const value = (fn as (...a: unknown[]) => unknown)(...(decode(job.args) as unknown[]));
    // Results cross as google.script.run would hand them to the page (emulator/transport.ts).
    return { type: "done", ok: true, value: value === undefined ? undefined : receiveResult(value) };
  } catch (e) {
    const err = e as { name?: unknown; message?: unknown };
    return { type: "done", ok: false, error: { name: String(err?.name ?? "Error"), message: String(err?.message ?? e) } };
  }
}

for (;;) {
  const job = next() as Job | undefined;
  if (job?.type !== "job") break;
  parentPort!.postMessage(run(job));
}
