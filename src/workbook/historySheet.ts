import type { Entry } from "../core/judge";
import type { SheetSpec } from "./spec";
import { emptySheet, rangeAddr, rowHeight, setCell } from "./spec";
import { HEADER_COLOR, HEADER_FILL, STATUS_STYLE } from "./theme";

/**
 * "Lịch sử": every past period's values of a plan that runs over several years, one row per indicator and
 * one column per period ("Quý I/2026" ...), each year closed by its result and its status at the year's end,
 * then the trend between the last two years. Written when a new year begins ("Sang năm mới"); read back and
 * carried forward by every later rollover, update and export, so no year is lost.
 */
export const HISTORY_SHEET = "Lịch sử";

export interface History {
  columns: string[];
  rows: Array<{ code: string; name: string; percent: boolean; values: Entry[] }>;
}

const HEADER_ROW = 3;
export const TREND_TITLE = "Xu hướng";
export const resultTitle = (year: number) => `Kết quả ${year}`;
export const statusTitle = (year: number) => `Trạng thái cuối năm ${year}`;

/** "Tăng", "Giảm" or "Không đổi" between the results of the last two years recorded, or "". */
export function trendOf(history: History, row: History["rows"][number]): string {
  const results = history.columns.map((c, k) => (/^Kết quả \d{4}$/.test(c) ? row.values[k] : undefined)).filter((v): v is Entry => v !== undefined);
  const [a, b] = results.slice(-2);
  if (typeof a !== "number" || typeof b !== "number") return "";
  return b > a ? "Tăng" : b < a ? "Giảm" : "Không đổi";
}

export function buildHistorySheet(history: History, planTitle: string): SheetSpec {
  const sheet = emptySheet(HISTORY_SHEET);
  const width = history.columns.length + 3;
  setCell(sheet, 1, 1, { v: "LỊCH SỬ KẾT QUẢ CÁC NĂM" });
  setCell(sheet, 2, 1, { v: planTitle });
  sheet.merges.push(rangeAddr(1, 1, width, 1), rangeAddr(1, 2, width, 2));
  sheet.styles.push({ range: "A1", style: { bold: true, size: 14, color: HEADER_FILL } }, { range: "A2", style: { italic: true, wrap: true, vAlign: "top" } });
  sheet.rowHeights[2] = rowHeight([[planTitle, 44 + 11 * (history.columns.length + 1)]]);
  ["Mã", "Nội dung chỉ tiêu", ...history.columns, TREND_TITLE].forEach((t, k) => setCell(sheet, HEADER_ROW, k + 1, { v: t }));
  sheet.styles.push({ range: rangeAddr(1, HEADER_ROW, width, HEADER_ROW), style: { bold: true, fill: HEADER_FILL, color: HEADER_COLOR, wrap: true, border: true, hAlign: "center" } });
  history.rows.forEach((row, i) => {
    const r = HEADER_ROW + 1 + i;
    setCell(sheet, r, 1, { v: row.code });
    setCell(sheet, r, 2, { v: row.name });
    row.values.forEach((v, k) => setCell(sheet, r, k + 3, v === null ? {} : { v, ...(typeof v === "number" && row.percent ? { fmt: "0%" } : {}) }));
    setCell(sheet, r, width, { v: trendOf(history, row) });
    sheet.rowHeights[r] = rowHeight([[row.name, 44]]);
  });
  const last = HEADER_ROW + history.rows.length;
  if (history.rows.length) {
    sheet.styles.push({ range: rangeAddr(1, HEADER_ROW + 1, width, last), style: { border: true, vAlign: "top" } }, { range: rangeAddr(2, HEADER_ROW + 1, 2, last), style: { wrap: true } });
    // The year-end statuses in their colours, as on the report sheet.
    history.columns.forEach((c, k) => {
      if (!c.startsWith("Trạng thái cuối năm")) return;
      const range = rangeAddr(k + 3, HEADER_ROW + 1, k + 3, last);
      for (const [status, style] of Object.entries(STATUS_STYLE))
        sheet.conditionalFormats.push({ range, formula: `${range.split(":")[0]!.replace(/\$/g, "")}="${status}"`, fill: style.fill, color: style.color });
    });
  }
  sheet.columns = [{ width: 8 }, { width: 44 }, ...history.columns.map((c) => ({ width: c.startsWith("Trạng thái") ? 15 : 11 })), { width: 11 }];
  sheet.rowHeights[HEADER_ROW] = 45;
  sheet.freeze = { rows: HEADER_ROW, columns: 2 };
  sheet.protect = true;
  sheet.print = { landscape: true, repeatRows: [HEADER_ROW, HEADER_ROW], fitToWidth: true };
  sheet.tabColor = "#7F7F7F";
  return sheet;
}

/** The history back from its sheet's values; null when there is no such table. */
export function readHistorySheet(values: unknown[][], formats: string[][] = []): History | null {
  const at = values.findIndex((r) => r?.[0] === "Mã" && r?.[1] === "Nội dung chỉ tiêu");
  if (at < 0) return null;
  const header = (values[at] ?? []).map((v) => String(v ?? "").trim());
  const end = header.indexOf(TREND_TITLE);
  const columns = header.slice(2, end >= 0 ? end : undefined).filter(Boolean);
  const rows: History["rows"] = [];
  for (let r = at + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const code = String(row[0] ?? "").trim();
    if (!code) continue;
    const vals = columns.map((_, k): Entry => {
      const v = row[k + 2];
      return v === "" || v === null || v === undefined ? null : typeof v === "number" ? v : String(v);
    });
    const percent = columns.some((_, k) => (formats[r]?.[k + 2] ?? "").includes("%"));
    rows.push({ code, name: String(row[1] ?? ""), percent, values: vals });
  }
  return { columns, rows };
}
