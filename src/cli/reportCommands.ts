import { findEntry } from "../catalogue/catalogue";
import { dateProblem, parseViDate } from "../core/format";
import type { Frequency, ReportPeriod } from "../core/period";
import { parsePeriod } from "../core/period";
import type { Plan } from "../core/plan";
import { ResultsError, parseResults, placeResults, type PlacedResults } from "../core/results";
import { ENCODING_LABEL, decodeText } from "../documents/text";
import { reportWorkbookFile } from "../actions/reportWorkbook";
import type { WorkbookSettings } from "../workbook/settings";
import { PRODUCT_VERSION } from "../version";

export class UserError extends Error {}

export interface ReportOptions {
  plan: Plan;
  planId: string | null;
  period: ReportPeriod;
  frequency: Frequency;
  warnThreshold: number;
  unit: string;
  reportDate: string;
}

/** Reads the report options shared by `evaluate` and `workbook`, with Vietnamese messages for bad input. */
export function reportOptions(flags: Map<string, string | true>, plan: Plan, planArg: string, today: Date): ReportOptions {
  const str = (name: string): string | null => {
    const v = flags.get(name);
    return typeof v === "string" ? v : null;
  };
  const freqText = (str("frequency") ?? "quarter").toLowerCase();
  const frequency: Frequency | null = ["quarter", "quy", "quý"].includes(freqText) ? "quarter" : ["month", "thang", "tháng"].includes(freqText) ? "month" : null;
  if (!frequency) throw new UserError(`Tần suất "${freqText}" không hợp lệ: dùng "quy" (theo quý) hoặc "thang" (theo tháng)`);
  const todayIso = today.toISOString().slice(0, 10);
  const periodText = str("period");
  // Never a default: a period guessed from today's date judges every row against the wrong deadlines.
  if (!periodText) throw new UserError(`Thiếu --period: kỳ báo cáo, ví dụ --period "Quý II/${plan.years[0] ?? today.getFullYear()}"`);
  const period = parsePeriod(periodText, frequency);
  if (!period) throw new UserError(`Không hiểu kỳ báo cáo "${periodText}". Ví dụ: "Quý II/2026", "Tháng 5/2026", "6 tháng đầu năm 2026", "Năm 2026"`);
  if (plan.years.length && (period.year < Math.min(...plan.years) - 1 || period.year > Math.max(...plan.years) + 1)) {
    throw new UserError(`Kỳ báo cáo "${periodText}" cách xa các năm của kế hoạch (${plan.years.join(", ")}); hãy kiểm tra lại năm.`);
  }
  const entry = findEntry(planArg);
  return {
    plan,
    planId: entry?.id ?? null,
    period,
    frequency,
    warnThreshold: thresholdOf(str("threshold")),
    unit: str("unit") ?? entry?.unit ?? "(chưa đặt tên đơn vị)",
    reportDate: reportDateOf(str("date"), todayIso),
  };
}

/** --threshold: "50%", "0,5" or "0.5"; 50% when not given. */
export function thresholdOf(text: string | null): number {
  const threshold = text === null ? 0.5 : Number(text.replace(",", ".").replace(/%$/, "")) / (text.trim().endsWith("%") ? 100 : 1);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw new UserError(`Ngưỡng cảnh báo "${text}" phải từ 0 đến 1 (hoặc 0% đến 100%)`);
  return threshold;
}

/** --date dd/mm/yyyy as an ISO date; today when not given. */
export function reportDateOf(text: string | null, todayIso: string): string {
  if (!text) return todayIso;
  const parsed = parseViDate(text);
  if (!parsed) throw new UserError(`Ngày báo cáo "${text}" ${dateProblem(text)}`);
  return parsed;
}

/** A results file's bytes in any encoding Vietnamese offices save, placed in the period's column. */
export function loadResults(bytes: Uint8Array | null, opts: ReportOptions): PlacedResults & { notes: string[] } {
  if (bytes === null) return { indicators: new Map(), tasks: new Map(), warnings: [], notes: [] };
  const { text, encoding } = decodeText(bytes);
  try {
    const { rows, warnings, delimiter } = parseResults(text);
    const placed = placeResults(opts.plan, rows, opts.period, opts.frequency);
    placed.warnings.unshift(...warnings);
    const notes =
      encoding === "utf-8" && delimiter === "," ? [] : [`đọc tệp kết quả theo bảng mã ${ENCODING_LABEL[encoding]}, phân cách bằng ${delimiter === "\t" ? "dấu tab" : `dấu "${delimiter}"`}`];
    return { ...placed, notes };
  } catch (err) {
    if (err instanceof ResultsError) throw new UserError(`Tệp kết quả: ${err.message}`);
    throw err;
  }
}

/** The settings of the workbook these options describe. */
export function settingsOf(opts: ReportOptions): WorkbookSettings {
  return { unit: opts.unit, period: opts.period, frequency: opts.frequency, reportDate: opts.reportDate, warnThreshold: opts.warnThreshold, planId: opts.planId, productVersion: PRODUCT_VERSION };
}

export async function workbookFile(opts: ReportOptions, results: PlacedResults): Promise<{ bytes: Uint8Array; cut: string[] }> {
  const tasks = new Map([...results.tasks].map(([id, r]) => [id, { progress: typeof r.progress === "string" ? r.progress : r.progress === null ? null : String(r.progress), evidence: r.evidence }]));
  return reportWorkbookFile(opts.plan, settingsOf(opts), { indicators: results.indicators, tasks });
}
