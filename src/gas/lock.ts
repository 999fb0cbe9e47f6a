/** Every action that writes runs under the document lock. */

const WAIT_MS = 5000;

export const BUSY_MESSAGE =
  "Một thao tác khác của tiện ích (của bạn hoặc của người khác) đang ghi vào bảng tính này. Vui lòng đợi ít phút rồi thử lại; chưa có gì bị thay đổi.";

/**
 * getDocumentLock() "Returns null if the script is not bound to a document or
 * the document is not available" (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()):
 * then the script lock, which every user of the same script shares, still
 * keeps two writes apart.
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock?.tryLock(WAIT_MS)) throw new Error(BUSY_MESSAGE);
  try {
    return work();
  } finally {
    try {
      lock.releaseLock();
    } catch {
      // Apps Script releases an execution's locks when it ends; the work is done (or undone) either way.
    }
  }
}
