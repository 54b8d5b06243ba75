import ExcelJS from "exceljs";
import JSZip from "jszip";
import { META_KIND, META_SHEET } from "../workbook/metaSheet";
import { fileTooBig, sheetValues, zipProblem } from "../province/readReportFile";
import { renderOverlay, renderSheet } from "../render/xlsx";
import type { WorkbookSettings } from "../workbook/settings";
import { dateSerial } from "../workbook/spec";
import { ANNOTATION_KIND, describeAnnotation } from "./annotate";
import type { RecogniseOptions, TemplateGrid, TemplateMapping } from "./recognise";
import { TemplateError, recogniseTemplate } from "./recognise";

/**
 * "Dùng bảng có sẵn" on a file (the command line): the official's workbook is opened with ExcelJS, the
 * columns are added, and the result is read again and compared with the original cell by cell before a
 * byte is handed back. What ExcelJS cannot carry through (charts, pivot tables, macros) stops it first.
 */

/** Parts of a workbook ExcelJS drops when it writes the file again. */
const NOT_KEPT: Array<[RegExp, string]> = [
  [/^xl\/charts\//, "biểu đồ"],
  [/^xl\/pivot(Tables|Cache)\//, "PivotTable"],
  [/^xl\/vbaProject\.bin$/, "macro (VBA)"],
  [/^xl\/slicers?(Caches)?\//, "slicer"],
  [/^xl\/externalLinks\//, "liên kết tới sổ khác"],
  [/^xl\/(ctrlProps|activeX)\//, "nút điều khiển"],
  [/^xl\/threadedComments\//, "chú thích dạng hội thoại"],
  [/^xl\/timelines?\//, "timeline"],
];

async function notKept(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const found = new Set<string>();
  for (const name of Object.keys(zip.files)) for (const [re, what] of NOT_KEPT) if (re.test(name)) found.add(what);
  // Drawings may hold pictures (kept) or shapes and text boxes (dropped).
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    if (/<xdr:sp[\s>]|<xdr:graphicFrame[\s>]|<xdr:cxnSp[\s>]/.test(xml)) found.add("hình vẽ, hộp chữ");
  }
  return [...found];
}

const isCovered = (cell: ExcelJS.Cell): boolean => cell.isMerged && cell.master.address !== cell.address;

/** A sheet's values as Excel hands them to the add-in: merged cells only in their first cell, formulas as results. */
export function gridOf(ws: ExcelJS.Worksheet): TemplateGrid {
  const { values, formats } = sheetValues(ws);
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      width = Math.max(width, c);
      const row = values[r - 1];
      if (isCovered(cell) && row) row[c - 1] = "";
    }),
  );
  // A formatted cell with nothing in it still belongs to the official, as in Excel's used range.
  const top = values[0];
  if (top) while (top.length < width) top.push("");
  return { sheet: ws.name, values, formats };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** Every cell of every sheet as ExcelJS reads it (value and style), plus each sheet's merges, widths and state. */
function snapshot(wb: ExcelJS.Workbook, skip: (sheet: string, row: number, col: number) => boolean = () => false): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    out.set(`${ws.name}!state`, JSON.stringify([ws.state, wb.worksheets.indexOf(ws)]));
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).filter((m) => {
      const start = ws.getCell(m.split(":")[0]!);
      return !skip(ws.name, Number(start.row), Number(start.col));
    });
    out.set(`${ws.name}!merges`, JSON.stringify(merges.sort()));
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (skip(ws.name, r, c)) return;
        out.set(`${ws.name}!${cell.address}`, JSON.stringify([cell.value instanceof Date ? dateSerial(cell.value.toISOString().slice(0, 10)) : cell.value, cell.style]));
      });
    });
    (ws.columns ?? []).forEach((col, k) => {
      if (!skip(ws.name, 0, k + 1)) out.set(`${ws.name}!col${k + 1}`, JSON.stringify([col.width ?? null, col.hidden ?? false]));
    });
  }
  return out;
}

export interface AnnotateFileOptions extends Omit<RecogniseOptions, "year"> {
  /** The sheet to read; by default the first sheet whose table is recognised. */
  sheet?: string;
  settings: Omit<WorkbookSettings, "frequency">;
}

/** The workbook's kind, when Chỉ tiêu số wrote its metadata. */
function ourKind(wb: ExcelJS.Workbook): string | null {
  const meta = wb.getWorksheet(META_SHEET);
  if (!meta) return null;
  const kind = sheetValues(meta).values.find((r) => r?.[0] === "kind")?.[1];
  return typeof kind === "string" ? kind : null;
}

