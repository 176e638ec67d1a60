// LockService: locks held by executions (not objects), so executions in worker threads really exclude each other.
import { gasError } from "./errors";
import { Fake } from "./fake";
import type { World } from "./world";

export const LOCK_TIMEOUT_MESSAGE = "Lock timeout: another process was holding the lock for too long.";

/** Who holds which lock: "script", "document:<id>", "user:<email>" → execution id. */
export class LockTable {
  readonly holders = new Map<string, string>();
  holder(scope: string): string | undefined {
    return this.holders.get(scope);
  }
  /** Apps Script releases an execution's locks when it ends. */
  releaseAll(execId: string): void {
    for (const [scope, holder] of this.holders) if (holder === execId) this.holders.delete(scope);
  }
}

type GLock = GoogleAppsScript.Lock.Lock;

export class FakeLock extends Fake implements Pick<GLock, "tryLock" | "waitLock" | "releaseLock" | "hasLock"> {
  readonly kind = "Lock";
  private held = false;
  constructor(
    world: World,
    readonly scope: string,
  ) {
    super(world);
  }
  /** True when acquiring now would have to wait for another execution (the concurrency scheduler asks). */
  wouldBlockFor_(execId: string): boolean {
    const h = this.world.locks.holder(this.scope);
    return h !== undefined && h !== execId;
  }
  private acquire_(timeoutInMillis: number): boolean {
    const me = this.world.exec.id;
    if (this.wouldBlockFor_(me)) {
      // Alone, nobody can release it: the wait runs out. Under the scheduler, the wait already happened.
      this.world.lockWaited_(Math.max(0, Number(timeoutInMillis) || 0));
      if (this.wouldBlockFor_(me)) return false;
    }
    this.world.locks.holders.set(this.scope, me);
    this.held = true;
    return true;
  }
  tryLock(timeoutInMillis: number): boolean {
    return this.acquire_(timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.acquire_(timeoutInMillis)) throw gasError(LOCK_TIMEOUT_MESSAGE);
  }
  releaseLock(): void {
    if (this.world.locks.holder(this.scope) === this.world.exec.id) this.world.locks.holders.delete(this.scope);
    this.held = false;
  }
  hasLock(): boolean {
    return this.held && this.world.locks.holder(this.scope) === this.world.exec.id;
  }
}

type ServiceMethods = "getScriptLock" | "getDocumentLock" | "getUserLock";

export class FakeLockService extends Fake implements Pick<GoogleAppsScript.Lock.LockService, ServiceMethods> {
  readonly kind = "LockService";
  getScriptLock(): GLock {
    return new FakeLock(this.world, "script") as unknown as GLock;
  }
  /** null in a web app or standalone script. */
  getDocumentLock(): GLock {
    if (!this.world.exec.bound) return null as unknown as GLock;
    return new FakeLock(this.world, `document:${this.world.spreadsheet.id}`) as unknown as GLock;
  }
  getUserLock(): GLock {
    return new FakeLock(this.world, `user:${this.world.exec.effectiveUser}`) as unknown as GLock;
  }
}
