import ExcelJS from "exceljs";
import type { Cell, ConditionalFormat, SheetOverlay, SheetSpec, Style, Validation, WorkbookSpec } from "../workbook/spec";
import { cutLongText } from "../workbook/spec";

/** Renders the workbook description to an .xlsx file with ExcelJS (the CLI, export, tests). */

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

export function eachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const [a = range, b = a] = range.split(":");
  const tl = ws.getCell(a);
  const br = ws.getCell(b);
  for (let r = Number(tl.row); r <= Number(br.row); r++) {
    for (let c = Number(tl.col); c <= Number(br.col); c++) fn(ws.getCell(r, c));
  }
}

export function applyStyle(cell: ExcelJS.Cell, style: Style): void {
  if (style.bold !== undefined || style.italic !== undefined || style.size !== undefined || style.color !== undefined) {
    cell.font = {
      ...cell.font,
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.size !== undefined ? { size: style.size } : {}),
      ...(style.color ? { color: { argb: argb(style.color) } } : {}),
    };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap !== undefined || style.hAlign || style.vAlign) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.hAlign ? { horizontal: style.hAlign } : {}),
      ...(style.vAlign ? { vertical: style.vAlign } : {}),
    };
  }
  if (style.border) {
    const thin = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

function validation(rule: Validation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop" as const,
    errorTitle: rule.title,
    error: rule.message,
    showInputMessage: true,
    promptTitle: rule.title,
    prompt: rule.message,
  };
  switch (rule.type) {
    case "list":
      return { ...common, type: "list", formulae: [rule.source] };
    case "decimal":
      return rule.max === null
        ? { ...common, type: "decimal", operator: "greaterThanOrEqual", formulae: [rule.min] }
        : { ...common, type: "decimal", operator: "between", formulae: [rule.min, rule.max] };
    case "whole":
      return rule.max === null ? { ...common, type: "whole", operator: "greaterThanOrEqual", formulae: [rule.min] } : { ...common, type: "whole", operator: "between", formulae: [rule.min, rule.max] };
    case "date":
      return { ...common, type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(1990, 0, 1))] };
    case "custom":
      return { ...common, type: "custom", formulae: [rule.formula] };
  }
}

export async function renderSheet(wb: ExcelJS.Workbook, spec: SheetSpec): Promise<void> {
  const ws = wb.addWorksheet(spec.name, {
    properties: spec.tabColor ? { tabColor: { argb: argb(spec.tabColor) } } : {},
    views: spec.freeze ? [{ state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }] : [],
    pageSetup: {
      paperSize: 9,
      orientation: spec.print.landscape ? "landscape" : "portrait",
      ...(spec.print.fitToWidth !== false ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: 90 }),
      ...(spec.print.repeatColumns ? { printTitlesColumn: spec.print.repeatColumns } : {}),
      ...(spec.print.repeatRows ? { printTitlesRow: `${spec.print.repeatRows[0]}:${spec.print.repeatRows[1]}` } : {}),
      // ExcelJS puts "$" before each corner's column only; the row's "$" must come with the address.
      ...(spec.print.area ? { printArea: spec.print.area.replace(/([A-Z]+)(\d+)/g, "$1$$$2") } : {}),
    },
  });
  spec.columns.forEach((c, k) => setColumn(ws, k + 1, c));
  spec.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell || (cell.v === undefined && cell.f === undefined && cell.fmt === undefined)) return;
      writeCell(ws.getCell(r + 1, c + 1), cell);
    });
  });
  for (const n of spec.hiddenRows) ws.getRow(n).hidden = true;
  for (const [n, h] of Object.entries(spec.rowHeights)) ws.getRow(Number(n)).height = h;
  for (const { range, style } of spec.styles) eachCell(ws, range, (cell) => applyStyle(cell, style));
  for (const m of spec.merges) ws.mergeCells(m);
  // ExcelJS supports range validations at run time but its typings omit them.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of spec.validations) validations.add(v.range, validation(v.rule));
  spec.conditionalFormats.forEach((cf, k) => addRule(ws, cf, k + 1));
  (spec.dataBars ?? []).forEach((bar, k) => {
    // ExcelJS writes a data bar's colour, though its typings leave it out.
    const rule = {
      type: "dataBar",
      priority: spec.conditionalFormats.length + k + 1,
      gradient: false,
      cfvo: [
        { type: "num", value: bar.min },
        { type: "num", value: bar.max },
      ],
      color: { argb: argb(bar.color) },
    };
    ws.addConditionalFormatting({ ref: bar.range, rules: [rule as ExcelJS.ConditionalFormattingRule] });
  });
  for (const range of spec.inputs) eachCell(ws, range, (cell) => (cell.protection = { locked: false }));
  if (spec.hidden) ws.state = "veryHidden";
  if (spec.protect) {
    await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
}

export async function renderXlsx(spec: WorkbookSpec): Promise<Uint8Array> {
  cutLongText(spec);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chỉ tiêu số";
  wb.title = spec.title;
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of spec.sheets) await renderSheet(wb, sheet);
  for (const n of spec.names) wb.definedNames.add(n.ref, n.name);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Writes an overlay into a sheet the official already has: only the cells it names, widths of its own columns, rules added after theirs. */
export function renderOverlay(ws: ExcelJS.Worksheet, overlay: SheetOverlay): void {
  for (const { row, col, cell } of overlay.cells) writeCell(ws.getCell(row, col), cell);
  for (const c of overlay.columns) setColumn(ws, c.col, c);
  for (const { range, style } of overlay.styles) eachCell(ws, range, (cell) => applyStyle(cell, style));
  for (const m of overlay.merges) ws.mergeCells(m);
  // After the official's own rules: theirs keep their priority.
  const existing = (ws as unknown as { conditionalFormattings?: Array<{ rules: Array<{ priority?: number }> }> }).conditionalFormattings ?? [];
  let priority = Math.max(0, ...existing.flatMap((cf) => cf.rules.map((r) => r.priority ?? 0)));
  for (const cf of overlay.conditionalFormats) addRule(ws, cf, ++priority);
}

/** A described cell into an ExcelJS cell. Strings are written as strings: ExcelJS only makes formulas of { formula } values. */
function writeCell(target: ExcelJS.Cell, cell: Cell): void {
  if (cell.f !== undefined) target.value = { formula: cell.f };
  else if (cell.v !== undefined && cell.v !== null) target.value = cell.v;
  if (cell.fmt) target.numFmt = cell.fmt;
}

function setColumn(ws: ExcelJS.Worksheet, index: number, c: { width: number; hidden?: boolean }): void {
  const col = ws.getColumn(index);
  col.width = c.width;
  if (c.hidden) col.hidden = true;
}

function addRule(ws: ExcelJS.Worksheet, cf: ConditionalFormat, priority: number): void {
  ws.addConditionalFormatting({
    ref: cf.range,
    rules: [
      {
        type: "expression",
        priority,
        formulae: [cf.formula],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } }, font: { color: { argb: argb(cf.color) } } },
      },
    ],
  });
}
