/**
 * All or nothing (SPEC: an action that cannot finish leaves things as they
 * were): the work records, for each write it makes, the step that puts it
 * back; when a later write fails, the steps run in reverse order and the
 * user gets one Vietnamese message.
 */
import { userMessage } from "../core/errors";

export type Undo = (() => void)[];

export function allOrNothing<T>(work: (undo: Undo) => T, failure: (reason: string) => string): T {
  const undo: Undo = [];
  try {
    return work(undo);
  } catch (e) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Best effort: the first failure is the one the user must see.
      }
    }
    throw new Error(failure(userMessage(e)));
  }
}
