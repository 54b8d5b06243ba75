import type { Indicator, Target } from "./plan";

/** Vietnamese display of numbers, dates and targets, shared by the CLI, the task pane and the workbook. */

export function formatNumber(n: number): string {
  const [int = "", frac] = String(Math.round(n * 1e6) / 1e6).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return frac ? `${grouped},${frac}` : grouped;
}

/** A number as its cell shows it to a reader of the appendix: "80%" for 0.8 in a percent cell. */
export function cellNumberText(n: number, numberFormat: string): string {
  return numberFormat.includes("%") ? `${formatNumber(n * 100)}%` : formatNumber(n);
}

/** dd/mm/yyyy (as officials write dates) → yyyy-mm-dd, or null when it is not a real date. */
export function parseViDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Why a dd/mm/yyyy text is not a date, in words for the official ("31/02/2026" is written right but does not exist). */
export function dateProblem(text: string): string | null {
  if (parseViDate(text)) return null;
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return "phải là một ngày theo dạng dd/mm/yyyy, ví dụ 05/07/2026";
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `là ngày không tồn tại: không có tháng ${mo}`;
  return `là ngày không tồn tại: tháng ${mo} năm ${y} có ${new Date(Date.UTC(y, mo, 0)).getUTCDate()} ngày, không có ngày ${d}`;
}

/** yyyy-mm-dd → dd/mm/yyyy */
export function formatDate(iso: string | null): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const OP_SIGN: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };

export function describeTarget(t: Target): string {
  if (t.op === "none") return "không có chỉ tiêu định lượng";
  if (t.op === "done") return t.text || "Hoàn thành";
  if (t.rank) return `trong nhóm ${t.value} đơn vị dẫn đầu (hạng ≤ ${t.value})`;
  const unit = t.unit ? (t.unit.startsWith("%") ? t.unit : ` ${t.unit}`) : "";
  const value = formatNumber(t.value ?? 0);
  if (t.op === "tăng" || t.op === "giảm") return `${t.op} ít nhất ${value}% so với ${t.baseYear ? `năm ${t.baseYear}` : "mức cơ sở"}`;
  const per = t.per ? ` mỗi ${t.per}` : "";
  if (t.upper !== null) return `từ ${value} đến ${formatNumber(t.upper)}${unit}${per}`;
  return `${OP_SIGN[t.op] ?? t.op} ${value}${unit}${per}`;
}

const KIND_LABEL: Record<Indicator["kind"], string> = {
  level: "mức (lấy số kỳ gần nhất)",
  cumulative: "cộng dồn trong năm",
  done: "hoàn thành/đạt",
  qualitative: "định tính",
};

export function describeKind(kind: Indicator["kind"]): string {
  return KIND_LABEL[kind];
}