export async function annotateXlsxFile(name: string, bytes: Uint8Array, opts: AnnotateFileOptions): Promise<{ bytes: Uint8Array; mapping: TemplateMapping; grid: TemplateGrid }> {
  const where = `Tệp "${name}"`;
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new TemplateError(`${where} không phải sổ tính Excel (.xlsx).`);
  const problem = fileTooBig(bytes.length) ?? (await zipProblem(bytes));
  if (problem) throw new TemplateError(`${where} ${problem}.`);
  const dropped = await notKept(bytes);
  if (dropped.length) {
    throw new TemplateError(
      `${where} có ${dropped.join(", ")}: công cụ dòng lệnh không giữ được những phần này khi ghi lại tệp, nên không ghi gì. Hãy dùng nút "Dùng bảng có sẵn" của add-in trong Excel (Excel giữ nguyên mọi thứ), hoặc gắn trên một bản sao không có các phần đó.`,
    );
  }
  let wb: ExcelJS.Workbook;
  try {
    wb = await load(bytes);
  } catch {
    throw new TemplateError(`${where} hỏng, không mở được.`);
  }
  const kind = ourKind(wb);
  if (kind === ANNOTATION_KIND) throw new TemplateError(`${where} đã được gắn cột đánh giá. Hãy gắn trên tệp gốc của đơn vị (tệp này giữ nguyên).`);
  if (kind === META_KIND) throw new TemplateError(`${where} là sổ báo cáo chuẩn của Chỉ tiêu số: đã có cột trạng thái, không cần gắn.`);

  const candidates = opts.sheet ? wb.worksheets.filter((ws) => ws.name.toLowerCase() === opts.sheet!.toLowerCase()) : wb.worksheets.filter((ws) => ws.state === "visible");
  if (opts.sheet && candidates.length === 0) throw new TemplateError(`${where} không có trang "${opts.sheet}". Các trang: ${wb.worksheets.map((w) => `"${w.name}"`).join(", ")}.`);
  let mapping: TemplateMapping | null = null;
  let grid: TemplateGrid | null = null;
  let firstError: TemplateError | null = null;
  for (const ws of candidates) {
    try {
      grid = gridOf(ws);
      mapping = recogniseTemplate(grid, { ...opts, year: opts.settings.period.year });
      break;
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      firstError ??= err;
    }
  }
  if (!mapping) throw firstError ?? new TemplateError(`${where} không có trang nào hiện ra để đọc.`);
  const ws = wb.getWorksheet(mapping.sheet)!;
  if ((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) {
    throw new TemplateError(`Trang "${ws.name}" đang được bảo vệ (Protect Sheet): bỏ bảo vệ trang rồi làm lại. Không có gì được ghi.`);
  }

  const { spec } = describeAnnotation(mapping, { ...opts.settings, frequency: mapping.frequency });
  const clashes = spec.sheets.filter((s) => wb.worksheets.some((w) => w.name.toLowerCase() === s.name.toLowerCase())).map((s) => `trang "${s.name}"`);
  const ourNames = new Set(spec.names.map((n) => n.name.toLowerCase()));
  const theirNames = ((wb.definedNames as unknown as { model: Array<{ name: string }> }).model ?? []).map((n) => n.name).filter((n) => ourNames.has(n.toLowerCase()));
  clashes.push(...theirNames.map((n) => `tên "${n}"`));
  if (clashes.length)
    throw new TemplateError(`${where} đã có ${clashes.join(", ")}, trùng với phần add-in cần thêm. Hãy đổi tên ${clashes.length > 1 ? "chúng" : "nó"} rồi làm lại. Không có gì được ghi.`);

  // Compared: everything but the added columns and sheets (which held nothing before).
  const skipped = (sheet: string, _row: number, col: number) => (sheet === ws.name && col >= mapping!.outputColumn) || spec.sheets.some((s) => s.name === sheet);
  const before = snapshot(wb, skipped);
  const overlay = spec.overlays?.[0];
  if (!overlay) throw new Error("annotate needs a spec with an overlay");
  renderOverlay(ws, overlay);
  for (const sheet of spec.sheets) await renderSheet(wb, sheet);
  for (const n of spec.names) wb.definedNames.add(n.ref, n.name);
  wb.calcProperties.fullCalcOnLoad = true;
  const written = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

  // The file as Excel will open it, compared with the original: every cell of theirs as it was.
  const after = snapshot(await load(written), skipped);
  const changed = [...before].filter(([key, v]) => after.get(key) !== v).map(([key]) => key);
  if (changed.length) {
    throw new TemplateError(
      `${where}: khi ghi lại, ${changed.length} ô hoặc thuộc tính của sổ sẽ bị thay đổi (${changed.slice(0, 5).join(", ")}): không ghi gì. Hãy dùng nút "Dùng bảng có sẵn" của add-in trong Excel.`,
    );
  }
  return { bytes: written, mapping, grid: grid! };
}
