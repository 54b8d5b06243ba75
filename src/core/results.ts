import { parse } from "csv-parse/sync";
import type { Entry } from "./judge";
import { isPercent } from "./judge";
import type { Frequency, ReportPeriod } from "./period";
import { slotsCovered } from "./period";
import type { Plan, Warning } from "./plan";
import { fold, normalizeInput } from "./text/clean";
import { parseViNumber } from "./text/numbers";

/** A results file: `code,value[,evidence]`, values on the document's scale (95 for 95%) or words. */
export interface ResultRow {
  code: string;
  value: Entry;
  evidence: string;
  line: number;
}

const HEADER_ALIASES: Record<string, "code" | "value" | "evidence"> = {
  code: "code",
  ma: "code",
  "ma chi tieu": "code",
  value: "value",
  "gia tri": "value",
  "ket qua": "value",
  evidence: "evidence",
  "tham dinh": "evidence",
  "tham dinh minh chung": "evidence",
  "minh chung": "evidence",
};

/** Reads "95", "95%", "0,5", "1.000" as numbers; anything else stays the words the unit wrote. */
export function readValue(raw: string): Entry {
  const t = raw.trim();
  if (!t) return null;
  const num = parseViNumber(t.replace(/\s*%$/, ""));
  return num === null ? t.normalize("NFC") : num;
}

export function parseResults(text: string): { rows: ResultRow[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  let records: string[][];
  try {
    records = parse(normalizeInput(text).replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (err) {
    return { rows: [], warnings: [{ where: "tệp kết quả", line: null, message: `Không đọc được tệp CSV: ${(err as Error).message}` }] };
  }
  if (records.length === 0) return { rows: [], warnings: [{ where: "tệp kết quả", line: null, message: "Tệp kết quả trống" }] };
  const header = records[0].map((h) => HEADER_ALIASES[fold(h).trim()] ?? null);
  const col = (name: "code" | "value" | "evidence") => header.indexOf(name);
  if (col("code") < 0 || col("value") < 0) {
    return { rows: [], warnings: [{ where: "dòng 1", line: 1, message: 'Dòng tiêu đề phải có cột "code" (mã) và "value" (giá trị), ví dụ: code,value,evidence' }] };
  }
  const rows: ResultRow[] = [];
  records.slice(1).forEach((rec, k) => {
    const line = k + 2;
    if (rec.every((c) => !c.trim())) return;
    const code = (rec[col("code")] ?? "").trim();
    if (!code) {
      warnings.push({ where: `dòng ${line}`, line, message: "Dòng kết quả không có mã chỉ tiêu" });
      return;
    }
    rows.push({ code, value: readValue(rec[col("value")] ?? ""), evidence: col("evidence") >= 0 ? (rec[col("evidence")] ?? "").trim().normalize("NFC") : "", line });
  });
  return { rows, warnings };
}

export interface PlacedResults {
  indicators: Map<string, { periods: Entry[]; evidence: string }>;
  tasks: Map<string, { progress: Entry; evidence: string }>;
  warnings: Warning[];
}

/**
 * Puts each reported value in the column of the chosen period, on the sheet's scale (0.95 for 95%).
 * Codes are matched to indicator ids, then task ids; an unknown or repeated code is a warning.
 */
export function placeResults(plan: Plan, rows: ResultRow[], period: ReportPeriod, frequency: Frequency): PlacedResults {
  const slots = frequency === "month" ? 12 : 4;
  const slot = slotsCovered(period, frequency);
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  const tasks = new Set(plan.tasks.map((t) => t.id));
  const out: PlacedResults = { indicators: new Map(), tasks: new Map(), warnings: [] };
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (seen.has(row.code)) out.warnings.push({ where: `dòng ${row.line}`, line: row.line, message: `Mã ${row.code} đã có ở dòng ${seen.get(row.code)}; lấy giá trị ở dòng sau` });
    seen.set(row.code, row.line);
    const ind = byId.get(row.code);
    if (ind) {
      const value = typeof row.value === "number" && isPercent(ind) ? row.value / 100 : row.value;
      const periods: Entry[] = new Array(slots).fill(null);
      periods[slot - 1] = value;
      out.indicators.set(ind.id, { periods, evidence: row.evidence });
    } else if (tasks.has(row.code)) {
      out.tasks.set(row.code, { progress: row.value, evidence: row.evidence });
    } else {
      out.warnings.push({ where: `dòng ${row.line}`, line: row.line, message: `Không có chỉ tiêu hay nhiệm vụ mã "${row.code}" trong kế hoạch` });
    }
  }
  return out;
}
