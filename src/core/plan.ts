/** The structured plan that every loader produces and every later stage (workbook, judge, province) reads. */

/** "tăng"/"giảm": a relative target, the change against a baseline ("Tăng 20% so với năm 2025"). */
export type TargetOp = ">=" | ">" | "<=" | "<" | "=" | "tăng" | "giảm" | "done" | "none";

/** How reports of an indicator add up within a year. */
export type IndicatorKind = "level" | "cumulative" | "done" | "qualitative";

export interface Target {
  year: number | null;
  /** ISO date (yyyy-mm-dd) the target is due, or null when ongoing or unknown. */
  deadline: string | null;
  op: TargetOp;
  /** On the document's own scale: 95 for 95%. Null for done/none targets. */
  value: number | null;
  /** Top of a range target ("60 - 80%"), else null. */
  upper: number | null;
  /** Unit read from the target itself ("%", "buổi/năm", "nền tảng"), or null. */
  unit: string | null;
  /** True for rank targets ("trong nhóm 10 đơn vị dẫn đầu"): lower is better. */
  rank?: boolean;
  /** What a count is per ("Mỗi ấp hai lớp/năm": "ấp"). */
  per?: string;
  /** The year a relative target compares with ("so với năm 2025"). */
  baseYear?: number;
  /** The target exactly as the document wrote it (cleaned of conversion artefacts). */
  text: string;
}

export interface Baseline {
  year: number | null;
  value: number;
}

export interface Indicator {
  /** Unique within the plan; equals `code` unless the document repeats a number. */
  id: string;
  /** The numbering as the document has it, qualified by its group (and year section). */
  code: string;
  group: string;
  groupCode: string;
  /** Year section ("Năm 2026") for documents that split their appendix by year. */
  section: string | null;
  name: string;
  /** The document's unit column, or the unit read from the target. */
  unit: string | null;
  kind: IndicatorKind;
  targets: Target[];
  baseline: Baseline | null;
  lead: string | null;
  partners: string | null;
  note: string | null;
  /** Where the figure comes from (a "nguồn đo lường" column). */
  source: string | null;
  /** 1-based line of the source text where the row starts. */
  line: number;
  /** "Cần xem lại": what the loader assumed to read this row (a word target, a year from the title...). */
  review?: string | null;
}

export interface Task {
  id: string;
  code: string;
  group: string;
  groupCode: string;
  /** The general task (cột "Nhiệm vụ tổng quát") this row belongs to. */
  parent: string | null;
  name: string;
  output: string | null;
  kpi: string | null;
  lead: string | null;
  partners: string | null;
  deadline: string | null;
  deadlineText: string | null;
  /** "Thường xuyên": judged each period, no fixed deadline. */
  ongoing: boolean;
  note: string | null;
  line: number;
}

export interface Warning {
  /** Vietnamese place name, e.g. "dòng 123". */
  where: string;
  message: string;
  line: number | null;
}

export interface Plan {
  title: string;
  years: number[];
  indicators: Indicator[];
  tasks: Task[];
  warnings: Warning[];
}

export function lineWhere(line: number): string {
  return `dòng ${line}`;
}

/** How an indicator's group is shown (sheet group rows, the "Nhóm" column, the summary, the CLI): "Phần — Mã. Nhóm". */
export function groupLabel(indicator: Pick<Indicator, "section" | "groupCode" | "group">): string {
  return [indicator.section, [indicator.groupCode, indicator.group].filter(Boolean).join(". ")].filter(Boolean).join(" — ");
}
