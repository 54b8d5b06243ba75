import { renderAnnotationToExcel, type RenderResult } from "../../render/office";
import { describeAnnotation, readAnnotationMeta } from "../../template/annotate";
import type { TemplateGrid, TemplateMapping, TemplateRole } from "../../template/recognise";
import { recogniseTemplate } from "../../template/recognise";
import { META_SHEET } from "../../workbook/metaSheet";
import type { WorkbookSettings } from "../../workbook/settings";
import { colIndex } from "../../workbook/spec";
import { UserFacingError } from "./errors";

/** The grid Excel returns padded back to A1, so rows and columns keep their sheet numbers. */
export function fromA1<T>(range: Excel.Range, grid: T[][], blank: T): T[][] {
  return [...Array.from({ length: range.rowIndex }, () => []), ...grid.map((row) => [...Array.from({ length: range.columnIndex }, () => blank), ...row])];
}

async function gridOf(context: Excel.RequestContext, ws: Excel.Worksheet): Promise<TemplateGrid> {
  ws.load("name");
  const used = ws.getUsedRange();
  used.load("values,numberFormat,rowIndex,columnIndex");
  await context.sync();
  return { sheet: ws.name, values: fromA1(used, used.values, ""), formats: fromA1(used, used.numberFormat as unknown[][], "General") };
}

/** The mapping stored by an earlier annotation, or null. */
export async function storedMapping(context: Excel.RequestContext): Promise<TemplateMapping | null> {
  const meta = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
  await context.sync();
  if (meta.isNullObject) return null;
  const used = meta.getUsedRange();
  used.load("values,rowIndex,columnIndex");
  await context.sync();
  return readAnnotationMeta(fromA1(used, used.values, ""));
}

/**
 * "Dùng bảng có sẵn", step one: the active sheet's table as it stands, and the mapping if it was annotated
 * before. A selection of more than one row and column says where the table is: cells outside it are not
 * read (a second table or notes beside it), and the added columns still go right of everything.
 */
export async function readActiveTable(context: Excel.RequestContext): Promise<{ grid: TemplateGrid; annotated: TemplateMapping | null; selection: string | null }> {
  const annotated = await storedMapping(context);
  const selected = context.workbook.getSelectedRange();
  selected.load("address,rowIndex,columnIndex,rowCount,columnCount");
  const grid = await gridOf(context, context.workbook.worksheets.getActiveWorksheet());
  if (selected.rowCount < 2 || selected.columnCount < 2) return { grid, annotated, selection: null };
  const selection = selected.address.replace(/^.*!/, "");
  return { grid: within(grid, selection), annotated, selection };
}

export interface AnnotateRequest {
  sheet: string;
  /** The selection the table was read from, if any ("A4:J14"). */
  selection?: string | null;
  year: number;
  roles: Array<[number, TemplateRole]>;
  headerRow?: number;
  outputColumn?: number;
  /** The indicator rows the official saw and confirmed. */
  rows: number[];
}

/** Step two: read the table again, check it is what the official confirmed, and add the columns. */
export async function annotateTable(
  context: Excel.RequestContext,
  request: AnnotateRequest,
  settings: WorkbookSettings,
  supports: (v: string) => boolean,
): Promise<{ mapping: TemplateMapping; result: RenderResult }> {
  if (await storedMapping(context)) throw new UserFacingError("Sổ này đã được gắn cột đánh giá. Mỗi sổ gắn một bảng; hãy làm trên một bản sao của tệp gốc nếu cần gắn lại.");
  let grid = await gridOf(context, context.workbook.worksheets.getItem(request.sheet));
  if (request.selection) grid = within(grid, request.selection);
  const mapping = recogniseTemplate(grid, { year: request.year, roles: new Map(request.roles), headerRow: request.headerRow, outputColumn: request.outputColumn });
  if (mapping.rows.map((r) => r.row).join(",") !== request.rows.join(",")) {
    throw new UserFacingError(`Bảng trên trang "${request.sheet}" vừa thay đổi từ lúc đọc (các dòng chỉ tiêu không còn như đã xem). Hãy bấm "Đọc bảng" lại và xem trước khi ghi. Chưa có gì được ghi.`);
  }
  const { spec } = describeAnnotation(mapping, settings);
  return { mapping, result: await renderAnnotationToExcel(context, spec, { supports }) };
}

/** The grid with only the cells of `address` kept, its full width too. */
function within(grid: TemplateGrid, address: string): TemplateGrid {
  const [a = "A1", b = a] = address.replace(/\$/g, "").split(":");
  const at = (x: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(x)!;
    return { c: colIndex(m[1]!) - 1, r: Number(m[2]) - 1 };
  };
  const tl = at(a);
  const br = at(b);
  const width = Math.max(0, ...grid.values.map((row) => row.length));
  const values = grid.values.map((row, r) => row.map((v, c) => (r >= tl.r && r <= br.r && c >= tl.c && c <= br.c ? v : "")));
  const top = values[0];
  if (top) values[0] = [...top, ...Array.from({ length: Math.max(0, width - top.length) }, () => "")];
  return { ...grid, values };
}
