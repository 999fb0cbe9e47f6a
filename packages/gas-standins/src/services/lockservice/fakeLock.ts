/** Lock: a lock handle of one execution, waiting in virtual time. */
import { type Assert, type OnlyApi, instrument } from "../../support/runtime";
import type { LockState, Runtime } from "../../support/runtime";

type Lock = GoogleAppsScript.Lock.Lock;

export type LockApi = Pick<Lock, "hasLock" | "releaseLock" | "tryLock" | "waitLock">;

/**
 * A lock handle of one execution. Waiting is simulated: when another
 * execution holds the lock, tryLock(ms) advances the virtual clock by ms and
 * fails at once, unless the holder lets go within ms (see holdDocumentLock).
 */
export class FakeLock implements LockApi {
  private _acquired = false;
  private readonly _execution: string;

  constructor(
    readonly _rt: Runtime,
    private readonly _state: LockState,
  ) {
    this._execution = _rt.execution;
  }

  _acquire(timeoutInMillis: number): boolean {
    const s = this._state;
    const rt = this._rt;
    const timeout = Math.max(0, Number(timeoutInMillis) || 0);
    if (s.holder !== null && s.holder !== this._execution) {
      if (s.until > rt.clock + timeout) {
        rt.clock += timeout;
        return false;
      }
      rt.clock = Math.max(rt.clock, s.until);
    }
    s.holder = this._execution;
    s.until = Infinity;
    this._acquired = true;
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    return this._acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this._acquire(timeoutInMillis)) throw this._rt.exception("Lock timeout: another process was holding the lock for too long.");
  }

  releaseLock(): void {
    if (this._state.holder === this._execution) this._state.holder = null;
    this._acquired = false;
  }

  hasLock(): boolean {
    return this._acquired && this._state.holder === this._execution;
  }
}

instrument(FakeLock, "Lock", "LockService");

export type _LockOnlyApi = Assert<OnlyApi<FakeLock, LockApi>>;
