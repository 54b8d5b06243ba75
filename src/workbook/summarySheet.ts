import { STATUSES } from "../core/judge";
import { groupLabel, type Indicator } from "../core/plan";
import type { IndicatorSheetLayout } from "./indicatorSheet";
import { INDICATOR_SHEET } from "./indicatorSheet";
import { NAMES } from "./settings";
import type { SheetSpec } from "./spec";
import { addr, colLetter, emptySheet, quoteSheet, rangeAddr, rowHeight, setCell } from "./spec";
import { HEADER_COLOR, HEADER_FILL, STATUS_STYLE } from "./theme";
import { TASK_SHEET, taskCol } from "./taskSheet";

export const SUMMARY_SHEET = "Tổng hợp";

/** Live counts a leader reads the plan's state from: by status, by group and by lead unit. */
export function buildSummarySheet(
  indicators: Indicator[],
  layout: IndicatorSheetLayout,
  tasks: { firstRow: number; lastRow: number } | null,
  planTitle = "",
): { sheet: SheetSpec; statusCountRange: string; statusLabelRange: string; chartAt: [string, string] } {
  const sheet = emptySheet(SUMMARY_SHEET);
  const ind = (key: string) => {
    const c = layout.columns.letter(key);
    return `${quoteSheet(INDICATOR_SHEET)}!$${c}$${layout.firstRow}:$${c}$${layout.lastRow}`;
  };
  const status = ind("status");
  sheet.columns = [{ width: 44 }, ...STATUSES.map(() => ({ width: 13 })), { width: 12 }, { width: 12 }];
  setCell(sheet, 1, 1, { f: `"TỔNG HỢP CHỈ TIÊU CHUYỂN ĐỔI SỐ — "&UPPER(${NAMES.unit})` });
  setCell(sheet, 2, 1, { f: `"Kỳ báo cáo: "&${NAMES.periodLabel}&" — "&${NAMES.planTitle}` });
  const width = STATUSES.length + 3;
  sheet.merges.push(rangeAddr(1, 2, width, 2));
  sheet.styles.push({ range: "A1", style: { bold: true, size: 14, color: HEADER_FILL } }, { range: rangeAddr(1, 2, width, 2), style: { italic: true, wrap: true, vAlign: "top" } });
  sheet.rowHeights[2] = rowHeight([[`Kỳ báo cáo: 6 tháng đầu năm 2026 — ${planTitle}`, 44 + 13 * STATUSES.length + 24]]);

  let r = 4;
  setCell(sheet, r, 1, { v: "Trạng thái" });
  setCell(sheet, r, 2, { v: "Số chỉ tiêu" });
  setCell(sheet, r, 3, { v: "Tỷ lệ" });
  if (tasks) setCell(sheet, r, 4, { v: "Số nhiệm vụ" });
  sheet.styles.push({ range: rangeAddr(1, r, tasks ? 4 : 3, r), style: { bold: true, fill: HEADER_FILL, color: HEADER_COLOR, border: true } });
  const first = r + 1;
  const taskStatus = tasks ? `${quoteSheet(TASK_SHEET)}!$${colLetter(taskCol("status"))}$${tasks.firstRow}:$${colLetter(taskCol("status"))}$${tasks.lastRow}` : null;
  for (const s of STATUSES) {
    r++;
    setCell(sheet, r, 1, { v: s });
    setCell(sheet, r, 2, { f: `COUNTIF(${status},"${s}")` });
    setCell(sheet, r, 3, { f: `IF(SUM($B$${first}:$B$${first + STATUSES.length - 1})=0,"",B${r}/SUM($B$${first}:$B$${first + STATUSES.length - 1}))`, fmt: "0%" });
    if (taskStatus) setCell(sheet, r, 4, { f: `COUNTIF(${taskStatus},"${s}")` });
    sheet.styles.push({ range: addr(1, r), style: { fill: STATUS_STYLE[s].fill, color: STATUS_STYLE[s].color, bold: true } });
  }
  const statusLabelRange = rangeAddr(1, first, 1, r);
  const statusCountRange = rangeAddr(2, first, 2, r);
  r++;
  setCell(sheet, r, 1, { v: "Tổng số" });
  setCell(sheet, r, 2, { f: `SUM(B${first}:B${r - 1})` });
  if (taskStatus) setCell(sheet, r, 4, { f: `SUM(D${first}:D${r - 1})` });
  r++;
  setCell(sheet, r, 1, { v: "Tỷ lệ chỉ tiêu đã đạt" });
  setCell(sheet, r, 2, { f: `IF(B${r - 1}=0,"",B${first}/B${r - 1})`, fmt: "0%" });
  sheet.styles.push({ range: rangeAddr(1, r - 1, 3, r), style: { bold: true, border: true } });
  sheet.styles.push({ range: rangeAddr(1, first, tasks ? 4 : 3, r), style: { border: true } });
  // The chart sits beside the status table, over empty cells, no taller than it: no gap where a file has no chart.
  const chartAt: [string, string] = [addr(6, 4), addr(STATUSES.length + 3, r)];

  const table = (title: string, labels: string[], column: string) => {
    r += 2;
    setCell(sheet, r, 1, { v: title });
    STATUSES.forEach((s, k) => setCell(sheet, r, k + 2, { v: s }));
    setCell(sheet, r, STATUSES.length + 2, { v: "Tổng" });
    setCell(sheet, r, STATUSES.length + 3, { v: "Tỷ lệ đạt" });
    const head = r;
    sheet.rowHeights[head] = 30;
    sheet.styles.push({ range: rangeAddr(1, r, STATUSES.length + 3, r), style: { bold: true, fill: HEADER_FILL, color: HEADER_COLOR, wrap: true, border: true } });
    for (const label of labels) {
      r++;
      setCell(sheet, r, 1, { v: label || "(chưa giao đơn vị)" });
      const match = label ? `(${column}=$A${r})` : `(${column}="")`;
      STATUSES.forEach((_, k) => setCell(sheet, r, k + 2, { f: `SUMPRODUCT(${match}*(${status}=${addr(k + 2, head)}))` }));
      setCell(sheet, r, STATUSES.length + 2, { f: `SUM(${rangeAddr(2, r, STATUSES.length + 1, r)})` });
      setCell(sheet, r, STATUSES.length + 3, { f: `IF(${addr(STATUSES.length + 2, r)}=0,"",B${r}/${addr(STATUSES.length + 2, r)})`, fmt: "0%" });
    }
    sheet.styles.push({ range: rangeAddr(1, head + 1, STATUSES.length + 3, r), style: { border: true, wrap: true, vAlign: "top" } });
    // Colour a count cell when it is not zero, with its status's colour.
    STATUSES.forEach((s, k) => {
      if (r > head) sheet.conditionalFormats.push({ range: rangeAddr(k + 2, head + 1, k + 2, r), formula: `${addr(k + 2, head + 1)}>0`, fill: STATUS_STYLE[s].fill, color: STATUS_STYLE[s].color });
    });
  };
  table("Theo nhóm chỉ tiêu", [...new Set(indicators.map(groupLabel))], ind("group"));
  table(
    "Theo đơn vị chủ trì",
    [...new Set(indicators.map((i) => i.lead ?? ""))].sort((a, b) => a.localeCompare(b, "vi")),
    ind("lead"),
  );
  sheet.freeze = null;
  sheet.print = { landscape: true, repeatRows: null };
  return { sheet, statusCountRange, statusLabelRange, chartAt };
}
