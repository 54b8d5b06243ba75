/**
 * Before and after pictures of "Dùng bảng có sẵn" for the README: a quarter template as an office makes
 * it, and the same file annotated for Quý II/2026. Both are set to print one page wide (only in these
 * picture copies), then LibreOffice recalculates and prints them; scripts/workbook-pictures.sh calls this.
 */
import { execFileSync } from "child_process";
import { copyFileSync, writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { annotateXlsxFile } from "../src/template/xlsxFile";
import { quarterBlock } from "../test/support/templates";

async function onePageWide(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(quarterBlock.sheet)!;
  ws.pageSetup = { ...ws.pageSetup, orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

(async () => {
  const [work = ".", profile = "/tmp/lo-profile"] = process.argv.slice(2);
  const original = await quarterBlock.build();
  const { bytes } = await annotateXlsxFile("theo-doi-quy.xlsx", original, {
    settings: { unit: "UBND xã Định Quán", period: { year: 2026, choice: "Quý II", endMonth: 6 }, reportDate: "2026-07-03", warnThreshold: 0.5, planId: null, productVersion: "readme" },
  });
  writeFileSync(join(work, "truoc.xlsx"), await onePageWide(original));
  writeFileSync(join(work, "sau.xlsx"), await onePageWide(bytes));
  for (const name of ["truoc", "sau"]) {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", work, join(work, `${name}.xlsx`)], { stdio: "ignore", timeout: 120000 });
    // The narrower original prints larger on its page: a lower resolution shows both at the same scale.
    const crop = name === "truoc" ? ["-r", "72", "-x", "30", "-y", "35", "-W", "740", "-H", "200"] : ["-r", "110", "-x", "60", "-y", "70", "-W", "1170", "-H", "200"];
    execFileSync("pdftoppm", [...crop, "-f", "1", "-l", "1", "-singlefile", "-png", join(work, `${name}.pdf`), join(work, name)]);
    copyFileSync(join(work, `${name}.png`), join("docs", "screenshots", `bang-co-san-${name}.png`));
  }
})();
