import { isoDate } from "./deadline";
import type { Frequency, ReportPeriod } from "./period";
import { periodEnd, slotsCovered } from "./period";
import type { Indicator, Target, TargetOp } from "./plan";
import { fold } from "./text/clean";
import { formatDate } from "./format";

/**
 * The status rules of docs/rules.md ("Status, in this order"). The workbook's formulas implement the same
 * rules cell by cell (src/workbook/formulas.ts); a test recalculates generated workbooks in LibreOffice
 * and checks that both give the same answers. Keep the two in step: same order, same rounding.
 */

export type Status = "Chưa có số liệu" | "Cảnh báo" | "Đạt" | "Không đạt" | "Đúng tiến độ" | "Chậm tiến độ";
export const STATUSES: Status[] = ["Đạt", "Đúng tiến độ", "Chậm tiến độ", "Cảnh báo", "Không đạt", "Chưa có số liệu"];

export type EvidenceCheck = "Hợp lệ" | "Không hợp lệ" | "Chưa thẩm định" | "";
export const EVIDENCE_CHECKS: EvidenceCheck[] = ["Hợp lệ", "Không hợp lệ", "Chưa thẩm định"];

/** The words a done or qualitative indicator (and a task) is reported with. */
export const PROGRESS_WORDS = ["Chưa triển khai", "Đang triển khai", "Hoàn thành", "Đạt", "Không đạt"] as const;
export const DONE_WORDS = ["Hoàn thành", "Đạt"];

export type Entry = number | string | null;

/** What officials entered for one indicator. Numbers are on the sheet's scale (0.95 for 95%). */
export interface Report {
  /** One entry per input column of the year (4 quarters or 12 months). */
  periods: Entry[];
  /** Text typed into a number cell is kept as typed, and counts as no number. */
  numerator?: Entry;
  denominator?: Entry;
  evidence?: EvidenceCheck | string;
  /** Overrides the plan's baseline (the "Hiện trạng" column). */
  baseline?: Entry;
}

export interface JudgeSettings {
  period: ReportPeriod;
  frequency: Frequency;
  /** The warning threshold of the roadmap, 0..1 (default 0.5). */
  warnThreshold: number;
}

/** One milestone as the sheet holds it: value on the sheet's scale, deadline as an ISO date. */
export interface Milestone {
  op: TargetOp;
  value: number | null;
  deadline: string | null;
  text: string;
}

export interface Judgement {
  value: Entry;
  /** 1-based index of the milestone judged against. */
  milestone: number;
  expected: number | null;
  ratio: number | null;
  progress: number | null;
  trend: "Tăng" | "Giảm" | "Không đổi" | "";
  status: Status;
  reason: string;
}

/** "Tăng 20% so với năm 2025": the change against the baseline, whatever the indicator measures. */
export const isRelative = (op: TargetOp): boolean => op === "tăng" || op === "giảm";

export function isPercent(indicator: Indicator): boolean {
  return indicator.unit === "%" || indicator.targets.some((t) => !isRelative(t.op) && (t.unit ?? "").startsWith("%"));
}

/** The milestones of an indicator on the sheet's scale: percentages as fractions (a relative change always). */
export function milestonesOf(indicator: Indicator): Milestone[] {
  const percent = isPercent(indicator);
  return indicator.targets.map((t: Target) => ({
    op: t.op,
    value: t.value === null ? null : fromDocumentScale(t.value, percent || isRelative(t.op)),
    deadline: t.deadline,
    text: t.text,
  }));
}

/** A value from the sheet's scale back to the document's (0.95 → 95 for a percentage), without float noise. */
export function toDocumentScale(x: number, percent: boolean): number {
  return percent ? Math.round(x * 1e8) / 1e6 : Math.round(x * 1e6) / 1e6;
}

/** A value as the document writes it on the sheet's scale (95 → 0.95 for a percentage). */
export function fromDocumentScale(x: number, percent: boolean): number {
  return percent ? x / 100 : x;
}

/** A judged value for people to read: numbers on the document's scale, words as they are. */
export function shownOnDocumentScale<T>(value: number | T, percent: boolean): number | T {
  return typeof value === "number" ? toDocumentScale(value, percent) : value;
}

export function baselineOf(indicator: Indicator): number | null {
  if (!indicator.baseline) return null;
  return fromDocumentScale(indicator.baseline.value, isPercent(indicator));
}

const DAY = 86400000;
const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const addDays = (iso: string, n: number): string => new Date((dayNumber(iso) + n) * DAY).toISOString().slice(0, 10);

/** ROUND(x, 9): comparisons are made on rounded numbers in the sheet too, so both engines agree at the boundary. */
export function round9(x: number): number {
  const r = Math.round(Math.abs(x) * 1e9) / 1e9;
  return x < 0 ? -r : r;
}

/** TEXT(x, "0%") as spreadsheets compute it: 15 significant digits, then half away from zero. */
export function percentText(x: number): string {
  const v = Number((x * 100).toPrecision(15));
  const r = Math.round(Math.abs(v));
  return `${v < 0 && r !== 0 ? "-" : ""}${r}%`;
}

