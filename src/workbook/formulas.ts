import { NAMES } from "./settings";

/**
 * The status rules of docs/rules.md as spreadsheet formulas: the same rules, in the same order, with the
 * same rounding as src/core/judge.ts. A row's cells are found through `at(key)`, so the standard sheet
 * and an official's own template (src/template) share every rule.
 */

export const NUMERIC_OPS = (op: string) => `OR(${op}=">=",${op}=">",${op}="<=",${op}="<",${op}="=",${op}="tăng",${op}="giảm")`;
export const AT_LEAST = (op: string) => `OR(${op}=">=",${op}=">",${op}="=")`;
export const RELATIVE = (op: string) => `OR(${op}="tăng",${op}="giảm")`;
const DATE_TEXT = (d: string) => `TEXT(DAY(${d}),"00")&"/"&TEXT(MONTH(${d}),"00")&"/"&YEAR(${d})`;

/** Nested IFs choosing among milestone cells by the milestone index (CHOOSE would turn blanks into 0). */
export function pick(mCell: string, cells: string[], blankAsEmpty: boolean): string {
  return nestedPick(mCell, blankAsEmpty ? cells.map((c) => `IF(${c}="","",${c})`) : cells);
}

/** IF(m=1,e1,IF(m=2,e2,...,eN)): the last expression when no earlier index matches. */
function nestedPick(mCell: string, exprs: string[]): string {
  const last = exprs.length - 1;
  return exprs.slice(0, last).reduceRight((f, e, k) => `IF(${mCell}=${k + 1},${e},${f})`, exprs[last] ?? '""');
}

/** Titles of the working cells the judging needs, the same on the standard sheet and beside an official's table. */
export const WORKING_TITLES = {
  dx: "Thời hạn đang xét",
  fx: "Tỷ lệ thời gian đã qua",
  expected: "Kỳ vọng theo lộ trình",
  m: "Mốc đang xét",
  opx: "So sánh đang xét",
  tx: "Chỉ tiêu đang xét",
  bx: "Mức xuất phát của lộ trình",
  sx: "Ngày bắt đầu lộ trình",
  met: "Đã đạt?",
} as const;

/** Each milestone's comparison, value and deadline columns: keys op1, t1, d1... and their titles. */
export function milestoneTitles(count: number): Array<[string, string]> {
  return Array.from({ length: count }, (_, k) => {
    const suffix = count > 1 ? ` (mốc ${k + 1})` : "";
    return [
      [`op${k + 1}`, `So sánh${suffix}`],
      [`t${k + 1}`, `Giá trị chỉ tiêu${suffix}`],
      [`d${k + 1}`, `Thời hạn${suffix}`],
    ] as Array<[string, string]>;
  }).flat();
}

/** The keys `judgeFormulas` computes; each needs a cell of its own, found through `at`. */
export const JUDGE_KEYS = ["m", "opx", "tx", "dx", "bx", "sx", "met", "fx", "expected", "ratio", "progress", "status", "reason"] as const;
export type JudgeKey = (typeof JUDGE_KEYS)[number];

/**
 * The judging of one row, from its value (`value`), baseline (`baseline`), evidence check (`evCheck`) and
 * milestones (`op1`, `t1`, `d1`, ...): which milestone applies, the roadmap, ratio, progress, status and
 * reason. `milestones` is the row's own count.
 */
