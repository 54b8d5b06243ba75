import { describeKind, describeTarget } from "../core/format";
import type { Report } from "../core/judge";
import { EVIDENCE_CHECKS, baselineOf, isPercent, isRelative, milestonesOf } from "../core/judge";
import { periodColumns } from "../core/period";
import { groupLabel, type Indicator } from "../core/plan";
import type { WorkbookSettings } from "./settings";
import { NAMES } from "./settings";
import type { Cell, SheetSpec, Validation } from "./spec";
import { addr, cellAt, colLetter, dateSerial, emptySheet, rangeAddr, rowHeight, setCell } from "./spec";
import { WORKING_TITLES, judgeFormulas, milestoneTitles } from "./formulas";
import { DATA_BAR, GROUP_FILL, HEADER_COLOR, HEADER_FILL, INPUT_FILL, STATUS_STYLE } from "./theme";

export const INDICATOR_SHEET = "Chỉ tiêu";
export const HEADER_ROW = 4;
/** A hidden row above the header numbers the period columns, for SUMIF over the periods reported so far. */
export const SLOT_ROW = 3;

/** What officials entered for an indicator, as the sheet holds it. */
export interface IndicatorEntry extends Report {
  evidenceNumber?: string | null;
  evidenceDate?: string | null;
  evidenceSummary?: string | null;
  note?: string | null;
}

interface Col {
  key: string;
  header: string;
  width: number;
  hidden: boolean;
}

/** The column plan of the indicator sheet; formulas refer to columns by key. */
export class IndicatorColumns {
  readonly list: Col[] = [];
  constructor(
    readonly milestones: number,
    readonly periods: string[],
  ) {
    const add = (key: string, header: string, width: number, hidden = false) => this.list.push({ key, header, width, hidden });
    // What a leader reads comes first and is the print area; the detail and evidence columns follow.
    add("code", "Mã", 8);
    add("name", "Nội dung chỉ tiêu", 42);
    add("unit", "Đơn vị tính", 8);
    add("targetText", "Chỉ tiêu theo văn bản", 14);
    add("dx", WORKING_TITLES.dx, 11);
    periods.forEach((p, k) => add(`p${k + 1}`, p, periods.length > 4 ? 7 : 9));
    add("value", "Giá trị báo cáo", 10);
    add("trend", "Xu hướng", 8);
    add("ratio", "Tỷ lệ đạt so với chỉ tiêu", 9);
    add("progress", "Tiến độ so với lộ trình", 10);
    add("status", "Trạng thái", 14);
    add("reason", "Lý do", 26);
    add("lead", "Đơn vị chủ trì", 16);
    add("partners", "Đơn vị phối hợp", 18);
    add("baseline", "Hiện trạng (mức xuất phát)", 11);
    add("num", "Tử số", 9);
    add("den", "Mẫu số", 9);
    add("evNumber", "Số văn bản minh chứng", 14);
    add("evDate", "Ngày minh chứng", 11);
    add("evSummary", "Tóm tắt minh chứng", 24);
    add("evCheck", "Thẩm định minh chứng", 13);
    add("note", "Ghi chú", 20);
    add("group", "Nhóm", 18);
    add("kind", "Cách tính", 12);
    const widths: Record<string, number> = { op: 8, t: 10, d: 11 };
    for (const [key, title] of milestoneTitles(milestones)) add(key, title, widths[key.replace(/\d+$/, "")] ?? 10);
    add("fx", WORKING_TITLES.fx, 9);
    add("expected", WORKING_TITLES.expected, 10);
    add("source", "Nguồn số liệu", 20);
    add("latest", "Kỳ báo cáo gần nhất", 6, true);
    add("previous", "Kỳ báo cáo trước đó", 6, true);
    for (const key of ["m", "opx", "tx", "bx", "sx", "met"] as const) add(key, WORKING_TITLES[key], 6, true);
  }
  index(key: string): number {
    const i = this.list.findIndex((c) => c.key === key);
    if (i < 0) throw new Error(`no column ${key}`);
    return i + 1;
  }
  letter(key: string): string {
    return colLetter(this.index(key));
  }
}

