import type { Cell, ConditionalFormat, SheetSpec, Style, Validation, WorkbookSpec } from "../workbook/spec";
import { colLetter, cutLongText } from "../workbook/spec";
import { UserFacingError } from "../core/userFacingError";

/**
 * Renders the workbook description inside Excel with Office.js. Work is queued and sent in batches whose
 * number does not grow with the plan: a load of N indicators costs three context.sync calls (see
 * renderToExcel). Sheets with the same names are kept, renamed, never deleted.
 */

export interface RenderOptions {
  /** Office.context.requirements.isSetSupported("ExcelApi", version), injected for tests. */
  supports: (version: string) => boolean;
  /** Where the summary chart reads from (labels and counts side by side on the summary sheet) and the cells it covers. */
  chart?: { sheet: string; labels: string; values: string; at: [string, string] } | null;
}

export interface RenderResult {
  /** Old sheets renamed to make room, e.g. "Chỉ tiêu" → "Chỉ tiêu (cũ 1)"; `hidden` for the workbook's own hidden sheet, never named to users. */
  renamed: Array<{ from: string; to: string; hidden?: boolean }>;
  /** Cells whose text was longer than Excel allows, cut and said (see cutLongText). */
  cut: string[];
  /** Finishing touches Excel refused (the workbook is complete without them), for the user. */
  skipped: string[];
  /** Outside Excel: the name of the file the workbook was downloaded as. */
  file?: string;
  syncs: number;
}

/** Character widths (as in the description) to points: Excel's default font is about 7 px a character. */
const toPoints = (chars: number): number => Math.round(chars * 7 * 0.75 + 5);

/** A cell as Office.js `range.formulas` takes it. Text gets a leading apostrophe so Excel never reads it as a formula, number or date. */
export function officeFormula(cell: Cell | undefined): string | number | boolean {
  if (!cell) return "";
  if (cell.f !== undefined) return `=${cell.f}`;
  const v = cell.v;
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v === "" ? "" : `'${v}`;
  return v;
}

function validationRule(rule: Validation): { rule: Excel.DataValidationRule; title: string; message: string } {
  switch (rule.type) {
    case "list":
      return { rule: { list: { inCellDropDown: true, source: `=${rule.source}` } }, title: rule.title, message: rule.message };
    case "decimal":
      return {
        rule: { decimal: rule.max === null ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" } : { formula1: rule.min, formula2: rule.max, operator: "Between" } },
        title: rule.title,
        message: rule.message,
      };
    case "whole":
      return {
        rule: { wholeNumber: rule.max === null ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" } : { formula1: rule.min, formula2: rule.max, operator: "Between" } },
        title: rule.title,
        message: rule.message,
      };
    case "date":
      return { rule: { date: { formula1: "1990-01-01", operator: "GreaterThan" } }, title: rule.title, message: rule.message };
    case "custom":
      return { rule: { custom: { formula: `=${rule.formula}` } }, title: rule.title, message: rule.message };
  }
}

function applyStyle(range: Excel.Range, style: Style): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.size !== undefined) f.font.size = style.size;
  if (style.color) f.font.color = style.color;
  if (style.fill) f.fill.color = style.fill;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.hAlign) f.horizontalAlignment = style.hAlign === "left" ? "Left" : style.hAlign === "center" ? "Center" : "Right";
  if (style.vAlign) f.verticalAlignment = style.vAlign === "top" ? "Top" : "Center";
  if (style.border) {
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#BFBFBF";
    }
  }
}

/** Excel on the web refuses a request over 5 MB: large grids are sent in parts, each under this. */
export const REQUEST_BUDGET = 3_500_000;

/** Queues writes and syncs early only when a request would grow past the budget. */
export class Pacer {
  private queued = 0;
  syncs = 0;
  constructor(private readonly context: Excel.RequestContext) {}
  async add(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > REQUEST_BUDGET) await this.sync();
    this.queued += bytes;
  }
  async sync(): Promise<void> {
    this.syncs++;
    this.queued = 0;
    await this.context.sync();
  }
}

