import { readFileSync, writeFileSync } from "fs";
import ExcelJS from "exceljs";

/** For the README's picture: a copy of a rolled-over book with "Lịch sử" as its only sheet, so LibreOffice prints just that. */
(async () => {
  const [from = "", to = ""] = process.argv.slice(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(from) as unknown as ArrayBuffer);
  for (const ws of [...wb.worksheets]) if (ws.name !== "Lịch sử") wb.removeWorksheet(ws.id);
  writeFileSync(to, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
})();
