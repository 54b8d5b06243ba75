import { EVIDENCE_CHECKS, PROGRESS_WORDS, STATUSES } from "../core/judge";
import { periodChoices, periodLabelFormula } from "../core/period";
import type { WorkbookSettings } from "./settings";
import { NAMES } from "./settings";
import type { SheetSpec } from "./spec";
import { addr, dateSerial, emptySheet, quoteSheet, rangeAddr, rowHeight, setCell } from "./spec";
import { HEADER_FILL, HEADER_COLOR, INPUT_FILL, STATUS_STYLE } from "./theme";

export const CONFIG_SHEET = "Cấu hình";

/** The row of each setting on "Cấu hình" (values in column B): written here, read back by the pane, the CLI and the province. */
export const CONFIG_ROWS = { unit: 3, planTitle: 4, year: 5, choice: 6, reportDate: 7, warnThreshold: 8, frequency: 9, periodEnd: 10, slotsCovered: 11, periodLabel: 12 } as const;
export type ConfigKey = keyof typeof CONFIG_ROWS;
/** The settings' cells, top to bottom, as one range. */
export const CONFIG_VALUES = `B${CONFIG_ROWS.unit}:B${CONFIG_ROWS.periodLabel}`;
export const configCell = (key: ConfigKey) => `B${CONFIG_ROWS[key]}`;
/** A setting's value in a column of B3:B12's values. */
export const configValue = (values: unknown[], key: ConfigKey): unknown => values[CONFIG_ROWS[key] - CONFIG_ROWS.unit];

