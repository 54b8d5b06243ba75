import type ExcelJS from "exceljs";
import { cellNumberText, formatNumber } from "../core/format";

/**
 * An appendix circulated as a spreadsheet: each sheet as tab-separated rows, merged cells expanded
 * (merged down repeats the text, merged across leaves the covered cells empty), percentages as written.
 */

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return cellNumberText(v, cell.numFmt ?? "");
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "Có" : "Không";
  if (v instanceof Date) return `${String(v.getUTCDate()).padStart(2, "0")}/${String(v.getUTCMonth() + 1).padStart(2, "0")}/${v.getUTCFullYear()}`;
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("text" in v) return String(v.text);
  if ("result" in v) {
    const r = v.result;
    if (r === null || r === undefined || typeof r === "object") return "";
    return typeof r === "number" ? formatNumber(r) : String(r);
  }
  return "";
}

export function sheetToText(ws: ExcelJS.Worksheet): string {
  const lines: string[] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const master = cell.isMerged ? cell.master : cell;
      const covered = master.address !== cell.address;
      cells.push(
        covered && Number(master.col) !== c
          ? ""
          : cellText(master)
              .replace(/[\t\r\n]+/g, " ")
              .trim(),
      );
    }
    while (cells.length && !cells[cells.length - 1]) cells.pop();
    if (cells.length <= 1) lines.push(cells[0] ?? "");
    else lines.push(cells.join("\t"));
  }
  return lines.join("\n");
}

/** Every sheet's text, in the workbook's order, with its name. */
export async function xlsxSheets(data: ArrayBuffer): Promise<Array<{ name: string; text: string }>> {
  const { default: Excel } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const wb = new Excel.Workbook();
  await wb.xlsx.load(data);
  return wb.worksheets.filter((ws) => ws.state !== "veryHidden").map((ws) => ({ name: ws.name, text: sheetToText(ws) }));
}
