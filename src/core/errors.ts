/**
 * Every message a user can meet, in Vietnamese. The add-on's own messages
 * already are; Google's services answer in English ("Argument too large",
 * quota and time limits, protections), and those are translated here, with
 * Google's words kept in brackets for whoever looks them up.
 */

/** Google's messages that a clerk may meet, as documented or as widely reported, and what they mean for the clerk. */
const GOOGLE_MESSAGES: readonly [RegExp, string][] = [
  [
    /Argument too large/i,
    "Dữ liệu quá lớn để Google lưu trong một mục (mỗi thuộc tính tài liệu tối đa 9 KB); hãy rút gọn nội dung rồi thử lại.",
  ],
  [
    /property storage quota/i,
    "Kho thông tin của tài liệu đã đầy (Google cho tối đa 500 KB); hãy nhờ người quản lý bảng tính xóa bớt thuộc tính của các tiện ích khác.",
  ],
  [
    /invoked too many times|Too many simultaneous invocations|Quota exceeded/i,
    "Đã vượt hạn mức sử dụng dịch vụ của Google; hãy thử lại sau ít phút (hoặc ngày mai nếu là hạn mức theo ngày).",
  ],
  [/Exceeded maximum execution time/i, "Thao tác chạy quá thời gian Google cho phép (6 phút); hãy chia nhỏ dữ liệu hoặc thử lại."],
  [
    /protected cell or object|protected (sheet|range)/i,
    "Bạn không có quyền sửa vùng được bảo vệ mà thao tác này cần ghi; hãy nhờ chủ sở hữu bảng tính cấp quyền hoặc tự thực hiện.",
  ],
  [
    /above the limit of 10000000 cells|cells in the workbook above the limit/i,
    "Bảng tính đã chạm giới hạn 10 triệu ô của Google; hãy xóa bớt các trang hoặc dòng, cột không dùng.",
  ],
  [
    /timed out|server error occurred|Service (Spreadsheets|Documents) failed|temporarily unavailable|Internal error/i,
    "Dịch vụ của Google tạm thời không trả lời; hãy thử lại sau ít phút.",
  ],
  [
    /Authorization is required|Required permissions|not have permission|Access denied|don't have permission/i,
    "Tiện ích chưa được cấp quyền hoặc bạn không có quyền với tài liệu này; hãy mở lại tiện ích và cho phép, hoặc hỏi chủ sở hữu bảng tính.",
  ],
  [/Document is missing|not found|does not exist/i, "Không tìm thấy tài liệu (có thể đã bị xóa hoặc bạn không có quyền xem)."],
];

/** True when a message is already written in Vietnamese (it has letters only Vietnamese uses). */
export function isVietnamese(message: string): boolean {
  return /[ăâđêôơưĂÂĐÊÔƠƯ]|[\u1EA0-\u1EF9]/.test(message);
}

/** A message a user can read: the add-on's own as it is, Google's translated, anything else explained. */
export function userMessage(error: unknown): string {
  const raw =
    error instanceof Error || (error && typeof error === "object" && "message" in error) ? String((error as Error).message) : String(error);
  const message = raw.replace(/^Exception:\s*/, "").trim();
  if (isVietnamese(message)) return message;
  for (const [pattern, text] of GOOGLE_MESSAGES) if (pattern.test(message)) return `${text} (Google: ${message})`;
  return `Thao tác không hoàn thành do lỗi ngoài dự kiến; hãy thử lại, nếu vẫn lỗi hãy báo cho người quản lý kèm nội dung này: ${message || "(không có nội dung)"}`;
}

/** Runs a piece of work and rethrows any failure with a message in Vietnamese (the original kept as `cause`). */
export function inVietnamese<A extends unknown[], R>(work: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return work(...args);
    } catch (e) {
      const message = userMessage(e);
      if (e instanceof Error && e.message === message) throw e;
      const out = new Error(message);
      (out as Error & { cause?: unknown }).cause = e;
      throw out;
    }
  };
}
