import { isoDate, lastDayOfMonth } from "./deadline";
import { fold } from "./text/clean";
import { romanOrArabic } from "./text/numbers";

/** How often a unit reports: one input column per quarter, or per month. */
export type Frequency = "quarter" | "month";

/** A reporting period the user can choose; `slot` is how many input columns of the year it covers. */
export interface PeriodChoice {
  label: string;
  /** Last month of the period (1..12). */
  endMonth: number;
}

const QUARTER_NAMES = ["I", "II", "III", "IV"];

/** The choices offered in the workbook's period list, in order. */
export function periodChoices(frequency: Frequency): PeriodChoice[] {
  if (frequency === "month") {
    return Array.from({ length: 12 }, (_, k) => ({ label: `Tháng ${k + 1}`, endMonth: k + 1 }));
  }
  return [
    { label: "Quý I", endMonth: 3 },
    { label: "Quý II", endMonth: 6 },
    { label: "6 tháng đầu năm", endMonth: 6 },
    { label: "Quý III", endMonth: 9 },
    { label: "9 tháng", endMonth: 9 },
    { label: "Quý IV", endMonth: 12 },
    { label: "Cả năm", endMonth: 12 },
  ];
}

/** The input columns of a year: "Quý I".."Quý IV" or "Tháng 1".."Tháng 12". */
export function periodColumns(frequency: Frequency): string[] {
  return frequency === "month" ? Array.from({ length: 12 }, (_, k) => `Tháng ${k + 1}`) : QUARTER_NAMES.map((q) => `Quý ${q}`);
}

export interface ReportPeriod {
  year: number;
  /** One of periodChoices(frequency).label. */
  choice: string;
  endMonth: number;
}

export function periodEnd(p: ReportPeriod): string {
  return isoDate(p.year, p.endMonth, lastDayOfMonth(p.year, p.endMonth));
}

/** How many input columns of the year the period covers. */
export function slotsCovered(p: ReportPeriod, frequency: Frequency): number {
  return frequency === "month" ? p.endMonth : Math.ceil(p.endMonth / 3);
}

/**
 * The period as Vietnamese writes it: "Quý II/2026", "Tháng 5/2026", "6 tháng đầu năm 2026", "9 tháng năm
 * 2026", "Năm 2026". The workbook's "Tên kỳ báo cáo" cell computes the same (PERIOD_LABEL_FORMULA).
 */
export function periodLabel(p: Pick<ReportPeriod, "choice" | "year">): string {
  if (p.choice === "6 tháng đầu năm") return `6 tháng đầu năm ${p.year}`;
  if (p.choice === "9 tháng") return `9 tháng năm ${p.year}`;
  if (p.choice === "Cả năm") return `Năm ${p.year}`;
  return `${p.choice}/${p.year}`;
}

/** periodLabel as an Excel formula over the period and year cells. */
export function periodLabelFormula(period: string, year: string): string {
  return `IF(${period}="6 tháng đầu năm","6 tháng đầu năm "&${year},IF(${period}="9 tháng","9 tháng năm "&${year},IF(${period}="Cả năm","Năm "&${year},${period}&"/"&${year})))`;
}

/**
 * Reads "Quý II/2026", "Quý 2/2026", "Tháng 5/2026", "6 tháng đầu năm 2026", "9 tháng năm 2026",
 * "Năm 2026". A month in a quarterly workbook counts as the quarter that holds it.
 */
export function parsePeriod(text: string, frequency: Frequency): ReportPeriod | null {
  const f = fold(text.trim());
  const yearMatch = /((?:19|20)\d\d)\s*$/.exec(f);
  if (!yearMatch) return null;
  const year = Number(yearMatch[1]);
  let endMonth: number | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^quy\s+(iv|iii|ii|i|[1-4])\b/.exec(f))) {
    const q = romanOrArabic(m[1]!);
    endMonth = q ? q * 3 : null;
  } else if ((m = /^thang\s+(\d{1,2})\b/.exec(f))) {
    const month = Number(m[1]);
    endMonth = month >= 1 && month <= 12 ? month : null;
  } else if (/^6 thang/.test(f)) endMonth = 6;
  else if (/^9 thang/.test(f)) endMonth = 9;
  else if (/^(ca )?nam\b/.test(f)) endMonth = 12;
  if (endMonth === null) return null;
  // A monthly workbook reports by the period's last month ("Quý II" is "Tháng 6").
  if (frequency === "month") return { year, choice: `Tháng ${endMonth}`, endMonth };
  const choices = periodChoices(frequency);
  const quarterEnd = Math.ceil(endMonth / 3) * 3;
  const preferred = /^6 thang/.test(f) ? "6 tháng đầu năm" : /^9 thang/.test(f) ? "9 tháng" : /^(ca )?nam/.test(f) ? "Cả năm" : null;
  const choice = choices.find((c) => c.label === preferred) ?? choices.find((c) => c.endMonth === quarterEnd && c.label.startsWith("Quý"))!;
  return { year, choice: choice.label, endMonth: choice.endMonth };
}
