import { UserFacingError } from "../../core/userFacingError";
import type { RenderFailed } from "../../render/office";

export { UserFacingError };

/** Excel's errors by code, as officials should read them; error.message is localized and not for users. */
const MESSAGES: Record<string, string> = {
  AccessDenied: "Excel từ chối thao tác: trang tính đang được bảo vệ hoặc sổ chỉ được đọc.",
  InvalidArgument: "Excel không nhận dữ liệu được gửi tới. Hãy thử lại; nếu vẫn lỗi, hãy báo cho bộ phận hỗ trợ.",
  ItemNotFound: "Không tìm thấy trang tính hoặc vùng ô cần dùng. Có thể trang đã bị đổi tên hoặc xóa.",
  ItemAlreadyExists: "Đã có trang tính hoặc tên vùng trùng tên.",
  InvalidOperationInCellEditMode: "Excel đang ở chế độ sửa ô. Hãy bấm Enter hoặc Esc để thoát khỏi ô đang sửa, rồi thử lại.",
  // What a batch gets when the user is typing in a cell on hosts that do not say InvalidOperationInCellEditMode.
  InvalidOperation: "Excel chưa làm được thao tác này, thường vì đang có ô đang sửa hoặc một hộp thoại đang mở. Hãy bấm Enter hoặc Esc, đóng hộp thoại, rồi thử lại.",
  ResponsePayloadSizeLimitExceeded: "Trang tính quá lớn để đọc một lần trong Excel trên web (quá 5 MB). Hãy xóa các dòng, cột trống thừa ở cuối trang rồi thử lại, hoặc dùng Excel trên máy tính.",
  RequestPayloadSizeLimitExceeded: "Dữ liệu quá lớn cho một lần gửi tới Excel trên web. Hãy chia phụ lục thành nhiều phần.",
  UnsupportedFeature: "Phiên bản Excel này không hỗ trợ tính năng cần dùng.",
  GeneralException: "Excel gặp lỗi khi thực hiện thao tác. Hãy thử lại.",
  NoReport: "Sổ tính này chưa có sổ báo cáo chỉ tiêu (trang Chỉ tiêu và Cấu hình). Hãy vào thẻ Nạp chỉ tiêu trước.",
};

/** The error the pane raises itself when the open workbook has no report to work on. */
export function noReport(): Error {
  return Object.assign(new Error("no report"), { code: "NoReport" });
}

export function excelErrorMessage(err: unknown): string {
  if (err instanceof UserFacingError) return err.message;
  // Known by name, not class: the renderer is in a chunk the pane loads later.
  if (err instanceof Error && err.name === "RenderFailed") {
    const failed = err as RenderFailed;
    const why = excelErrorMessage(failed.cause);
    return failed.restored
      ? `Chưa ghi được sổ: ${why} Những gì vừa ghi dở đã được gỡ bỏ; các trang cũ đã trở lại tên cũ, sổ như trước khi bấm.`
      : `Chưa ghi được sổ: ${why} Không gỡ được hết phần ghi dở: hãy đóng sổ không lưu (hoặc xóa các trang vừa thêm và đổi tên các trang "(cũ n)" về như cũ) rồi thử lại.`;
  }
  const code = (err as { code?: string } | null)?.code;
  if (code && MESSAGES[code]) return MESSAGES[code];
  return "Đã có lỗi khi làm việc với Excel. Hãy thử lại; dữ liệu đã nhập trong sổ không bị xóa.";
}