/** What the workbook needs to be right: cells, formats, names' users, validation, colours. Never protection (it comes last). */
async function writeSheet(ws: Excel.Worksheet, spec: SheetSpec, pacer: Pacer): Promise<void> {
  const width = Math.max(spec.columns.length, ...spec.rows.map((r) => r.length));
  const height = spec.rows.length;
  const CHUNK = 100;
  for (let top = 0; top < height && width > 0; top += CHUNK) {
    const rows = spec.rows.slice(top, top + CHUNK).map((r) => Array.from({ length: width }, (_, c) => r[c]));
    const formats = rows.map((r) => r.map((c) => c?.fmt ?? "General"));
    const formulas = rows.map((r) => r.map(officeFormula));
    await pacer.add(utf8Bytes(formulas) + utf8Bytes(formats));
    const part = ws.getRangeByIndexes(top, 0, rows.length, width);
    // Formats first: a number written into a cell formatted as text would stay text.
    part.numberFormat = formats;
    part.formulas = formulas;
  }
  spec.columns.forEach((c, k) => setColumn(ws, k + 1, c));
  // Styles, merges, rules and colours count against Excel's 5 MB request as much as cell text does.
  await pacer.add(utf8Bytes([spec.styles, spec.merges, spec.validations, spec.conditionalFormats, spec.rowHeights]) * 4);
  for (const { range, style } of spec.styles) applyStyle(ws.getRange(range), style);
  for (const m of spec.merges) ws.getRange(m).merge(false);
  for (const [row, h] of Object.entries(spec.rowHeights)) ws.getRange(`${row}:${row}`).format.rowHeight = h;
  for (const n of spec.hiddenRows) ws.getRange(`${n}:${n}`).rowHidden = true;
  for (const v of spec.validations) {
    const { rule, title, message } = validationRule(v.rule);
    const dv = ws.getRange(v.range).dataValidation;
    dv.rule = rule;
    dv.errorAlert = { showAlert: true, style: "Stop", title, message };
    dv.prompt = { showPrompt: true, title, message };
  }
  for (const cf of spec.conditionalFormats) addRule(ws, cf);
  for (const bar of spec.dataBars ?? []) addDataBar(ws, bar);
  for (const range of spec.inputs) ws.getRange(range).format.protection.locked = false;
}

function setColumn(ws: Excel.Worksheet, index: number, c: { width: number; hidden?: boolean }): void {
  const col = ws.getRangeByIndexes(0, index - 1, 1, 1).getEntireColumn();
  col.format.columnWidth = toPoints(c.width);
  if (c.hidden) col.columnHidden = true;
}

function addRule(ws: Excel.Worksheet, cf: ConditionalFormat): void {
  const format = ws.getRange(cf.range).conditionalFormats.add("Custom");
  format.custom.rule.formula = `=${cf.formula}`;
  format.custom.format.fill.color = cf.fill;
  format.custom.format.font.color = cf.color;
}

/** ExcelApi 1.6; the bound rules are set as whole objects, as the API asks. */
function addDataBar(ws: Excel.Worksheet, bar: NonNullable<SheetSpec["dataBars"]>[number]): void {
  const format = ws.getRange(bar.range).conditionalFormats.add("DataBar");
  format.dataBar.lowerBoundRule = { type: "Number", formula: String(bar.min) };
  format.dataBar.upperBoundRule = { type: "Number", formula: String(bar.max) };
  format.dataBar.positiveFormat.fillColor = bar.color;
  format.dataBar.positiveFormat.gradientFill = false;
}

