import type { Plan } from "../core/plan";
import type { WorkbookSettings } from "../workbook/settings";
import { UserFacingError } from "./office/errors";
import type { WorkbookPort } from "./office/port";
import { download } from "./office/port";
import type { ReportState } from "./office/report";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The pane opened in a plain browser: the workbook is a file, built and downloaded, or opened from disk. */
export interface FilePort extends WorkbookPort {
  /** Opens a filled report workbook; what "Kiểm tra", "Tổng quan" and "Xuất gửi tỉnh" then work on. */
  openReport(name: string, bytes: Uint8Array): Promise<ReportState>;
  /** The report opened last, if any. */
  opened(): { name: string; state: ReportState } | null;
}

const needsExcel = (what: string) => new UserFacingError(`${what} ghi vào sổ đang mở nên cần Excel. Ngoài Excel, hãy mở sổ bằng Excel trên web hoặc Excel trên máy.`);

export function filePort(save: typeof download = download): FilePort {
  let current: { name: string; state: ReportState } | null = null;
  const files = () => import(/* webpackChunkName: "province" */ "./province");
  return {
    inExcel: false,
    supported: true,
    load: async (plan: Plan, settings: WorkbookSettings) => {
      const { reportFile } = await files();
      const file = await reportFile(plan, settings);
      save(file.name, file.bytes, XLSX);
      return { renamed: [], syncs: 0, cut: file.cut, skipped: [], file: file.name };
    },
    read: async () => {
      if (!current) throw new UserFacingError("Chưa mở sổ báo cáo nào: bấm “Mở sổ báo cáo (.xlsx)” ở đầu trang để chọn tệp sổ đã nhập số liệu.");
      return current.state;
    },
    // A file has no selection to move: the problem's cell address is shown in the list instead.
    select: async () => undefined,
    writePeriod: async () => Promise.reject(needsExcel("Đổi kỳ báo cáo")),
    proposeUpdate: async () => Promise.reject(needsExcel("Cập nhật phụ lục")),
    update: async () => Promise.reject(needsExcel("Cập nhật phụ lục")),
    openAsNewWorkbook: async () => Promise.reject(needsExcel("Mở thành sổ mới")),
    readTable: async () => Promise.reject(needsExcel("Dùng bảng có sẵn")),
    annotate: async () => Promise.reject(needsExcel("Dùng bảng có sẵn")),
    // Outside Excel the collected book is a new file to download (CyclePanel), never a write.
    applyCollected: async () => Promise.reject(needsExcel("Ghi số liệu phiếu vào sổ đang mở")),
    download: save,
    openReport: async (name, bytes) => {
      const { openReportFile } = await files();
      const state = await openReportFile(name, bytes);
      current = { name, state };
      return state;
    },
    opened: () => current,
  };
}