export const numberOrNull = (e: Entry | undefined): number | null => (typeof e === "number" ? e : null);

const sameWord = (a: Entry, b: string): boolean => typeof a === "string" && fold(a.trim()) === fold(b);
const isBlank = (e: Entry | undefined): boolean => e === null || e === undefined || (typeof e === "string" && e === "");

export function judge(indicator: Indicator, report: Report, settings: JudgeSettings): Judgement {
  const baseline = report.baseline === null || report.baseline === undefined ? baselineOf(indicator) : numberOrNull(report.baseline);
  return judgeMilestones(milestonesOf(indicator), indicator.kind === "cumulative", baseline, report, settings);
}

export function judgeMilestones(milestones: Milestone[], cumulative: boolean, baseline: number | null, report: Report, settings: JudgeSettings): Judgement {
  const end = periodEnd(settings.period);
  const k = slotsCovered(settings.period, settings.frequency);
  const periods = report.periods;

  // The latest and the one-before-latest report up to the chosen period.
  let latest = 0;
  for (let s = k; s >= 1; s--)
    if (!isBlank(periods[s - 1])) {
      latest = s;
      break;
    }
  let previous = 0;
  for (let s = latest - 1; s >= 1; s--)
    if (!isBlank(periods[s - 1])) {
      previous = s;
      break;
    }
  let value: Entry = null;
  if (latest > 0) {
    if (cumulative) {
      value = 0;
      for (const p of periods.slice(0, k)) if (typeof p === "number") value += p;
    } else value = periods[latest - 1] ?? null;
  }
  const num = report.numerator;
  const den = report.denominator;
  if (typeof num === "number" && typeof den === "number" && den !== 0) value = num / den;

  let trend: Judgement["trend"] = "";
  if (latest > 0 && previous > 0) {
    const a = periods[latest - 1];
    const b = periods[previous - 1];
    if (typeof a === "number" && typeof b === "number") trend = a > b ? "Tăng" : a < b ? "Giảm" : "Không đổi";
  }

  // The milestone judged: the first whose deadline the period has not passed, else the last.
  const firstOpen = milestones.findIndex((m) => m.deadline === null || end <= m.deadline);
  const idx = firstOpen >= 0 ? firstOpen : milestones.length - 1;
  const ms = milestones[idx] ?? { op: "none" as TargetOp, value: null, deadline: null, text: "" };
  const b1 = baseline ?? 0;
  const previousMilestone = milestones[idx - 1];
  const prevValue = previousMilestone?.value ?? null;
  const base = idx > 0 && prevValue !== null ? prevValue : b1;
  const deadline = ms.deadline;
  const start = !previousMilestone ? (deadline ? isoDate(Number(deadline.slice(0, 4)), 1, 1) : null) : previousMilestone.deadline ? addDays(previousMilestone.deadline, 1) : null;

  const evidenceInvalid = sameWord(report.evidence ?? "", "Không hợp lệ");
  const due = deadline !== null && end >= deadline;
  const blank = isBlank(value);
  const result = (status: Status, reason: string, extra: Partial<Judgement> = {}): Judgement => ({
    value: blank ? null : value,
    milestone: idx + 1,
    expected: null,
    ratio: null,
    progress: null,
    trend,
    status,
    reason,
    ...extra,
  });

  const numericTarget = ms.value !== null && [">=", ">", "<=", "<", "=", "tăng", "giảm"].includes(ms.op);
  if (!numericTarget) {
    if (blank) return result("Chưa có số liệu", "Chưa nhập số liệu đến kỳ này");
    if (evidenceInvalid) return result("Cảnh báo", "Minh chứng không hợp lệ");
    if (DONE_WORDS.some((w) => sameWord(value, w))) return result("Đạt", "Đã hoàn thành");
    if (due) return result("Không đạt", `Quá hạn ${formatDate(deadline!)} mà chưa hoàn thành`);
    if (sameWord(value, "Đang triển khai")) return result("Đúng tiến độ", "Đang triển khai");
    return result("Chậm tiến độ", "Chưa hoàn thành");
  }

  const T = ms.value!;
  const atLeast = ms.op === ">=" || ms.op === ">" || ms.op === "=";
  let f: number | null = null;
  if (deadline && start) {
    f = Math.max(0, Math.min(1, (dayNumber(end) - dayNumber(start) + 1) / (dayNumber(deadline) - dayNumber(start) + 1)));
  }
  if (isRelative(ms.op)) return judgeRelative(ms.op, T, baseline, value, f, due, evidenceInvalid, settings, result, deadline);
  const expected = atLeast && f !== null ? base + (T - base) * f : null;
  const A = typeof value === "number" ? value : null;
  const met =
    A !== null &&
    ((ms.op === ">=" && round9(A - T) >= 0) ||
      (ms.op === ">" && round9(A - T) > 0) ||
      (ms.op === "<=" && round9(A - T) <= 0) ||
      (ms.op === "<" && round9(A - T) < 0) ||
      (ms.op === "=" && round9(A - T) === 0));
  const progress = A !== null && expected !== null && round9(expected - base) > 0 ? (A - base) / (expected - base) : null;
  let ratio: number | null = null;
  if (A !== null) {
    if (atLeast) ratio = T !== 0 ? A / T : null;
    else ratio = met ? 1 : A !== 0 ? T / A : null;
  }
  const numbers = { expected, ratio, progress };

  if (blank) return result("Chưa có số liệu", "Chưa nhập số liệu đến kỳ này", { expected });
  if (evidenceInvalid) return result("Cảnh báo", "Minh chứng không hợp lệ", numbers);
  if (A === null) return result("Cảnh báo", "Giá trị không phải số", { expected });
  if (met) return result("Đạt", "Đã đạt chỉ tiêu", numbers);
  if (due) return result("Không đạt", `Quá hạn ${formatDate(deadline!)} mà chưa đạt`, numbers);
  if (!atLeast || expected === null) return result("Chậm tiến độ", "Chưa đạt, chưa đến hạn", numbers);
  if (progress === null) {
    return round9(A - expected) >= 0 ? result("Đúng tiến độ", "Chưa đến mốc lộ trình", numbers) : result("Chậm tiến độ", "Thấp hơn mức xuất phát", numbers);
  }
  if (round9(progress - 1) >= 0) return result("Đúng tiến độ", `Đạt ${percentText(progress)} lộ trình`, numbers);
  if (round9(progress - settings.warnThreshold) >= 0) return result("Chậm tiến độ", `Đạt ${percentText(progress)} lộ trình`, numbers);
  return result("Cảnh báo", `Dưới ${percentText(settings.warnThreshold)} lộ trình (đạt ${percentText(progress)})`, numbers);
}