/** What only makes the workbook easier to use: panes, tab colour, printing, the chart. Its failure costs nothing else. */
function dressSheet(ws: Excel.Worksheet, spec: SheetSpec, options: RenderOptions, chart: RenderOptions["chart"]): void {
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, Math.max(1, spec.freeze.rows), Math.max(1, spec.freeze.columns)));
  }
  if (spec.tabColor) ws.tabColor = spec.tabColor;
  if (options.supports("1.9")) {
    ws.pageLayout.orientation = spec.print.landscape ? "Landscape" : "Portrait";
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (spec.print.repeatRows) ws.pageLayout.setPrintTitleRows(`$${spec.print.repeatRows[0]}:$${spec.print.repeatRows[1]}`);
    if (spec.print.area) ws.pageLayout.setPrintArea(spec.print.area);
  }
  if (chart) {
    const [labelsTop] = chart.labels.split(":");
    const [, valuesBottom] = chart.values.split(":");
    const c = ws.charts.add("BarClustered", ws.getRange(`${labelsTop}:${valuesBottom}`), "Columns");
    c.title.text = "Số chỉ tiêu theo trạng thái";
    c.legend.visible = false;
    c.setPosition(chart.at[0], chart.at[1]);
  }
}

/** Protection lets officials resize rows and columns and move the chart, nothing else outside their input cells. */
export const PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true, allowEditObjects: true, selectionMode: "Normal" };

function lockSheet(ws: Excel.Worksheet, spec: SheetSpec, alreadyProtected = false): void {
  if (spec.hidden) ws.visibility = "VeryHidden";
  if (spec.protect && !alreadyProtected) ws.protection.protect(PROTECTION);
}

const utf8 = new TextEncoder();
const utf8Bytes = (x: unknown): number => utf8.encode(JSON.stringify(x) ?? "").length;

