import type { Cell, SheetSpec, Style, Validation, WorkbookSpec } from "../workbook/spec";
import { cutLongText } from "../workbook/spec";

/**
 * Renders the workbook description inside Excel with Office.js. Everything is queued and sent in one
 * batch: a load of N indicators costs two context.sync calls whatever N (one to see what the workbook
 * already has, one to write). Sheets with the same names are kept, renamed, never deleted.
 */

export interface RenderOptions {
  /** Office.context.requirements.isSetSupported("ExcelApi", version), injected for tests. */
  supports: (version: string) => boolean;
  /** Where the summary chart reads from (labels and counts side by side on the summary sheet). */
  chart?: { sheet: string; labels: string; values: string } | null;
}

export interface RenderResult {
  /** Old sheets renamed to make room, e.g. "Chỉ tiêu" → "Chỉ tiêu (cũ 1)". */
  renamed: Array<{ from: string; to: string }>;
  /** Cells whose text was longer than Excel allows, cut and said (see cutLongText). */
  cut: string[];
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

async function writeSheet(ws: Excel.Worksheet, spec: SheetSpec, options: RenderOptions, chart: RenderOptions["chart"], pacer: Pacer): Promise<void> {
  const width = Math.max(spec.columns.length, ...spec.rows.map((r) => r.length));
  const height = spec.rows.length;
  const CHUNK = 100;
  for (let top = 0; top < height && width > 0; top += CHUNK) {
    const rows = spec.rows.slice(top, top + CHUNK).map((r) => Array.from({ length: width }, (_, c) => r[c]));
    const formats = rows.map((r) => r.map((c) => c?.fmt ?? "General"));
    const formulas = rows.map((r) => r.map(officeFormula));
    await pacer.add(JSON.stringify(formulas).length + JSON.stringify(formats).length);
    const part = ws.getRangeByIndexes(top, 0, rows.length, width);
    // Formats first: a number written into a cell formatted as text would stay text.
    part.numberFormat = formats;
    part.formulas = formulas;
  }
  spec.columns.forEach((c, k) => {
    const col = ws.getRangeByIndexes(0, k, 1, 1).getEntireColumn();
    col.format.columnWidth = toPoints(c.width);
    if (c.hidden) col.columnHidden = true;
  });
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
  for (const cf of spec.conditionalFormats) {
    const format = ws.getRange(cf.range).conditionalFormats.add("Custom");
    format.custom.rule.formula = `=${cf.formula}`;
    format.custom.format.fill.color = cf.fill;
    format.custom.format.font.color = cf.color;
  }
  for (const range of spec.inputs) ws.getRange(range).format.protection.locked = false;
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
    // Charts go in before protection, which locks the sheet's objects.
    const [labelsTop] = chart.labels.split(":");
    const [, valuesBottom] = chart.values.split(":");
    const c = ws.charts.add("BarClustered", ws.getRange(`${labelsTop}:${valuesBottom}`), "Columns");
    c.title.text = "Số chỉ tiêu theo trạng thái";
    c.legend.visible = false;
    c.setPosition("F4", "M20");
  }
  if (spec.hidden) ws.visibility = "VeryHidden";
  if (spec.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, selectionMode: "Normal" });
}

/** The first free name "Chỉ tiêu (cũ n)" for a sheet that must make room. Excel caps names at 31 characters. */
function freeName(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const suffix = ` (cũ ${n})`;
    const candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export async function renderToExcel(context: Excel.RequestContext, spec: WorkbookSpec, options: RenderOptions): Promise<RenderResult> {
  const cut = cutLongText(spec);
  const pacer = new Pacer(context);
  const sync = () => pacer.sync();
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  await sync();

  const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  const ours = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
  const renamed: RenderResult["renamed"] = [];
  for (const old of sheets.items) {
    if (!ours.has(old.name.toLowerCase())) continue;
    const to = freeName(old.name, taken);
    taken.add(to.toLowerCase());
    renamed.push({ from: old.name, to });
    old.name = to;
  }
  const ourNames = new Set(spec.names.map((n) => n.name.toLowerCase()));
  for (const n of names.items) if (ourNames.has(n.name.toLowerCase())) n.delete();

  context.application.suspendApiCalculationUntilNextSync();
  if (options.supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  const created = spec.sheets.map((s) => sheets.add(s.name));
  for (const [k, s] of spec.sheets.entries()) await writeSheet(created[k], s, options, options.chart?.sheet === s.name ? options.chart : null, pacer);
  for (const n of spec.names) names.add(n.name, `=${n.ref}`);
  created[0].activate();
  await sync();
  return { renamed, syncs: pacer.syncs, cut };
}
