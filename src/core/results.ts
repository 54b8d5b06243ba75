import { parse } from "csv-parse/sync";
import type { Entry } from "./judge";
import { fromDocumentScale, isPercent, milestonesOf } from "./judge";
import type { ValueProblem } from "./valueCheck";
import { PROGRESS_WORD_LIST, valueProblem } from "./valueCheck";
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
  const negative = /^[-−]\s*\d/.test(t);
  const num = parseViNumber(t.replace(/^[-−]\s*/, "").replace(/\s*%$/, ""));
  return num === null ? t.normalize("NFC") : negative ? -num : num;
}

/** A results file that cannot be used as it stands: the command stops and writes nothing. */
export class ResultsError extends Error {}

/** The delimiter of the header line, outside quotes: Vietnamese Excel saves ";" (its decimal mark is ","). */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const header = text.split(/\r?\n/).find((l) => l.trim()) ?? "";
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  return counts[";"] > counts[","] && counts[";"] >= counts["\t"] ? ";" : counts["\t"] > counts[","] ? "\t" : ",";
}

const NUMBER_PIECE = /^-?\d+$/;

/** Reads a results file's text (already decoded; see documents/text.ts for bytes). */
export function parseResults(text: string): { rows: ResultRow[]; warnings: Warning[]; delimiter: string } {
  const warnings: Warning[] = [];
  const clean = normalizeInput(text).replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(clean);
  let records: string[][];
  try {
    records = parse(clean, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (err) {
    throw new ResultsError(`Không đọc được tệp CSV: ${(err as Error).message}`);
  }
  const first = records[0];
  if (!first || records.every((r) => r.every((c) => !c.trim()))) throw new ResultsError("Tệp kết quả trống");
  const header = first.map((h) => HEADER_ALIASES[fold(h).trim()] ?? null);
  const col = (name: "code" | "value" | "evidence") => header.indexOf(name);
  if (col("code") < 0 || col("value") < 0) {
    throw new ResultsError(`Dòng 1 (tiêu đề) phải có cột "code" (mã) và "value" (giá trị), ví dụ: code,value,evidence; tệp này có: ${first.join(" | ")}`);
  }
  const rows: ResultRow[] = [];
  records.slice(1).forEach((rec, k) => {
    const line = k + 2;
    if (rec.every((c) => !c.trim())) return;
    const code = (rec[col("code")] ?? "").trim().normalize("NFC");
    if (!code) {
      warnings.push({ where: `dòng ${line}`, line, message: "Dòng kết quả không có mã chỉ tiêu" });
      return;
    }
    // "95,5" unquoted in a comma file splits into two cells: refuse rather than guess.
    const raw = rec[col("value")] ?? "";
    if (delimiter === "," && rec.length > first.length && NUMBER_PIECE.test(raw.trim()) && /^\d+%?$/.test((rec[col("value") + 1] ?? "").trim())) {
      throw new ResultsError(
        `Dòng ${line}: giá trị "${raw},${rec[col("value") + 1]}" có dấu phẩy thập phân trong tệp phân cách bằng dấu phẩy. Hãy đặt số trong ngoặc kép ("95,5"), dùng dấu chấm (95.5) hoặc lưu tệp với dấu chấm phẩy.`,
      );
    }
    rows.push({ code, value: readValue(raw), evidence: col("evidence") >= 0 ? (rec[col("evidence")] ?? "").trim().normalize("NFC") : "", line });
  });
  if (rows.length === 0) throw new ResultsError("Tệp kết quả không có dòng số liệu nào dưới dòng tiêu đề");
  return { rows, warnings, delimiter };
}

/** How the command line says each problem of a reported value (v as the file wrote it). */
const RESULT_MESSAGES: Record<ValueProblem["kind"], (v: string | number) => string> = {
  textForNumber: (v) => `cần một số nhưng là chữ "${v}"`,
  notProgressWord: (v) => `"${v}" không phải từ tiến độ (${PROGRESS_WORD_LIST})`,
  numberForWords: (v) => `chỉ tiêu này ghi tiến độ bằng chữ (Hoàn thành, Đang triển khai...), không ghi số ${v}`,
  negative: (v) => `số âm (${v})`,
  percentTyped: (v) => `tỷ lệ ${v}% vượt quá 100%`,
  over100: (v) => `tỷ lệ ${v}% vượt quá 100%`,
};

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
      const value = typeof row.value === "number" ? fromDocumentScale(row.value, isPercent(ind)) : row.value;
      // The same checks as "Kiểm tra", said on the file's scale (1000 for 1000%).
      const problem = valueProblem(value, milestonesOf(ind), isPercent(ind));
      if (problem) out.warnings.push({ where: `dòng ${row.line}`, line: row.line, message: `${ind.id}: ${RESULT_MESSAGES[problem.kind](row.value as string | number)}` });
      const periods: Entry[] = new Array(slots).fill(null);
      periods[slot - 1] = value;
      out.indicators.set(ind.id, { periods, evidence: row.evidence });
    } else if (tasks.has(row.code)) {
      out.tasks.set(row.code, { progress: row.value, evidence: row.evidence });
    } else {
      out.warnings.push({ where: `dòng ${row.line}`, line: row.line, message: `Không có chỉ tiêu hay nhiệm vụ mã "${row.code}" trong kế hoạch` });
    }
  }
  const placed = out.indicators.size + out.tasks.size;
  const example = rows[0];
  if (example && placed === 0)
    throw new ResultsError(
      `Không mã nào trong tệp kết quả khớp với kế hoạch (ví dụ "${example.code}" ở dòng ${example.line}; kế hoạch có ${plan.indicators
        .slice(0, 3)
        .map((i) => i.id)
        .join(", ")}...). Có thể tệp là của kế hoạch khác.`,
    );
  return out;
}