export function buildConfigSheet(settings: WorkbookSettings, planTitle: string): { sheet: SheetSpec; names: Array<{ name: string; ref: string }> } {
  const sheet = emptySheet(CONFIG_SHEET);
  const names: Array<{ name: string; ref: string }> = [];
  const ref = (col: number, row: number) => `${quoteSheet(CONFIG_SHEET)}!${addr(col, row, true)}`;
  const name = (n: string, col: number, row: number) => names.push({ name: n, ref: ref(col, row) });
  sheet.columns = [{ width: 34 }, { width: 44 }, { width: 60 }, { width: 24 }];
  setCell(sheet, 1, 1, { v: "CẤU HÌNH SỔ BÁO CÁO CHỈ TIÊU" });
  sheet.styles.push({ range: "A1:C1", style: { bold: true, size: 14, color: HEADER_FILL } });

  const choices = periodChoices(settings.frequency);
  const rows: Array<[ConfigKey, string, Parameters<typeof setCell>[3], string, string | null]> = [
    ["unit", "Đơn vị báo cáo", { v: settings.unit }, "Tên phường, xã hoặc cơ quan lập báo cáo.", NAMES.unit],
    ["planTitle", "Kế hoạch", { v: planTitle }, "Kế hoạch hoặc đề án có phụ lục chỉ tiêu.", NAMES.planTitle],
    ["year", "Năm báo cáo", { v: settings.period.year }, "Các cột kỳ trên trang Chỉ tiêu là các kỳ của năm này.", NAMES.year],
    ["choice", "Kỳ báo cáo", { v: settings.period.choice }, "Chọn kỳ: mọi trạng thái được tính lại theo kỳ này. Số đã nhập cho các kỳ trước vẫn giữ nguyên.", NAMES.period],
    ["reportDate", "Ngày báo cáo", { v: dateSerial(settings.reportDate), fmt: "dd/mm/yyyy" }, "Ngày lập báo cáo.", NAMES.reportDate],
    [
      "warnThreshold",
      "Ngưỡng cảnh báo (tiến độ so với lộ trình)",
      { v: settings.warnThreshold, fmt: "0%" },
      "Dưới ngưỡng này so với lộ trình thì chỉ tiêu bị Cảnh báo (mặc định 50%, theo cơ chế cảnh báo của kế hoạch).",
      NAMES.warnThreshold,
    ],
    ["frequency", "Tần suất nhập số liệu", { v: settings.frequency === "month" ? "Theo tháng" : "Theo quý" }, "Mỗi kỳ một cột nhập số liệu.", null],
    [
      "periodEnd",
      "Ngày cuối kỳ báo cáo",
      { f: `DATE(${NAMES.year},INDEX(DS_KyThang,MATCH(${NAMES.period},DS_Ky,0))+1,0)`, fmt: "dd/mm/yyyy" },
      "Tính từ năm và kỳ báo cáo: mốc để so với thời hạn và lộ trình.",
      NAMES.periodEnd,
    ],
    [
      "slotsCovered",
      "Số cột kỳ đã tính",
      { f: settings.frequency === "month" ? `INDEX(DS_KyThang,MATCH(${NAMES.period},DS_Ky,0))` : `ROUNDUP(INDEX(DS_KyThang,MATCH(${NAMES.period},DS_Ky,0))/3,0)` },
      "Giá trị báo cáo lấy từ các cột kỳ này trở về trước.",
      NAMES.slotsCovered,
    ],
    ["periodLabel", "Tên kỳ báo cáo", { f: periodLabelFormula(NAMES.period, NAMES.year) }, "", NAMES.periodLabel],
  ];
  const firstSetting = CONFIG_ROWS.unit;
  let r = firstSetting;
  for (const [key, label, cell, help, n] of rows) {
    if (CONFIG_ROWS[key] !== r) throw new Error(`setting ${key} out of its row`);
    setCell(sheet, r, 1, { v: label });
    setCell(sheet, r, 2, cell);
    setCell(sheet, r, 3, { v: help });
    if (n) name(n, 2, r);
    // Wrapped text needs its height, or paper prints the plan's title and the help over the next rows.
    sheet.rowHeights[r] = rowHeight([
      [label, 34],
      [typeof cell.v === "string" ? cell.v : "", 44],
      [help, 60],
    ]);
    r++;
  }
  sheet.styles.push({ range: rangeAddr(1, firstSetting, 1, r - 1), style: { bold: true, wrap: true, vAlign: "top" } });
  sheet.styles.push({ range: rangeAddr(3, firstSetting, 3, r - 1), style: { italic: true, color: "#595959", wrap: true, vAlign: "top" } });
  sheet.styles.push({ range: rangeAddr(2, firstSetting, 2, r - 1), style: { hAlign: "left", wrap: true, vAlign: "top" } });
  for (const row of [CONFIG_ROWS.unit, CONFIG_ROWS.year, CONFIG_ROWS.choice, CONFIG_ROWS.reportDate, CONFIG_ROWS.warnThreshold]) {
    sheet.inputs.push(addr(2, row));
    sheet.styles.push({ range: addr(2, row), style: { fill: INPUT_FILL, border: true } });
  }
  sheet.validations.push({ range: configCell("year"), rule: { type: "decimal", min: 2000, max: 2100, title: "Năm báo cáo", message: "Nhập năm, ví dụ 2026." } });
  sheet.validations.push({ range: configCell("choice"), rule: { type: "list", source: "DS_Ky", title: "Kỳ báo cáo", message: "Chọn một kỳ trong danh sách." } });
  sheet.validations.push({ range: configCell("reportDate"), rule: { type: "date", title: "Ngày báo cáo", message: "Nhập ngày theo dạng dd/mm/yyyy." } });
  sheet.validations.push({ range: configCell("warnThreshold"), rule: { type: "decimal", min: 0, max: 1, title: "Ngưỡng cảnh báo", message: "Nhập tỷ lệ từ 0% đến 100%, ví dụ 50%." } });

  r++;
  setCell(sheet, r, 1, { v: "CHÚ GIẢI MÀU TRẠNG THÁI" });
  sheet.styles.push({ range: rangeAddr(1, r, 2, r), style: { bold: true, color: HEADER_FILL } });
  r++;
  for (const s of STATUSES) {
    setCell(sheet, r, 1, { v: s });
    setCell(sheet, r, 2, { v: STATUS_STYLE[s].meaning });
    sheet.styles.push({ range: addr(1, r), style: { fill: STATUS_STYLE[s].fill, color: STATUS_STYLE[s].color, bold: true, border: true } });
    sheet.styles.push({ range: addr(2, r), style: { wrap: true, vAlign: "top" } });
    sheet.rowHeights[r] = rowHeight([[STATUS_STYLE[s].meaning, 44]]);
    r++;
  }

  r++;
  setCell(sheet, r, 1, { v: "DANH SÁCH DÙNG CHO Ô CHỌN" });
  sheet.styles.push({ range: rangeAddr(1, r, 4, r), style: { bold: true, color: HEADER_FILL } });
  r++;
  ["Kỳ báo cáo", "Tháng cuối kỳ", "Tiến độ", "Thẩm định minh chứng"].forEach((h, k) => setCell(sheet, r, k + 1, { v: h }));
  sheet.styles.push({ range: rangeAddr(1, r, 4, r), style: { bold: true, fill: HEADER_FILL, color: HEADER_COLOR } });
  const listTop = r + 1;
  choices.forEach((c, k) => {
    setCell(sheet, listTop + k, 1, { v: c.label });
    setCell(sheet, listTop + k, 2, { v: c.endMonth });
  });
  PROGRESS_WORDS.forEach((w, k) => setCell(sheet, listTop + k, 3, { v: w }));
  EVIDENCE_CHECKS.forEach((w, k) => setCell(sheet, listTop + k, 4, { v: w }));
  const range = (col: number, count: number) => `${quoteSheet(CONFIG_SHEET)}!${addr(col, listTop, true)}:${addr(col, listTop + count - 1, true)}`;
  names.push({ name: "DS_Ky", ref: range(1, choices.length) });
  names.push({ name: "DS_KyThang", ref: range(2, choices.length) });
  names.push({ name: "DS_TienDo", ref: range(3, PROGRESS_WORDS.length) });
  names.push({ name: "DS_ThamDinh", ref: range(4, EVIDENCE_CHECKS.length) });
  r = listTop + Math.max(choices.length, PROGRESS_WORDS.length) + 1;

  setCell(sheet, r, 1, { v: "THÔNG TIN TỆP" });
  sheet.styles.push({ range: addr(1, r), style: { bold: true, color: HEADER_FILL } });
  r++;
  const info: Array<[string, string]> = [
    ["Phần mềm", "Chỉ tiêu số"],
    ["Phiên bản", settings.productVersion],
    ["Mã kế hoạch", settings.planId ?? ""],
  ];
  for (const [label, value] of info) {
    setCell(sheet, r, 1, { v: label });
    setCell(sheet, r, 2, { v: value });
    r++;
  }
  sheet.print = { landscape: false, repeatRows: null };
  return { sheet, names };
}