export function judgeFormulas(at: (key: string) => string, milestones: number): Record<JudgeKey, string> {
  const M = Math.max(1, milestones);
  const ms = (key: string) => Array.from({ length: M }, (_, k) => at(`${key}${k + 1}`));
  let m = "1";
  if (M > 1) {
    m = String(M);
    for (let k = M - 1; k >= 1; k--) m = `IF(OR(${at(`d${k}`)}="",${NAMES.periodEnd}<=${at(`d${k}`)}),${k},${m})`;
  }
  const b1 = `IF(ISNUMBER(${at("baseline")}),${at("baseline")},0)`;
  const bases = [b1, ...Array.from({ length: M - 1 }, (_, k) => `IF(${NUMERIC_OPS(at(`op${k + 1}`))},${at(`t${k + 1}`)},${b1})`)];
  const starts = [`IF(${at("d1")}="","",DATE(YEAR(${at("d1")}),1,1))`, ...Array.from({ length: M - 1 }, (_, k) => `IF(${at(`d${k + 1}`)}="","",${at(`d${k + 1}`)}+1)`)];
  const pickExpr = (exprs: string[]) => nestedPick(at("m"), exprs);

  const A = at("value");
  const op = at("opx");
  const T = at("tx");
  const D = at("dx");
  // Relative targets ("Tăng 20% so với năm 2025") compare the change against the baseline cell.
  const BL = at("baseline");
  // IF, not AND: Excel's AND evaluates every argument, and ROUND of a text baseline would make the row #VALUE!.
  const hasBase = `IF(ISNUMBER(${BL}),ROUND(${BL},9)<>0,FALSE)`;
  const change = `IF(${op}="tăng",(${A}-${BL})/${BL},(${BL}-${A})/${BL})`;
  const absoluteMet = `OR(AND(${op}=">=",ROUND(${A}-${T},9)>=0),AND(${op}=">",ROUND(${A}-${T},9)>0),AND(${op}="<=",ROUND(${A}-${T},9)<=0),AND(${op}="<",ROUND(${A}-${T},9)<0),AND(${op}="=",ROUND(${A}-${T},9)=0))`;
  const met = `IF(AND(${NUMERIC_OPS(op)},ISNUMBER(${A})),IF(${RELATIVE(op)},IF(${hasBase},ROUND(${change}-${T},9)>=0,FALSE),${absoluteMet}),FALSE)`;
  const f = `IF(OR(${D}="",${at("sx")}=""),"",MAX(0,MIN(1,(${NAMES.periodEnd}-${at("sx")}+1)/(${D}-${at("sx")}+1))))`;
  const fx = at("fx");
  const expected = `IF(AND(${NUMERIC_OPS(op)},${fx}<>""),IF(${RELATIVE(op)},IF(${hasBase},IF(${op}="tăng",${BL}*(1+${T}*${fx}),${BL}*(1-${T}*${fx})),""),IF(${AT_LEAST(op)},${at("bx")}+(${T}-${at("bx")})*${fx},"")),"")`;
  const progress = `IF(AND(ISNUMBER(${A}),ISNUMBER(${at("expected")})),IF(${RELATIVE(op)},IF(ROUND(${T}*${fx},9)>0,${change}/(${T}*${fx}),""),IF(ROUND(${at("expected")}-${at("bx")},9)>0,(${A}-${at("bx")})/(${at("expected")}-${at("bx")}),"")),"")`;
  const ratio = `IF(AND(ISNUMBER(${A}),${NUMERIC_OPS(op)}),IF(${RELATIVE(op)},IF(AND(${hasBase},${T}<>0),${change}/${T},""),IF(${AT_LEAST(op)},IF(${T}<>0,${A}/${T},""),IF(${at("met")},1,IF(${A}<>0,${T}/${A},"")))),"")`;
  const due = `IF(${D}="",FALSE,${NAMES.periodEnd}>=${D})`;
  const invalid = `${at("evCheck")}="Không hợp lệ"`;
  const E = at("expected");
  const Pr = at("progress");
  const pct = (x: string) => `TEXT(${x},"0%")`;
  const noRoadmap = `OR(AND(NOT(${AT_LEAST(op)}),NOT(${RELATIVE(op)})),${E}="")`;
  // Before the roadmap starts: at or above the start for at-least targets, no worse than the baseline for relative ones.
  const aheadOfStart = `ROUND(IF(${RELATIVE(op)},${change},${A}-${E}),9)>=0`;
  const noBase = `AND(${RELATIVE(op)},NOT(${hasBase}))`;

  const numericStatus = `IF(NOT(ISNUMBER(${A})),"Cảnh báo",IF(${at("met")},"Đạt",IF(${due},"Không đạt",IF(${noRoadmap},"Chậm tiến độ",IF(${Pr}="",IF(${aheadOfStart},"Đúng tiến độ","Chậm tiến độ"),IF(ROUND(${Pr}-1,9)>=0,"Đúng tiến độ",IF(ROUND(${Pr}-${NAMES.warnThreshold},9)>=0,"Chậm tiến độ","Cảnh báo")))))))`;
  const doneStatus = `IF(OR(${A}="Hoàn thành",${A}="Đạt"),"Đạt",IF(${due},"Không đạt",IF(${A}="Đang triển khai","Đúng tiến độ","Chậm tiến độ")))`;
  const status = `IF(${A}="","Chưa có số liệu",IF(${noBase},"Chưa có số liệu",IF(${invalid},"Cảnh báo",IF(${NUMERIC_OPS(op)},${numericStatus},${doneStatus}))))`;

  const numericReason = `IF(NOT(ISNUMBER(${A})),"Giá trị không phải số",IF(${at("met")},"Đã đạt chỉ tiêu",IF(${due},"Quá hạn "&${DATE_TEXT(D)}&" mà chưa đạt",IF(${noRoadmap},"Chưa đạt, chưa đến hạn",IF(${Pr}="",IF(${aheadOfStart},"Chưa đến mốc lộ trình","Thấp hơn mức xuất phát"),IF(ROUND(${Pr}-${NAMES.warnThreshold},9)>=0,"Đạt "&${pct(Pr)}&" lộ trình","Dưới "&${pct(NAMES.warnThreshold)}&" lộ trình (đạt "&${pct(Pr)}&")"))))))`;
  const doneReason = `IF(OR(${A}="Hoàn thành",${A}="Đạt"),"Đã hoàn thành",IF(${due},"Quá hạn "&${DATE_TEXT(D)}&" mà chưa hoàn thành",IF(${A}="Đang triển khai","Đang triển khai","Chưa hoàn thành")))`;
  const reason = `IF(${A}="","Chưa nhập số liệu đến kỳ này",IF(${noBase},"Chưa có mức cơ sở để so sánh: nhập cột Hiện trạng",IF(${invalid},"Minh chứng không hợp lệ",IF(${NUMERIC_OPS(op)},${numericReason},${doneReason}))))`;

  return {
    m,
    opx: pick(at("m"), ms("op"), false),
    tx: pick(at("m"), ms("t"), false),
    dx: pick(at("m"), ms("d"), true),
    bx: pickExpr(bases),
    sx: pickExpr(starts),
    met,
    fx: f,
    expected,
    progress,
    ratio,
    status,
    reason,
  };
}