/** The formulas of one indicator row: the value from the period columns, then the judging of ./formulas.ts. */
export function rowFormulas(c: IndicatorColumns, r: number, cumulative: boolean, milestoneCount: number): Record<string, string> {
  const L = (key: string) => `${c.letter(key)}${r}`;
  const P = c.periods.length;
  const slot = (s: number) => L(`p${s}`);
  const periodRange = `${L("p1")}:${L(`p${P}`)}`;
  const soKy = NAMES.slotsCovered;

  let latest = `IF(${slot(1)}<>"",1,0)`;
  for (let s = 2; s <= P; s++) latest = `IF(AND(${soKy}>=${s},${slot(s)}<>""),${s},${latest})`;
  let previous = `IF(AND(${L("latest")}>1,${slot(1)}<>""),1,0)`;
  for (let s = 2; s <= P; s++) previous = `IF(AND(${L("latest")}>${s},${slot(s)}<>""),${s},${previous})`;

  const slotRow = `$${c.letter("p1")}$${SLOT_ROW}:$${c.letter(`p${P}`)}$${SLOT_ROW}`;
  const base = cumulative ? `SUMIF(${slotRow},"<="&${soKy},${periodRange})` : `INDEX(${periodRange},1,${L("latest")})`;
  const value = `IF(AND(ISNUMBER(${L("num")}),ISNUMBER(${L("den")}),${L("den")}<>0),${L("num")}/${L("den")},IF(${L("latest")}=0,"",${base}))`;

  const at = (k: string) => `INDEX(${periodRange},1,${L(k)})`;
  const trend = `IF(${L("previous")}=0,"",IF(AND(ISNUMBER(${at("latest")}),ISNUMBER(${at("previous")})),IF(${at("latest")}>${at("previous")},"Tăng",IF(${at("latest")}<${at("previous")},"Giảm","Không đổi")),""))`;

  // Only the row's own milestones: a plan whose other rows have more leaves the extra cells blank.
  const M = Math.max(1, Math.min(milestoneCount, c.milestones));
  return { latest, previous, value, trend, ...judgeFormulas(L, M) };
}

function percentFormat(indicator: Indicator): string {
  return indicator.targets.some((t) => t.value !== null && !Number.isInteger(t.value)) ? "0.0%" : "0%";
}

type RowRule = "percent" | "count" | "number" | "word" | "mixed";

function ruleOf(indicator: Indicator): RowRule {
  const numeric = indicator.targets.filter((t) => t.value !== null).length;
  if (numeric === 0) return "word";
  if (numeric < indicator.targets.length) return "mixed";
  if (isPercent(indicator)) return "percent";
  // Counts of sessions, platforms or models are whole; other units (a rank, an amount) may not be.
  return indicator.targets.every((t) => t.value === null || Number.isInteger(t.value)) && !indicator.targets.some((t) => t.rank) ? "count" : "number";
}

const PROGRESS_LIST = "DS_TienDo";

function validationFor(rule: RowRule, firstCell: string): Validation {
  switch (rule) {
    case "percent":
      return {
        type: "decimal",
        min: 0,
        max: 1,
        title: "Tỷ lệ phần trăm",
        message: "Nhập tỷ lệ từ 0% đến 100%: gõ 95 hoặc 95% đều được 95%. Khi dán số từ nơi khác, 95 thành 9500%: hãy dán 0,95 hoặc 95%.",
      };
    case "count":
      return { type: "whole", min: 0, max: null, title: "Số lượng", message: "Nhập một số nguyên không âm, ví dụ 10." };
    case "number":
      return { type: "decimal", min: 0, max: null, title: "Số liệu", message: "Nhập một số không âm." };
    case "word":
      return { type: "list", source: PROGRESS_LIST, title: "Tiến độ", message: "Chọn: Chưa triển khai, Đang triển khai, Hoàn thành, Đạt hoặc Không đạt." };
    case "mixed":
      return {
        type: "custom",
        formula: `OR(ISNUMBER(${firstCell}),COUNTIF(${PROGRESS_LIST},${firstCell})>0)`,
        title: "Số liệu",
        message: "Nhập một tỷ lệ (ví dụ 60%) hoặc một từ tiến độ: Chưa triển khai, Đang triển khai, Hoàn thành.",
      };
  }
}

export interface IndicatorSheetLayout {
  columns: IndicatorColumns;
  /** Sheet row of each indicator, by id. */
  rowOf: Map<string, number>;
  firstRow: number;
  lastRow: number;
}

const isoOrNull = (d: string | null | undefined) => (d ? { v: dateSerial(d), fmt: "dd/mm/yyyy" } : {});