/**
 * A relative target: met when the change against the baseline B, (A − B) / B for "tăng" and (B − A) / B
 * for "giảm", reaches T. Its roadmap expects the change T × f by now. Without a baseline it cannot be judged.
 */
function judgeRelative(
  op: TargetOp,
  T: number,
  baseline: number | null,
  value: Entry,
  f: number | null,
  due: boolean,
  evidenceInvalid: boolean,
  settings: JudgeSettings,
  result: (status: Status, reason: string, extra?: Partial<Judgement>) => Judgement,
  deadline: string | null,
): Judgement {
  const hasBase = baseline !== null && round9(baseline) !== 0;
  const B = baseline ?? 0;
  const rising = op === "tăng";
  const expected = f === null || !hasBase ? null : rising ? B * (1 + T * f) : B * (1 - T * f);
  if (isBlank(value)) return result("Chưa có số liệu", "Chưa nhập số liệu đến kỳ này", { expected });
  if (!hasBase) return result("Chưa có số liệu", "Chưa có mức cơ sở để so sánh: nhập cột Hiện trạng");
  if (typeof value !== "number") return result("Cảnh báo", evidenceInvalid ? "Minh chứng không hợp lệ" : "Giá trị không phải số", { expected });
  const A = value;
  const change = rising ? (A - B) / B : (B - A) / B;
  const progress = expected !== null && round9(T * f!) > 0 ? change / (T * f!) : null;
  const numbers = { expected, ratio: T !== 0 ? change / T : null, progress };
  if (evidenceInvalid) return result("Cảnh báo", "Minh chứng không hợp lệ", numbers);
  if (round9(change - T) >= 0) return result("Đạt", "Đã đạt chỉ tiêu", numbers);
  if (due) return result("Không đạt", `Quá hạn ${formatDate(deadline!)} mà chưa đạt`, numbers);
  if (expected === null) return result("Chậm tiến độ", "Chưa đạt, chưa đến hạn", numbers);
  if (progress === null) return round9(change) >= 0 ? result("Đúng tiến độ", "Chưa đến mốc lộ trình", numbers) : result("Chậm tiến độ", "Thấp hơn mức xuất phát", numbers);
  if (round9(progress - 1) >= 0) return result("Đúng tiến độ", `Đạt ${percentText(progress)} lộ trình`, numbers);
  if (round9(progress - settings.warnThreshold) >= 0) return result("Chậm tiến độ", `Đạt ${percentText(progress)} lộ trình`, numbers);
  return result("Cảnh báo", `Dưới ${percentText(settings.warnThreshold)} lộ trình (đạt ${percentText(progress)})`, numbers);
}

/** A task is judged like a done indicator: by its progress word, its evidence and its deadline. */
export function judgeTask(task: { deadline: string | null }, progress: Entry, evidence: string, settings: JudgeSettings): Judgement {
  return judgeMilestones(
    [{ op: "done", value: null, deadline: task.deadline, text: "" }],
    false,
    null,
    { periods: [progress], evidence },
    { ...settings, period: settings.period, frequency: "quarter" },
  );
}
