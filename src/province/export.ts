import { judgeMilestones, judgeTask, numberOrNull, shownOnDocumentScale } from "../core/judge";
import { judgeSettingsOf } from "../reading/configRead";
import type { UnitReport } from "./readReportFile";
import { nameKey } from "../core/text/clean";

/** "Xuất gửi tỉnh": the file name the province sorts by, and a CSV any program (and Excel) reads. */

/** Vietnamese letters to plain ASCII, keeping capitals: "UBND xã Thống Nhất" → "UBND-xa-Thong-Nhat". */
export const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "Khong-ro";

/** A short tag of the unit's exact name: "Tân Hòa" and "Tân Hóa" are both "Tan-Hoa" in ASCII. */
function nameTag(s: string): string {
  // FNV-1a over the key that ignores case, spacing and tone placement only.
  let h = 0x811c9dc5;
  for (const ch of nameKey(s)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0").slice(-5);
}

/**
 * CDS_<unit>-<tag>_<period>.xlsx in plain ASCII: "CDS_UBND-xa-Thong-Nhat-1k9zq_Quy-II-2026.xlsx". The tag
 * keeps the names of two units that differ only in their accents apart.
 */
export function exportName(unit: string, period: string, ext: "xlsx" | "csv" | "docx"): string {
  return `CDS_${ascii(unit)}-${nameTag(unit)}_${ascii(period)}.${ext}`;
}

/** Text a spreadsheet would run as a formula (OWASP "CSV injection"): shown as text with a leading apostrophe. */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? "" : typeof v === "number" ? String(v) : neutralise(String(v));
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Codes, values, statuses and evidence, UTF-8 with a BOM so Excel shows the Vietnamese right. */
export function exportCsv(report: Pick<UnitReport, "config" | "reading" | "tasks">): string {
  const settings = judgeSettingsOf(report.config);
  const lines = [["loai", "ma", "noi_dung", "gia_tri", "trang_thai", "ly_do", "tham_dinh_minh_chung", "so_van_ban_minh_chung", "ngay_minh_chung", "tom_tat_minh_chung"].join(",")];
  for (const row of report.reading.rows) {
    const j = judgeMilestones(row.milestones, row.cumulative, numberOrNull(row.entry.baseline), row.entry, settings);
    const value = shownOnDocumentScale(j.value, row.percent);
    lines.push(["chỉ tiêu", row.id, row.name, value, j.status, j.reason, row.entry.evidence, row.entry.evidenceNumber, row.entry.evidenceDate, row.entry.evidenceSummary].map(csvCell).join(","));
  }
  for (const t of report.tasks) {
    const j = judgeTask(t, t.entry.progress ?? null, t.entry.evidence ?? "", settings);
    lines.push(["nhiệm vụ", t.id, t.name, t.entry.progress, j.status, j.reason, t.entry.evidence, t.entry.evidenceNumber, t.entry.evidenceDate, t.entry.evidenceSummary].map(csvCell).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
