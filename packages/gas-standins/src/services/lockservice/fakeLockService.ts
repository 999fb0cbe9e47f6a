/** LockService: the document, script and user locks; another execution may hold one (holdLock). */
import { type Assert, type OnlyApi, gas, instrument } from "../../support/runtime";
import type { LockState, Runtime } from "../../support/runtime";
import { FakeLock } from "./fakeLock";

type Lock = GoogleAppsScript.Lock.Lock;
type LockService = GoogleAppsScript.Lock.LockService;

export type LockServiceApi = Pick<LockService, "getDocumentLock" | "getScriptLock" | "getUserLock">;

export class FakeLockService implements LockServiceApi {
  constructor(
    readonly _rt: Runtime,
    private readonly _documentLock: () => LockState,
  ) {}

  /** Null where Google gives no document lock (env option documentLock: false). */
  getDocumentLock(): Lock {
    if (!this._rt.settings.documentLock) return null as unknown as Lock;
    return gas<Lock>(new FakeLock(this._rt, this._documentLock()));
  }

  getScriptLock(): Lock {
    return gas<Lock>(new FakeLock(this._rt, this._rt.scriptLock));
  }

  getUserLock(): Lock {
    return gas<Lock>(new FakeLock(this._rt, this._rt.userLock));
  }
}

/**
 * Makes another execution hold a lock. Returns the release function. With
 * `forMs`, the other execution lets go by itself after that much virtual time,
 * so a tryLock/waitLock with a long enough timeout succeeds.
 */
export function holdLock(rt: Runtime, state: LockState, forMs?: number): () => void {
  const holder = `other-${Math.random().toString(36).slice(2)}`;
  state.holder = holder;
  state.until = forMs === undefined ? Infinity : rt.clock + forMs;
  return () => {
    if (state.holder === holder) {
      state.holder = null;
      state.until = 0;
    }
  };
}

instrument(FakeLockService, "LockService", "LockService");

export type _LockServiceOnlyApi = Assert<OnlyApi<FakeLockService, LockServiceApi>>;
