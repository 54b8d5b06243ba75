import type { IndicatorKind, Target, TargetOp } from "./plan";
import { cleanLine, fold } from "./text/clean";
import { describeTarget, formatNumber } from "./format";
import { digitsForWords, wholeWords } from "./text/numberWords";
import { parseViNumber } from "./text/numbers";

/**
 * The target grammar of docs/rules.md ("Reading a target"): comparison words and symbols, Vietnamese numbers, units,
 * ranges, ranks, yes/done words and text milestones.
 */

/** Count nouns that make a number a target in prose ("10 buổi/năm", "ít nhất 01 cuộc thi"). */
const COUNT_UNITS = [
  "cuộc thi",
  "lớp học",
  "tin bài",
  "hội nghị",
  "chuyên đề",
  "mô hình",
  "nền tảng",
  "sáng kiến",
  "sản phẩm",
  "tuyến phố",
  "hệ thống",
  "ứng dụng",
  "đơn vị",
  "doanh nghiệp",
  "hộ",
  "người",
  "buổi",
  "lớp",
  "lần",
  "đợt",
  "khóa",
  "bài",
  "tin",
  "điểm",
  "cuộc",
  "văn bản",
  "kế hoạch",
  "lượt",
  "camera",
  "tài khoản",
  "thiết bị",
  "điểm truy cập",
  "hồ sơ",
  "thủ tục",
].sort((a, b) => b.length - a.length);

/** Counts that add up within a year: reports are summed, not replaced. */
const CUMULATIVE_UNITS = ["buổi", "lớp", "lớp học", "cuộc thi", "cuộc", "lần", "đợt", "khóa", "hội nghị", "tin bài", "bài", "tin", "chuyên đề", "lượt"];

const DONE_WORDS = /^(dat|hoan thanh|co|duy tri|on dinh|thi diem|hinh thanh|ket noi|trien khai|xay dung|van hanh|ban hanh|da |co\b)/;

export interface TargetReading {
  target: Target;
  /** Where the text had more than one target, the rest (the caller may split the row). */
  others: Target[];
  /** A reason the text was not fully understood, for a warning. */
  problem: string | null;
  /** What was assumed to read it, for "cần xem lại" (a target in words, a whole read as 100%...). */
  review?: string | null;
  /** Read as done although the row measures a rate or a count: doubtful unless another milestone has a number. */
  doneOnMeasuredRow?: boolean;
}

export const doneOnMeasuredReview = (text: string): string => `Dòng đo bằng số (tỷ lệ, số lượng) nhưng chỉ tiêu "${text}" không có số; đã hiểu là hoàn thành/đạt`;

interface NumberHit {
  /** Written with a thousands dot ("2.000"): a number, never a year. */
  grouped?: boolean;
  start: number;
  end: number;
  value: number;
  upper: number | null;
  percent: boolean;
  unit: string | null;
  op: TargetOp;
  rank: boolean;
}

// A number not glued to letters or to date/reference separators (5G, 1Gb/s, 15/02/2026, 57-NQ).
// A hyphen before digits is a range ("70-80%") unless a date or reference follows ("15-02-2026").
const NUMBER = /(?<![\p{L}\d.,/])(\d{1,3}(?:\.\d{3})+(?![\d])|\d+(?:[.,]\d+)?)(?![\p{L}\d]|[/.]\d|-\d+[/.-]\d|-\p{L})/gu;

function comparatorBefore(prefix: string): TargetOp | null {
  const p = fold(prefix).replace(/\s+/g, " ");
  const checks: Array<[RegExp, TargetOp]> = [
    [/(>=|=>|≥|⩾)\s*$/, ">="],
    [/(<=|=<|≤|⩽)\s*$/, "<="],
    [/>\s*$/, ">"],
    [/<\s*$/, "<"],
    [/(khong vuot qua|khong qua|khong vuot|khong cao hon|khong lon hon|khong nhieu hon|toi da|nhieu nhat)( la| dat| o muc| muc)?\s*:?\s*$/, "<="],
    [/(toi thieu|it nhat|khong duoi|khong thap hon|khong it hon)( la| dat| o muc| muc)?\s*:?\s*$/, ">="],
    [/\btu\s*$/, ">="],
    [/\b(tren|hon|vuot|cao hon|lon hon|nhieu hon)\s*$/, ">"],
    [/\b(duoi|it hon|thap hon|nho hon)\s*$/, "<"],
  ];
  for (const [re, op] of checks) if (re.test(p)) return op;
  return null;
}