export function buildIndicatorSheet(indicators: Indicator[], settings: WorkbookSettings, entries: Map<string, IndicatorEntry>, planTitle = ""): { sheet: SheetSpec; layout: IndicatorSheetLayout } {
  const sheet = emptySheet(INDICATOR_SHEET);
  const periods = periodColumns(settings.frequency);
  const M = Math.max(1, ...indicators.map((i) => i.targets.length));
  const cols = new IndicatorColumns(M, periods);
  const last = cols.list.length;
  const L = (key: string) => cols.index(key);

  setCell(sheet, 1, 1, { f: `"BÁO CÁO CHỈ TIÊU CHUYỂN ĐỔI SỐ — "&UPPER(${NAMES.unit})` });
  setCell(sheet, 2, 1, { f: `${NAMES.planTitle}&" — Kỳ báo cáo: "&${NAMES.periodLabel}` });
  // Titles are merged over the printed columns (to "Đơn vị chủ trì") and the plan's long title wraps: paper never cuts them.
  const printed = L("lead");
  sheet.merges.push(rangeAddr(1, 1, printed, 1), rangeAddr(1, 2, printed, 2));
  sheet.styles.push({ range: rangeAddr(1, 1, printed, 1), style: { bold: true, size: 14, color: HEADER_FILL } });
  sheet.styles.push({ range: rangeAddr(1, 2, printed, 2), style: { italic: true, wrap: true, vAlign: "top" } });
  sheet.rowHeights[2] = rowHeight([[`${planTitle} — Kỳ báo cáo: 6 tháng đầu năm ${settings.period.year}`, cols.list.slice(0, printed).reduce((w, c) => w + (c.hidden ? 0 : c.width), 0) * 0.9]]);
  periods.forEach((_, k) => setCell(sheet, SLOT_ROW, L(`p${k + 1}`), { v: k + 1 }));
  sheet.hiddenRows.push(SLOT_ROW);
  cols.list.forEach((c, k) => setCell(sheet, HEADER_ROW, k + 1, { v: c.header }));
  sheet.columns = cols.list.map((c) => ({ width: c.width, hidden: c.hidden }));
  sheet.styles.push({ range: rangeAddr(1, HEADER_ROW, last, HEADER_ROW), style: { bold: true, fill: HEADER_FILL, color: HEADER_COLOR, wrap: true, vAlign: "middle", hAlign: "center", border: true } });

  const rowOf = new Map<string, number>();
  let r = HEADER_ROW;
  let group: string | null = null;
  const validationRuns: Array<{ rule: RowRule; from: number; to: number }> = [];
  for (const ind of indicators) {
    const label = groupLabel(ind);
    if (label !== group) {
      group = label;
      if (label) {
        r++;
        setCell(sheet, r, 1, { v: label });
        sheet.merges.push(rangeAddr(1, r, 4, r));
        sheet.styles.push({ range: rangeAddr(1, r, last, r), style: { bold: true, fill: GROUP_FILL } });
      }
    }
    r++;
    rowOf.set(ind.id, r);
    const percent = isPercent(ind);
    const pf = percentFormat(ind);
    const numFmt = percent ? pf : "General";
    const put = (key: string, cell: Cell) => setCell(sheet, r, L(key), cell);
    put("code", { v: ind.id });
    put("group", { v: label });
    put("name", { v: ind.name });
    put("unit", { v: ind.unit ?? "" });
    put("targetText", { v: ind.targets.map((t) => (ind.targets.length > 1 && t.year ? `${t.year}: ` : "") + (t.text || describeTarget(t))).join("; ") });
    put("kind", { v: describeKind(ind.kind) });
    const milestones = milestonesOf(ind);
    for (let m = 1; m <= M; m++) {
      const ms = milestones[m - 1];
      if (!ms) continue;
      put(`op${m}`, { v: ms.op });
      put(`t${m}`, ms.value === null ? {} : { v: ms.value, fmt: isRelative(ms.op) ? "0%" : numFmt });
      put(`d${m}`, isoOrNull(ms.deadline));
    }
    const entry = entries.get(ind.id);
    const baseline = entry?.baseline ?? baselineOf(ind);
    put("baseline", baseline === null ? { fmt: numFmt } : { v: baseline, fmt: numFmt });
    periods.forEach((_, k) => {
      const v = entry?.periods[k];
      put(`p${k + 1}`, v === null || v === undefined ? { fmt: numFmt } : { v, fmt: numFmt });
    });
    put("num", entry?.numerator != null ? { v: entry.numerator } : {});
    put("den", entry?.denominator != null ? { v: entry.denominator } : {});
    const formulas = rowFormulas(cols, r, ind.kind === "cumulative", milestones.length);
    for (const [key, f] of Object.entries(formulas)) put(key, { f });
    const at = (key: string) => cellAt(sheet, r, L(key));
    at("value").fmt = numFmt;
    at("expected").fmt = numFmt;
    at("dx").fmt = "dd/mm/yyyy";
    at("sx").fmt = "dd/mm/yyyy";
    for (const key of ["fx", "ratio", "progress"]) at(key).fmt = "0%";
    put("lead", { v: ind.lead ?? "" });
    put("partners", { v: ind.partners ?? "" });
    put("evNumber", entry?.evidenceNumber ? { v: entry.evidenceNumber } : {});
    put("evDate", isoOrNull(entry?.evidenceDate));
    if (!entry?.evidenceDate) put("evDate", { fmt: "dd/mm/yyyy" });
    put("evSummary", entry?.evidenceSummary ? { v: entry.evidenceSummary } : {});
    put("evCheck", entry?.evidence ? { v: entry.evidence } : {});
    // The note cell is the officials' once written: carried over as it stands, the document's note only to start with.
    put("note", { v: entry?.note ?? ind.note ?? "" });
    put("source", { v: ind.source ?? "" });

    sheet.rowHeights[r] = rowHeight([
      [ind.name, 42],
      [ind.lead ?? "", 16],
      [String(at("targetText").v ?? ""), 14],
      [ind.partners ?? "", 18],
    ]);
    const rule = ruleOf(ind);
    const run = validationRuns[validationRuns.length - 1];
    if (run && run.rule === rule && run.to === r - 1) run.to = r;
    else validationRuns.push({ rule, from: r, to: r });
  }
  const first = HEADER_ROW + 1;
  const lastRow = Math.max(r, first);

  // Input cells: baseline, period values, numerator/denominator, evidence and notes.
  const inputCols = ["baseline", ...periods.map((_, k) => `p${k + 1}`), "num", "den", "evNumber", "evDate", "evSummary", "evCheck", "note"];
  for (const [from, to] of runsOf(inputCols.map(L))) sheet.inputs.push(rangeAddr(from, first, to, lastRow));
  for (const range of sheet.inputs) sheet.styles.push({ range, style: { fill: INPUT_FILL } });
  for (const run of validationRuns) {
    const periodRange = rangeAddr(L("p1"), run.from, L(`p${periods.length}`), run.to);
    sheet.validations.push({ range: periodRange, rule: validationFor(run.rule, addr(L("p1"), run.from)) });
    sheet.validations.push({ range: rangeAddr(L("baseline"), run.from, L("baseline"), run.to), rule: validationFor(run.rule, addr(L("baseline"), run.from)) });
  }
  sheet.validations.push({
    range: rangeAddr(L("num"), first, L("den"), lastRow),
    rule: { type: "decimal", min: 0, max: null, title: "Tử số, mẫu số", message: "Nhập số không âm; khi có cả hai, giá trị báo cáo là tử số chia mẫu số." },
  });
  sheet.validations.push({ range: rangeAddr(L("evDate"), first, L("evDate"), lastRow), rule: { type: "date", title: "Ngày minh chứng", message: "Nhập ngày theo dạng dd/mm/yyyy." } });
  sheet.validations.push({
    range: rangeAddr(L("evCheck"), first, L("evCheck"), lastRow),
    rule: { type: "list", source: "DS_ThamDinh", title: "Thẩm định minh chứng", message: `Chọn: ${EVIDENCE_CHECKS.join(", ")}.` },
  });

  // Colours travel with the file: native conditional formats on the status cell and the row's key cells.
  const status = `$${cols.letter("status")}${first}`;
  for (const [s, style] of Object.entries(STATUS_STYLE)) {
    for (const key of ["code", "name", "value", "status"]) {
      sheet.conditionalFormats.push({ range: rangeAddr(L(key), first, L(key), lastRow), formula: `${status}="${s}"`, fill: style.fill, color: style.color });
    }
  }

  // Ratio and roadmap progress read at a glance in any spreadsheet, even one that draws no chart: 0% to 100%.
  sheet.dataBars = ["ratio", "progress"].map((key) => ({ range: rangeAddr(L(key), first, L(key), lastRow), color: DATA_BAR, min: 0, max: 1 }));
  sheet.styles.push({ range: rangeAddr(1, first, last, lastRow), style: { vAlign: "top", border: true } });
  for (const key of ["name", "targetText", "reason", "lead", "partners", "evSummary", "note", "source", "group"]) {
    sheet.styles.push({ range: rangeAddr(L(key), first, L(key), lastRow), style: { wrap: true } });
  }
  sheet.styles.push({ range: rangeAddr(L("status"), first, L("status"), lastRow), style: { bold: true, hAlign: "center" } });
  sheet.rowHeights[HEADER_ROW] = 45;
  sheet.freeze = { rows: HEADER_ROW, columns: 2 };
  sheet.print = { landscape: true, repeatRows: [HEADER_ROW, HEADER_ROW], area: rangeAddr(1, 1, L("lead"), lastRow) };
  sheet.tabColor = HEADER_FILL;
  return { sheet, layout: { columns: cols, rowOf, firstRow: first, lastRow } };
}

/** Consecutive column indexes as [from, to] runs. */
export function runsOf(indexes: number[]): Array<[number, number]> {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const i of sorted) {
    const lastRun = runs[runs.length - 1];
    if (lastRun && lastRun[1] === i - 1) lastRun[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}