/** The first free name "Chỉ tiêu (cũ n)" for a sheet that must make room. Excel caps names at 31 characters. */
function freeName(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const suffix = ` (cũ ${n})`;
    const candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Excel refused part of a write; the workbook was given back as it was (`restored`), or could not be. */
export class RenderFailed extends Error {
  override name = "RenderFailed";
  constructor(
    readonly cause: unknown,
    readonly restored: boolean,
  ) {
    super("render failed");
  }
}

interface Before {
  sheets: Array<{ id: string; name: string }>;
  names: Array<{ name: string; formula: string }>;
}

/**
 * Excel applies a batch up to the operation it refuses and rolls nothing back: remove every sheet and
 * name this write added, give the user's sheets back their names and the user's names back their
 * references. Runs in its own two syncs.
 */
async function restore(context: Excel.RequestContext, before: Before, ourNames: Set<string>): Promise<boolean> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/id,items/visibility");
    const names = context.workbook.names;
    names.load("items/name");
    await context.sync();
    const original = new Map(before.sheets.map((s) => [s.id, s.name]));
    for (const n of names.items) if (ourNames.has(n.name.toLowerCase())) n.delete();
    for (const ws of sheets.items) {
      if (original.has(ws.id)) continue;
      if (ws.visibility !== "Visible") ws.visibility = "Visible";
      ws.delete();
    }
    for (const ws of sheets.items) {
      const name = original.get(ws.id);
      if (name !== undefined && name !== ws.name) ws.name = name;
    }
    for (const n of before.names) if (ourNames.has(n.name.toLowerCase())) context.workbook.names.add(n.name, n.formula);
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the workbook: one sync to see what is there, one (or a few, for very large plans) to write it with
 * its finishing touches (panes, printing, chart, protection). Defined names go in right after the sheets,
 * before any formula or list that uses them. If Excel refuses anything, what was written is removed and the
 * user's sheets get their names back; the write is then tried again with the finishing touches in a batch
 * of their own, so a refused finishing touch is only said (`skipped`) and never costs the data, while a
 * refused write of the data stops with RenderFailed.
 */
export async function renderToExcel(context: Excel.RequestContext, spec: WorkbookSpec, options: RenderOptions, finishApart = false): Promise<RenderResult> {
  const cut = cutLongText(spec);
  const pacer = new Pacer(context);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id");
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  await pacer.sync();
  const before: Before = { sheets: sheets.items.map((s) => ({ id: s.id, name: s.name })), names: names.items.map((n) => ({ name: n.name, formula: n.formula })) };
  const ourNames = new Set(spec.names.map((n) => n.name.toLowerCase()));
  const fail = async (err: unknown): Promise<never> => {
    throw new RenderFailed(err, await restore(context, before, ourNames));
  };

  const taken = new Set(before.sheets.map((s) => s.name.toLowerCase()));
  const ours = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
  const hiddenSheets = new Set(spec.sheets.filter((s) => s.hidden).map((s) => s.name.toLowerCase()));
  const renamed: RenderResult["renamed"] = [];
  let created: Excel.Worksheet[] = [];
  try {
    for (const old of sheets.items) {
      if (!ours.has(old.name.toLowerCase())) continue;
      const to = freeName(old.name, taken);
      taken.add(to.toLowerCase());
      renamed.push(hiddenSheets.has(old.name.toLowerCase()) ? { from: old.name, to, hidden: true } : { from: old.name, to });
      old.name = to;
    }
    for (const n of names.items) if (ourNames.has(n.name.toLowerCase())) n.delete();
    context.application.suspendApiCalculationUntilNextSync();
    if (options.supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
    created = spec.sheets.map((s) => sheets.add(s.name));
    for (const n of spec.names) names.add(n.name, `=${n.ref}`);
    for (const [k, s] of spec.sheets.entries()) await writeSheet(created[k]!, s, pacer);
    if (!finishApart) finish(created, spec, options, () => false);
    await pacer.sync();
  } catch (err) {
    if (finishApart) return fail(err);
    if (!(await restore(context, before, ourNames))) throw new RenderFailed(err, false);
    const again = await renderToExcel(context, spec, options, true);
    return { ...again, syncs: pacer.syncs + again.syncs };
  }
  if (!finishApart) return { renamed, syncs: pacer.syncs, cut, skipped: [] };

  const skipped: string[] = [];
  try {
    finish(created, spec, options, () => false);
    await pacer.sync();
  } catch {
    // Excel stopped at the refused step: panes, printing or the chart may be missing, the protection too.
    skipped.push("Excel không nhận một phần trình bày (cố định dòng tiêu đề, thiết lập in hoặc biểu đồ); số liệu, công thức và bảo vệ trang vẫn đủ.");
    try {
      for (const ws of created) ws.protection.load("protected");
      await pacer.sync();
      lockAll(created, spec, (k) => created[k]!.protection.protected);
      await pacer.sync();
    } catch (err) {
      return fail(err);
    }
  }
  return { renamed, syncs: pacer.syncs, cut, skipped };
}

/** Panes, printing and the chart, then the protection. */
function finish(created: Excel.Worksheet[], spec: WorkbookSpec, options: RenderOptions, alreadyProtected: (k: number) => boolean): void {
  spec.sheets.forEach((s, k) => dressSheet(created[k]!, s, options, options.chart?.sheet === s.name ? options.chart : null));
  lockAll(created, spec, alreadyProtected);
}

function lockAll(created: Excel.Worksheet[], spec: WorkbookSpec, alreadyProtected: (k: number) => boolean): void {
  spec.sheets.forEach((s, k) => lockSheet(created[k]!, s, alreadyProtected(k)));
  created[0]?.activate();
}

/** A reason the official's sheet cannot take the added columns (protected, names taken, cells not empty); nothing was written. */
export class AnnotationRefused extends UserFacingError {}

/**
 * Adds the judging beside an official's own table (spec.overlays) with the settings and metadata sheets:
 * one sync to look (protection, names, the cells to be used), one to write. Their cells are never
 * written; if Excel refuses anything, every added sheet, name, cell and rule is taken away again.
 */
export async function renderAnnotationToExcel(context: Excel.RequestContext, spec: WorkbookSpec, options: RenderOptions): Promise<RenderResult> {
  const overlay = spec.overlays?.[0];
  if (!overlay) throw new Error("renderAnnotationToExcel needs a spec with an overlay");
  const pacer = new Pacer(context);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id");
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  const target = sheets.getItem(overlay.sheet);
  target.protection.load("protected");
  const rows = overlay.cells.map((c) => c.row);
  const cols = overlay.cells.map((c) => c.col);
  const top = Math.min(...rows);
  const left = Math.min(...cols);
  const block = target.getRangeByIndexes(top - 1, left - 1, Math.max(...rows) - top + 1, Math.max(...cols) - left + 1);
  block.load("values,formulas");
  await pacer.sync();

  if (target.protection.protected)
    throw new AnnotationRefused(`Trang "${overlay.sheet}" đang được bảo vệ (Protect Sheet): hãy bỏ bảo vệ trang (Review → Unprotect Sheet) rồi làm lại. Chưa có gì được ghi.`);
  const taken = spec.sheets.filter((s) => sheets.items.some((w) => w.name.toLowerCase() === s.name.toLowerCase())).map((s) => `trang "${s.name}"`);
  const ourNames = new Set(spec.names.map((n) => n.name.toLowerCase()));
  taken.push(...names.items.filter((n) => ourNames.has(n.name.toLowerCase())).map((n) => `tên "${n.name}"`));
  if (taken.length) throw new AnnotationRefused(`Sổ đã có ${taken.join(", ")}, trùng với phần add-in cần thêm. Hãy đổi tên rồi làm lại. Chưa có gì được ghi.`);
  const filled = block.formulas.flatMap((r, i) => r.map((v, j) => (v === "" || v === null ? null : `${colLetter(left + j)}${top + i}`))).filter(Boolean);
  if (filled.length)
    throw new AnnotationRefused(`Các ô sẽ dùng cho cột đánh giá không trống (${filled.slice(0, 3).join(", ")}${filled.length > 3 ? "..." : ""}): hãy chọn cột trống khác. Chưa có gì được ghi.`);

  const before: Before = { sheets: sheets.items.map((s) => ({ id: s.id, name: s.name })), names: names.items.map((n) => ({ name: n.name, formula: n.formula })) };
  let created: Excel.Worksheet[] = [];
  try {
    context.application.suspendApiCalculationUntilNextSync();
    if (options.supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
    created = spec.sheets.map((s) => sheets.add(s.name));
    for (const n of spec.names) names.add(n.name, `=${n.ref}`);
    for (const [k, s] of spec.sheets.entries()) await writeSheet(created[k]!, s, pacer);
    const grid = Array.from({ length: block.formulas.length }, () => Array.from({ length: block.formulas[0]?.length ?? 0 }, (): Cell | undefined => undefined));
    for (const c of overlay.cells) grid[c.row - top]![c.col - left] = c.cell;
    await pacer.add(utf8Bytes(grid) * 2);
    block.numberFormat = grid.map((r) => r.map((c) => c?.fmt ?? "General"));
    block.formulas = grid.map((r) => r.map(officeFormula));
    for (const c of overlay.columns) setColumn(target, c.col, c);
    for (const { range, style } of overlay.styles) applyStyle(target.getRange(range), style);
    for (const m of overlay.merges) target.getRange(m).merge(false);
    for (const cf of overlay.conditionalFormats) addRule(target, cf);
    spec.sheets.forEach((s, k) => lockSheet(created[k]!, s));
    await pacer.sync();
  } catch (err) {
    // The added cells held nothing before: clearing them gives the sheet back; the added rules go with their formulas.
    let restored = await restore(context, before, ourNames);
    try {
      block.clear();
      for (const m of overlay.merges) target.getRange(m).unmerge();
      const ranges = [...new Set(overlay.conditionalFormats.map((cf) => cf.range))].map((r) => target.getRange(r).conditionalFormats);
      for (const cfs of ranges) cfs.load("items/type,items/custom/rule/formula");
      await context.sync();
      // Ours by their formula; one whose formula Excel refused has none, and no rule of the official's is without one.
      const ours = new Set(overlay.conditionalFormats.map((cf) => `=${cf.formula}`));
      for (const cfs of ranges) for (const cf of cfs.items) if (cf.type === "Custom" && (ours.has(cf.custom.rule.formula) || !cf.custom.rule.formula)) cf.delete();
      await context.sync();
    } catch {
      restored = false;
    }
    throw new RenderFailed(err, restored);
  }
  return { renamed: [], syncs: pacer.syncs, cut: [], skipped: [] };
}