function readUnitAfter(rest: string): { unit: string | null; length: number } {
  const m = /^\s*(%|phần trăm)(\s*\/\s*(năm|quý|tháng))?/iu.exec(rest);
  if (m) return { unit: m[2] ? `%/${m[3]}` : "%", length: m[0].length };
  const lower = rest.toLowerCase();
  for (const u of COUNT_UNITS) {
    const re = new RegExp(`^\\s*(${u})(?![\\p{L}])(\\s*\\/\\s*(năm|quý|tháng))?`, "iu");
    const um = re.exec(lower);
    if (um)
      return {
        unit: rest
          .slice(um.index, um.index + um[0].length)
          .trim()
          .replace(/\s*\/\s*/, "/"),
        length: um[0].length,
      };
  }
  return { unit: null, length: 0 };
}

function findNumbers(text: string): NumberHit[] {
  const hits: NumberHit[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastEnd = 0;
  while ((m = NUMBER.exec(text))) {
    // The top of a range ("70-80%") was read with its bottom.
    if (m.index < lastEnd) continue;
    const digits = m[1]!;
    const value = parseViNumber(digits);
    if (value === null) continue;
    const start = m.index;
    let end = start + m[0].length;
    const unitRead = readUnitAfter(text.slice(end));
    let unit = unitRead.unit;
    end += unitRead.length;
    let upper: number | null = null;
    const range = /^\s*(?:-|–|—|đến|tới)\s*(\d{1,3}(?:\.\d{3})+|\d+(?:[.,]\d+)?)(?![\p{L}\d])/iu.exec(text.slice(end));
    if (range) {
      const top = parseViNumber(range[1]!);
      if (top !== null && top > value) {
        upper = top;
        end += range[0].length;
        const after = readUnitAfter(text.slice(end));
        if (after.unit) {
          unit = unit ?? after.unit;
          end += after.length;
        }
      }
    }
    const prefix = text.slice(Math.max(0, start - 40), start);
    let op = comparatorBefore(prefix) ?? ">=";
    const suffix = fold(text.slice(end, end + 30));
    if (/^[^;.]{0,30}?\btro len\b/.test(suffix)) op = ">=";
    if (/^[^;.]{0,30}?\btro xuong\b/.test(suffix)) op = "<=";
    lastEnd = end;
    hits.push({ start, end, value, upper, percent: unit?.startsWith("%") ?? false, unit, op, rank: false, grouped: /^\d{1,3}(\.\d{3})+$/.test(digits) });
  }
  return hits;
}

function rankTarget(text: string): NumberHit | null {
  const f = fold(text);
  const m = /(trong|thuoc)\s+(nhom|top)\s+(\d+)|\btop\s+(\d+)|xep hang\s+(?:thu\s+)?(?:tu\s+)?(\d+)\s+tro len|xep hang[^;.]*?\b(?:thu|hang)\s+(\d+)\b/.exec(f);
  if (!m) return null;
  const n = Number(m[3] ?? m[4] ?? m[5] ?? m[6]);
  if (!Number.isFinite(n) || n <= 0) return null;
  return { start: m.index, end: m.index + m[0].length, value: n, upper: null, percent: false, unit: "hạng", op: "<=", rank: true };
}

function isYearLike(hit: NumberHit): boolean {
  return !hit.grouped && !hit.percent && !hit.unit && Number.isInteger(hit.value) && hit.value >= 1900 && hit.value <= 2200;
}

function toTarget(hit: NumberHit, text: string, year: number | null, deadline: string | null): Target {
  return {
    year,
    deadline,
    op: hit.op,
    value: hit.value,
    upper: hit.upper,
    unit: hit.unit,
    ...(hit.rank ? { rank: true } : {}),
    text,
  };
}

export interface TargetContext {
  year: number | null;
  deadline: string | null;
  /** The document's unit column ("%", "Đạt", "KQ"), which tells how to read a bare number. */
  unitColumn?: string | null;
  /** The row's wording: a "Tỷ lệ ..." or "Số ..." row measures something, so a target read as "Đạt" is doubtful. */
  name?: string | null;
}

export function noTarget(ctx: TargetContext, text = ""): Target {
  return { year: ctx.year, deadline: ctx.deadline, op: "none", value: null, upper: null, unit: null, text };
}

const unitAhead = (rest: string): boolean => rest.startsWith("%") || readUnitAfter(rest).unit !== null;

/** True when the row measures a rate or a count, so its target should be a number. */
export function measuredRow(ctx: TargetContext): boolean {
  const unit = fold(cleanLine(ctx.unitColumn ?? ""));
  const name = fold(cleanLine(ctx.name ?? ""));
  if (unit === "%" || /^(ty le|so luong|so |muc do bao phu)/.test(name)) return true;
  return unit !== "" && !/^(dat|kq|ket qua|muc do|giai doan|hoan thanh|co\/khong|co)$/.test(unit);
}

/** "Tăng 20% so với năm 2025", "Giảm 50% so với cùng kỳ": the change against a baseline, in percent. */
function relativeTarget(text: string, ctx: TargetContext): Target | null {
  const f = fold(text);
  const m = /^(?:phan dau\s+)?(tang|giam)(?:\s+(?:them|it nhat|toi thieu|tren|duoi|khoang))?\s+(\d+(?:[.,]\d+)?)\s*%(?!\s*\/)/.exec(f);
  if (!m) return null;
  const value = parseViNumber(m[2]!);
  if (value === null) return null;
  const base = /so voi(?:\s+(?:nam|cuoi nam|ca nam))?\s+((?:19|20)\d\d)/.exec(f);
  return {
    year: ctx.year,
    deadline: ctx.deadline,
    op: m[1] === "tang" ? "tăng" : "giảm",
    value,
    upper: null,
    unit: "%",
    text,
    ...(base ? { baseYear: Number(base[1]) } : {}),
  };
}

/** Reads a target cell: the whole text is the target ("≥ 80%", "100", "Đạt", "Hoàn thành giai đoạn 1"). */
export function parseTargetCell(raw: string, ctx: TargetContext): TargetReading {
  const text = cleanLine(raw)
    .replace(/[.;]+$/, "")
    .trim();
  if (!text || /^[-–—.…x]+$/i.test(text)) return { target: noTarget(ctx, text), others: [], problem: null };
  const f = fold(text);
  const rank = rankTarget(text);
  if (rank) return { target: toTarget(rank, text, ctx.year, ctx.deadline), others: [], problem: null };
  const relative = relativeTarget(text, ctx);
  if (relative) {
    const against = relative.baseYear ? `năm ${relative.baseYear}` : "mức cơ sở";
    return {
      target: relative,
      others: [],
      problem: null,
      review: `Chỉ tiêu tương đối: ${relative.op} ${formatNumber(relative.value!)}% so với ${against}; được chấm theo mức cơ sở ở cột "Hiện trạng"`,
    };
  }
  const whole = wholeWords(text);
  if (whole !== null) {
    const target: Target = { year: ctx.year, deadline: ctx.deadline, op: ">=", value: whole, upper: null, unit: "%", text };
    return { target, others: [], problem: null, review: `"${text}" được hiểu là ≥ ${whole}%` };
  }
  if (/^khong (co|de|con|phat sinh)\b/.test(f) && !/\d/.test(f)) {
    const target: Target = { year: ctx.year, deadline: ctx.deadline, op: "<=", value: 0, upper: null, unit: null, text };
    return { target, others: [], problem: null, review: `"${text}" được hiểu là không quá 0` };
  }
  const startsDone = DONE_WORDS.test(f) && !/^(dat|co)\s*(:|tu|tren|toi thieu|it nhat)?\s*\d/.test(f);
  let reading = startsDone ? [] : findNumbers(text).filter((h) => !isYearLike(h));
  let review: string | null = null;
  let source = text;
  if (reading.length === 0 && !startsDone) {
    const digits = digitsForWords(text, unitAhead);
    const spelled = digits === text ? [] : findNumbers(digits).filter((h) => !isYearLike(h) && h.unit !== null);
    if (spelled.length) {
      reading = spelled;
      source = digits;
      review = `Chỉ tiêu viết bằng chữ "${text}" được đọc là ${describeTarget(toTarget(spelled[0]!, text, null, null))}`;
    }
  }
  const hits = reading;
  const first = hits[0];
  if (first === undefined) {
    if (/\d/.test(text) && !startsDone && !/[\p{L}]{3,}/u.test(text)) {
      return { target: noTarget(ctx, text), others: [], problem: `Không đọc được chỉ tiêu "${text}"` };
    }
    const done: Target = { ...noTarget(ctx, text), op: "done" };
    return { target: done, others: [], problem: null, doneOnMeasuredRow: measuredRow(ctx) && !/\d/.test(text) };
  }
  const unitColumn = ctx.unitColumn ? cleanLine(ctx.unitColumn) : "";
  if (!first.unit && unitColumn === "%") first.unit = "%";
  const target = toTarget(first, text, ctx.year, ctx.deadline);
  const per = /(?:^|\s)m[ỗo]i\s+([\p{L}]+(?:\s+[\p{L}]+)?)\s+\d/iu.exec(source);
  if (per) target.per = per[1]!.toLowerCase();
  const others = hits.slice(1).map((h) => toTarget(h, text, ctx.year, ctx.deadline));
  return {
    target,
    others,
    problem: others.length ? `Ô chỉ tiêu "${text}" có nhiều giá trị; đã lấy giá trị đầu tiên` : null,
    review,
  };
}

export interface ProseTarget {
  target: Target;
  /** Offsets of the target phrase inside the sentence. */
  start: number;
  end: number;
}

/**
 * Finds the targets inside a sentence of prose ("Tỷ lệ ... đạt từ 60% dân số trở lên."). Only
 * percentages, counts with a known unit and ranks are targets: "tốc độ 01 Gbps", "mức 2",
 * document numbers and dates are not.
 */
export function findProseTargets(sentence: string, ctx: TargetContext): ProseTarget[] {
  const out: ProseTarget[] = [];
  const rank = rankTarget(sentence);
  if (rank) out.push({ target: toTarget(rank, phraseAround(sentence, rank), ctx.year, ctx.deadline), start: rank.start, end: rank.end });
  for (const hit of findNumbers(sentence)) {
    if (!hit.unit || isYearLike(hit)) continue;
    if (rank && hit.start >= rank.start && hit.start < rank.end) continue;
    out.push({ target: toTarget(hit, phraseAround(sentence, hit), ctx.year, ctx.deadline), start: hit.start, end: hit.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The words that state the target: the comparison word(s) before the number and "trở lên" after. */
function phraseAround(sentence: string, hit: { start: number; end: number }): string {
  const before = sentence.slice(0, hit.start);
  const lead = /((?:đạt\s+)?(?:không vượt quá|không quá|tối thiểu|tối đa|ít nhất|không dưới|từ|trên|dưới|hơn|giảm|≥|≤|>=|<=|>|<)\s*)$/iu.exec(before);
  const start = lead ? hit.start - lead[1]!.length : hit.start;
  const after = sentence.slice(hit.end);
  const tail = /^([^;.,]{0,25}?trở (?:lên|xuống))/iu.exec(after);
  const end = tail ? hit.end + tail[1]!.length : hit.end;
  return sentence.slice(start, end).trim();
}

export function kindOf(targets: Target[]): IndicatorKind {
  const numeric = targets.find((t) => t.value !== null);
  if (numeric) {
    const unit = (numeric.unit ?? "").toLowerCase();
    if (unit.startsWith("%") || numeric.rank) return "level";
    if (/\/(năm|quý|tháng)$/.test(unit)) return "cumulative";
    if (CUMULATIVE_UNITS.some((u) => unit === u)) return "cumulative";
    return "level";
  }
  if (targets.some((t) => t.op === "done")) return "done";
  return "qualitative";
}
