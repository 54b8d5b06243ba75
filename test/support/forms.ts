import ExcelJS from "exceljs";
import { configCell } from "../../src/workbook/configSheet";

/** What a department does to its form in Excel: types values under a column title on a row found by its code. */
export async function fill(
  bytes: Uint8Array,
  edits: Array<{ code: string; column: string; value: string | number }>,
  change: { code?: [string, string]; choice?: string } = {},
  sheet = "Chỉ tiêu",
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  let header = 0;
  ws.eachRow((row, r) => {
    if (!header && (row.values as unknown[]).includes("Mã") && (row.values as unknown[]).includes(sheet === "Chỉ tiêu" ? "Nội dung chỉ tiêu" : "Nhiệm vụ")) header = r;
  });
  const titles = ws.getRow(header).values as unknown[];
  const rowOf = (code: string) => {
    let found = 0;
    ws.eachRow((row, r) => {
      if (r > header && row.getCell(titles.indexOf("Mã")).value === code) found = r;
    });
    if (!found) throw new Error(`no row ${code}`);
    return found;
  };
  for (const e of edits) ws.getCell(rowOf(e.code), titles.indexOf(e.column)).value = e.value;
  if (change.code) ws.getCell(rowOf(change.code[0]), titles.indexOf("Mã")).value = change.code[1];
  if (change.choice) wb.getWorksheet("Cấu hình")!.getCell(configCell("choice")).value = change.choice;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
