import { build } from "esbuild";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import http from "http";
import type { AddressInfo } from "net";
import { join, extname } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { chromium, type Browser, type Download, type Page } from "playwright-core";
import { CATALOGUE } from "../../src/catalogue/catalogue";
import { readDocumentFile } from "../../src/catalogue/fileSource";
import { parsePlan } from "../../src/core/loaders/parsePlan";
import { parsePeriod } from "../../src/core/period";
import { readReportFile } from "../../src/province/readReportFile";
import { renderXlsx } from "../../src/render/xlsx";
import { buildWorkbook } from "../../src/workbook/build";
import { gridOf } from "../../src/template/xlsxFile";
import { fill } from "../support/forms";
import { quarterBlock } from "../support/templates";

/**
 * The built task pane in Debian's Chromium (never a downloaded browser), against an in-memory Excel:
 * paste a seed appendix, load it, enter values, check them, update with an amended appendix, and read
 * the resulting cells and preserved entries. Screenshots of each screen go to $SCREENSHOTS (the README's
 * pictures with SCREENSHOTS=docs/screenshots).
 */

const root = join(__dirname, "..", "..");
const buildDir = join(root, "build");
const shots = process.env.SCREENSHOTS ? join(root, process.env.SCREENSHOTS) : null;
const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "text/xml" };

let server: http.Server;
let browser: Browser;
let page: Page;
let base = "";

const fake = <T>(fn: string): Promise<T> => page.evaluate(fn) as Promise<T>;

beforeAll(async () => {
  if (!existsSync(join(buildDir, "taskpane.html"))) throw new Error("Chưa có bản dựng: chạy npm run build trước");
  const standin = (await build({ entryPoints: [join(__dirname, "standin.ts")], bundle: true, write: false, format: "iife", platform: "browser", target: "es2020" })).outputFiles[0]!.text;
  server = http.createServer((req, res) => {
    const file = join(buildDir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(buildDir) || !existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  // The pane as Excel opens it: about 320 px wide.
  page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  // Microsoft's office.js is answered by the stand-in; nothing else leaves the machine.
  await page.route(/^https:\/\/appsforoffice\.microsoft\.com\//, (route) => route.fulfill({ body: standin, contentType: "text/javascript" }));
  await page.route(
    (url) => !url.href.startsWith(base) && !url.href.startsWith("https://appsforoffice.microsoft.com/"),
    (route) => route.abort(),
  );
  if (shots) mkdirSync(shots, { recursive: true });
}, 120000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const snap = async (name: string) => {
  if (!shots) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
};

describe("the task pane in Chromium against an in-memory Excel", () => {
  const appendix = readDocumentFile(CATALOGUE[0]!);

  it("pastes a seed appendix, previews it and lays out the report workbook", async () => {
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole("tab", { name: "Nạp chỉ tiêu" }).waitFor();
    await page.getByLabel("Dán phụ lục chỉ tiêu (chép từ Word, PDF hoặc trang web)").fill(appendix);
    await page.getByRole("button", { name: "Đọc phụ lục" }).click();
    await page.getByText("29 chỉ tiêu").waitFor();
    // At 320 px nothing runs off the right edge (every target box fits) and 29 rows stay a readable length.
    const layout = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
      boxes: [...document.querySelectorAll("input[aria-label^='Chỉ tiêu phấn đấu của']")].map((e) => e.getBoundingClientRect().right),
    }));
    expect(layout.width).toBeLessThanOrEqual(320);
    expect(Math.max(...layout.boxes)).toBeLessThanOrEqual(320);
    expect(layout.height).toBeLessThan(29 * 150);
    // The official drops nothing but corrects C.6's target before loading.
    const c6 = page.getByLabel("Chỉ tiêu phấn đấu của C.6");
    await c6.fill("≥ 96%");
    await c6.blur();
    await page.getByText("≥ 96% (2026)").waitFor();
    await page.getByRole("textbox", { name: "Đơn vị báo cáo" }).fill("UBND xã Thống Nhất");
    await page.getByLabel("Kỳ báo cáo").fill("Quý II/2026");
    await snap("nap-chi-tieu");
    await page.getByRole("button", { name: "Nạp vào sổ" }).click();
    await page.getByText("Đã lập sổ: 29 chỉ tiêu, 0 nhiệm vụ.").waitFor();
    const sheets = await fake<string[]>("window.__excel.sheets.map(s => s.name)");
    expect(sheets).toEqual(["Chỉ tiêu", "Tổng hợp", "Cấu hình", "_CDS"]);
    expect(await fake("window.__excel.cell('Chỉ tiêu', 'A6')")).toBe("'A.1");
    expect(await fake("window.__excel.cell('Cấu hình', 'B3')")).toBe("'UBND xã Thống Nhất");
    // One sync to look at the workbook, one to write it with its finish.
    expect(await fake("window.__excel.syncs")).toBe(2);
  }, 60000);

  it("checks what was entered and selects the cell of a problem", async () => {
    // The official types: 95 (meant 95%) for C.7 in Quý I, and 50% for A.1 in Quý II.
    await fake(`(() => { const s = window.__excel.sheet('Chỉ tiêu');
      const row = (id) => [...s.cells.entries()].find(([k, v]) => /^A\\d+$/.test(k) && v.formula === "'" + id)[0].slice(1);
      s.cells.set('F' + row('C.7'), { formula: 95, format: '0%' });
      s.cells.set('G' + row('A.1'), { formula: 0.5, format: '0%' });
      s.cells.set('Y' + row('A.1'), { formula: 'Ghi chú của xã', format: 'General' });
      s.cells.set('Y' + row('C.23'), { formula: 'Đã trình Sở', format: 'General' }); })()`);
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByRole("button", { name: "Kiểm tra số liệu" }).click();
    const problem = page.getByRole("listitem").filter({ hasText: "C.7: Quý I: ô phần trăm đang là 9500%" });
    await problem.waitFor();
    await snap("kiem-tra");
    const address = (await problem.getByRole("button").textContent())!.replace("Ô ", "");
    await problem.getByRole("button").click();
    await page.waitForFunction((a) => (window as unknown as { __excel: { selected: string } }).__excel.selected === `Chỉ tiêu!${a}`, address);
  }, 60000);

  it("changes the period on Cấu hình", async () => {
    await page.getByRole("tab", { name: "Kỳ báo cáo" }).click();
    await page.getByRole("textbox", { name: "Đơn vị báo cáo" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Đơn vị báo cáo" }).inputValue()).toBe("UBND xã Thống Nhất");
    await page.getByRole("combobox").click();
    await page.getByRole("option", { name: "Quý III" }).click();
    await snap("ky-bao-cao");
    await page.getByRole("button", { name: "Áp dụng kỳ báo cáo" }).click();
    await page.getByText("Đã chọn kỳ Quý III/2026.", { exact: false }).waitFor();
    expect(await fake("window.__excel.cell('Cấu hình', 'B6')")).toBe("'Quý III");
    expect(await fake("window.__excel.sheet('Cấu hình').protected")).toBe(true);
  }, 60000);

  it("shows the overview with the lagging indicators", async () => {
    await page.getByRole("tab", { name: "Tổng quan" }).click();
    await page.getByRole("button", { name: "Xem tổng quan" }).click();
    await page.getByText("Kỳ Quý III/2026: 29 chỉ tiêu").waitFor();
    await snap("tong-quan");
  }, 60000);

  it("drafts the written report of the period as a Word file from the open workbook", async () => {
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30000 }), page.getByRole("button", { name: "Soạn báo cáo kỳ (Word)" }).click()]);
    expect(download.suggestedFilename()).toBe("BC_UBND-xa-Thong-Nhat-g9w7u_Quy-III-2026.docx");
    const saved = join(mkdtempSync(join(tmpdir(), "chitieu-e2e-bc-")), "bc.docx");
    await download.saveAs(saved);
    const xml = await (await JSZip.loadAsync(readFileSync(saved))).file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("ỦY BAN NHÂN DÂN");
    expect(text).toContain("Kế hoạch có 29 chỉ tiêu");
    expect(text).toContain("quý III năm 2026");
    for (const id of parsePlan(appendix).indicators.map((i) => i.id)) expect(text).toContain(id);
    await page.getByText("Đã soạn BC_UBND-xa-Thong-Nhat-g9w7u_Quy-III-2026.docx", { exact: false }).waitFor();
    await snap("bao-cao-ky");
  }, 60000);

  it("gives each department its form and writes a returned form's values into the open workbook", async () => {
    await page.getByRole("tab", { name: "Phiếu đơn vị" }).click();
    const downloads: Download[] = [];
    const collect = (d: Download) => downloads.push(d);
    page.on("download", collect);
    // The first press only asks about names that may be one unit; nothing is downloaded yet.
    await page.getByRole("button", { name: "Giao phiếu (tải về từng đơn vị)" }).click();
    await page.getByLabel("“Phòng VH-XH” và “Phòng VH-XH xã” là một đơn vị").check();
    expect(downloads).toHaveLength(0);
    await page.getByRole("button", { name: "Giao phiếu (tải về từng đơn vị)" }).click();
    await page.getByText("Đã giao 8 phiếu.").waitFor();
    for (let k = 0; k < 100 && downloads.length < 8; k++) await page.waitForTimeout(100);
    expect(downloads.map((d) => d.suggestedFilename())).toContain("Phieu_Phong-VH-XH_Quy-III-2026.xlsx");
    page.off("download", collect);
    expect(downloads.map((d) => d.suggestedFilename())).toContain("Phieu_Cong-an-xa_Quy-III-2026.xlsx");
    const dir = mkdtempSync(join(tmpdir(), "chitieu-e2e-phieu-"));
    const saved = join(dir, "cong-an.xlsx");
    await downloads.find((d) => d.suggestedFilename() === "Phieu_Cong-an-xa_Quy-III-2026.xlsx")!.saveAs(saved);
    writeFileSync(saved, await fill(new Uint8Array(readFileSync(saved)), [{ code: "C.16", column: "Quý III", value: 0.8 }]));
    await page.getByLabel("Các phiếu đã nộp").setInputFiles(saved);
    // Saved today, after the period's due date (05/10/2026): late.
    await page.getByText("Đã nhận phiếu: Công an xã (1 giá trị, nộp muộn).", { exact: false }).waitFor();
    await snap("phieu-don-vi");
    await page.getByRole("button", { name: "Ghi số liệu phiếu vào sổ" }).click();
    await page.getByText("Đã ghi 1 giá trị từ phiếu vào sổ", { exact: false }).waitFor();
    const value = await fake<unknown>(`(() => { const s = window.__excel.sheet('Chỉ tiêu');
      const row = [...s.cells.entries()].find(([k, v]) => /^A\\d+$/.test(k) && v.formula === "'C.16")[0].slice(1);
      const header = [...s.cells.entries()].find(([k, v]) => v.formula === "'Quý III" || v.formula === "Quý III")[0].replace(/\\d+$/, "");
      return s.cells.get(header + row).formula; })()`);
    expect(value).toBe(0.8);
  }, 60000);

  it("updates with an amended appendix and keeps every entry where it belongs", async () => {
    const amended = appendix
      .replace(/23\.\tCác hệ thống thông tin phê duyệt[^\n]*/, "24.\tTỷ lệ camera giám sát được kết nối về trung tâm điều hành\t%\t≥ 60%\tCông an xã\tCác cơ quan, đơn vị thuộc xã\t")
      // Reworded enough that the official must say whether it is still C.7 (its 95 must follow only if so).
      .replace("7.\tTỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp", "7.\tTỷ lệ người dân, doanh nghiệp nộp hồ sơ qua dịch vụ công trực tuyến");
    await page.getByRole("tab", { name: "Cập nhật" }).click();
    await page.getByLabel("Phụ lục chỉ tiêu đã sửa đổi").fill(amended);
    await page.getByRole("button", { name: "Đọc phụ lục" }).click();
    await page.getByRole("button", { name: "Đối chiếu với sổ" }).click();
    await page.getByText("1 cặp chưa chắc là cùng một chỉ tiêu", { exact: false }).waitFor();
    const write = page.getByRole("button", { name: "Cập nhật vào sổ" });
    expect(await write.isDisabled()).toBe(true);
    await page.getByLabel("Chỉ tiêu C.7 trong sổ là").selectOption("C.7");
    await snap("cap-nhat");
    await write.click();
    await page.getByText("Đã cập nhật. Giữ 28 chỉ tiêu", { exact: false }).waitFor();
    const text = await page.getByText("Đã cập nhật.", { exact: false }).textContent();
    expect(text).toContain("Chỉ tiêu mới: C.24.");
    expect(text).toContain("Không còn trong phụ lục mới: C.23");
    const after = await fake<Record<string, unknown>>(`(() => { const s = window.__excel.sheet('Chỉ tiêu');
      const row = (id) => [...s.cells.entries()].find(([k, v]) => /^A\\d+$/.test(k) && v.formula === "'" + id)[0].slice(1);
      return { a1: s.cells.get('G' + row('A.1')).formula, note: s.cells.get('Y' + row('A.1')).formula, c7: s.cells.get('F' + row('C.7')).formula,
        c23: !!row('C.23'), c24: !!row('C.24'), old: window.__excel.sheets.map(x => x.name) }; })()`);
    expect(after).toEqual({
      a1: 0.5,
      note: "'Ghi chú của xã",
      c7: 95,
      c23: true,
      c24: true,
      old: ["Chỉ tiêu (cũ 1)", "Tổng hợp (cũ 1)", "Cấu hình (cũ 1)", "_CDS (cũ 1)", "Chỉ tiêu", "Tổng hợp", "Cấu hình", "_CDS"],
    });
  }, 60000);

  it("exports the report for the province and consolidates it with another unit's", async () => {
    await page.getByRole("tab", { name: "Gửi tỉnh" }).click();
    const downloads: Download[] = [];
    page.on("download", (d) => downloads.push(d));
    await page.getByRole("button", { name: "Xuất gửi tỉnh" }).click();
    await page.waitForFunction(() => true);
    for (let k = 0; k < 50 && downloads.length < 2; k++) await page.waitForTimeout(100);
    expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(["CDS_UBND-xa-Thong-Nhat-g9w7u_Quy-III-2026.csv", "CDS_UBND-xa-Thong-Nhat-g9w7u_Quy-III-2026.xlsx"]);
    await page.getByText("Đã xuất CDS_UBND-xa-Thong-Nhat-g9w7u_Quy-III-2026.xlsx", { exact: false }).waitFor();
    await snap("gui-tinh");
    const dir = mkdtempSync(join(tmpdir(), "chitieu-e2e-"));
    const xlsx = join(dir, "CDS_UBND-xa-Thong-Nhat-g9w7u_Quy-III-2026.xlsx");
    await downloads.find((d) => d.suggestedFilename().endsWith(".xlsx"))!.saveAs(xlsx);
    const csvPath = join(dir, "x.csv");
    await downloads.find((d) => d.suggestedFilename().endsWith(".csv"))!.saveAs(csvPath);
    expect(readFileSync(csvPath, "utf8").startsWith("\uFEFFloai,ma,")).toBe(true);
    const read = await readReportFile("x.xlsx", new Uint8Array(readFileSync(xlsx)));
    expect(read.report!.config).toMatchObject({ unit: "UBND xã Thống Nhất", choice: "Quý III", year: 2026 });
    expect(read.report!.reading.rows.find((r) => r.id === "A.1")!.entry).toMatchObject({ periods: [null, 0.5, null, null], note: "Ghi chú của xã" });

    // Another unit's report, made by the command-line renderer, consolidated with this one in the pane.
    const other = join(dir, "CDS_Gia-Tan.xlsx");
    const { spec } = buildWorkbook({
      plan: parsePlan(appendix),
      settings: {
        unit: "UBND xã Gia Tân",
        period: parsePeriod("Quý III/2026", "quarter")!,
        frequency: "quarter",
        reportDate: "2026-10-03",
        warnThreshold: 0.5,
        planId: "thong-nhat-2026",
        productVersion: "0.1.0",
      },
    });
    writeFileSync(other, await renderXlsx(spec));
    await page.getByLabel("Danh sách đơn vị phải báo cáo (mỗi dòng một đơn vị, để biết đơn vị nào chưa gửi)").fill("UBND xã Thống Nhất\nUBND xã Gia Tân\nUBND xã Xuân Lộc");
    await page.getByLabel("Các tệp báo cáo của đơn vị").setInputFiles([xlsx, other]);
    for (let k = 0; k < 100 && downloads.length < 3; k++) await page.waitForTimeout(100);
    expect(downloads[2]!.suggestedFilename()).toBe("TongHop_Quy-III-2026.xlsx");
    await page.getByText("Đã tổng hợp 2 đơn vị", { exact: false }).waitFor();
    await page.getByText("Chưa báo cáo: UBND xã Xuân Lộc.", { exact: false }).waitFor();
  }, 120000);

  // The test's server, like IIS, knows no .mjs type: the worker is served as .js or pdf.js never starts.
  it("opens a PDF appendix in the pane (pdf.js and its worker load from the build, nothing from the network)", async () => {
    // The PDF is printed by the same Chromium from a table, so it has a real text layer.
    const printer = await browser.newPage();
    await printer.setContent(
      `<html><head><meta charset="utf-8"><style>td,th{border:1px solid #000;padding:6px;vertical-align:top;font:12pt serif}</style></head><body>` +
        `<p><b>KẾ HOẠCH</b></p><p><b>Chuyển đổi số xã Tân Hòa năm 2026</b></p><table style="border-collapse:collapse;width:100%">` +
        `<tr><th>STT</th><th>Nội dung chỉ tiêu</th><th>Đơn vị tính</th><th>Chỉ tiêu năm 2026</th></tr>` +
        `<tr><td>1</td><td>Tỷ lệ hộ gia đình được phủ cáp quang</td><td>%</td><td>≥ 95%</td></tr>` +
        `<tr><td>2</td><td>Số camera an ninh kết nối trung tâm</td><td>camera</td><td>Không dưới 40 camera</td></tr>` +
        `<tr><td>3</td><td>Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình</td><td>%</td><td>từ 70% đến 80%</td></tr></table></body></html>`,
    );
    const dir = mkdtempSync(join(tmpdir(), "chitieu-e2e-pdf-"));
    const pdf = join(dir, "ke-hoach-tan-hoa.pdf");
    writeFileSync(pdf, await printer.pdf({ format: "A4" }));
    await printer.close();
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole("tab", { name: "Nạp chỉ tiêu" }).waitFor();
    await page.getByLabel("Tệp phụ lục").setInputFiles(pdf);
    await page.getByText("3 chỉ tiêu").waitFor({ timeout: 30000 });
    const preview = page.getByRole("list", { name: "Chỉ tiêu" });
    await preview.getByText("Tỷ lệ hộ gia đình được phủ cáp quang").waitFor();
    expect(await preview.getByText("≥ 95% (2026)").count()).toBe(1);
    expect(await preview.getByText("≥ 40 camera (2026)").count()).toBe(1);
    expect(await preview.getByText(/70.*80%.*\(2026\)/).count()).toBe(1);
  }, 90000);

  it("adds the judging columns beside a table the official already has, after showing how it was read", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await quarterBlock.build()) as unknown as ArrayBuffer);
    const grid = gridOf(wb.getWorksheet(quarterBlock.sheet)!);
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole("tab", { name: "Dùng bảng có sẵn" }).waitFor();
    // The official's workbook, open in Excel before the add-in runs.
    await page.evaluate(
      (g) => {
        const excel = (window as unknown as { __excel: { addSheet(n: string): { cells: Map<string, unknown> }; active: string } }).__excel;
        const s = excel.addSheet(g.sheet);
        const letter = (n: number) => {
          let t = "";
          for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) t = String.fromCharCode(65 + ((k - 1) % 26)) + t;
          return t;
        };
        g.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v !== "" && v !== null) s.cells.set(`${letter(c + 1)}${r + 1}`, { formula: typeof v === "string" ? `'${v}` : v, format: String(g.formats?.[r]?.[c] ?? "General") });
          }),
        );
        excel.active = g.sheet;
      },
      grid as { sheet: string; values: unknown[][]; formats?: unknown[][] },
    );
    const before = await fake<Array<[string, unknown]>>(`[...window.__excel.sheet('${quarterBlock.sheet}').cells].map(([k, c]) => [k, c.formula])`);
    await page.getByRole("tab", { name: "Dùng bảng có sẵn" }).click();
    await page.getByRole("textbox", { name: "Kỳ báo cáo" }).fill("Quý II/2026");
    await page.getByRole("textbox", { name: "Đơn vị báo cáo" }).fill("UBND xã Định Quán");
    await page.getByRole("button", { name: "Đọc bảng trên trang đang mở" }).click();
    await page.getByText("Trang “Theo dõi quý”: 4 chỉ tiêu, tiêu đề ở dòng 4–5").waitFor();
    expect(await page.getByRole("combobox", { name: "Cột E Kết quả thực hiện Quý I" }).inputValue()).toBe("achieved");
    await page.getByText("dòng 14 (dòng tổng)", { exact: false }).waitFor();
    await snap("bang-co-san");
    // The official says "Lũy kế" is theirs alone: the mapping follows.
    await page.getByRole("combobox", { name: "Cột I Lũy kế" }).selectOption("other");
    await page.getByRole("button", { name: "Thêm cột đánh giá" }).click();
    await page.getByText("Đã thêm cột đánh giá vào trang", { exact: false }).waitFor();
    expect(await fake("window.__excel.cell('Theo dõi quý', 'N4')")).toBe("'Trạng thái");
    expect(String(await fake("window.__excel.cell('Theo dõi quý', 'N9')"))).toMatch(/^=IF\(/);
    const after = await fake<Record<string, unknown>>(`Object.fromEntries([...window.__excel.sheet('${quarterBlock.sheet}').cells].map(([k, c]) => [k, c.formula]))`);
    for (const [key, value] of before) expect([key, after[key]]).toEqual([key, value]);
    // The overview reads the official's table through the stored mapping.
    await page.getByRole("tab", { name: "Tổng quan" }).click();
    await page.getByRole("button", { name: "Xem tổng quan" }).click();
    await page.getByText("Đạt 84% lộ trình", { exact: false }).waitFor();
  }, 60000);

  it("begins the next year of a multi-year plan from the open book, which stays as it was", async () => {
    await page.goto(`${base}/taskpane.html`);
    await page.getByLabel("Dán phụ lục chỉ tiêu (chép từ Word, PDF hoặc trang web)").fill(readDocumentFile(CATALOGUE[3]!));
    await page.getByRole("button", { name: "Đọc phụ lục" }).click();
    await page.getByText("17 chỉ tiêu").waitFor();
    await page.getByRole("textbox", { name: "Đơn vị báo cáo" }).fill("Đảng ủy phường Hòa Cường");
    await page.getByLabel("Kỳ báo cáo").fill("Quý IV/2026");
    await page.getByRole("button", { name: "Nạp vào sổ" }).click();
    await page.getByText("Đã lập sổ: 17 chỉ tiêu", { exact: false }).waitFor();
    // 65% typed for I.2 in Quý IV.
    const typed = await fake<string>(`(() => { const s = window.__excel.sheet('Chỉ tiêu');
      const row = [...s.cells.entries()].find(([k, v]) => /^A\\d+$/.test(k) && v.formula === "'I.2")[0].slice(1);
      const col = [...s.cells.entries()].find(([k, v]) => v.formula === "'Quý IV" || v.formula === "Quý IV")[0].replace(/\\d+$/, "");
      s.cells.set(col + row, { formula: 0.65, format: '0%' });
      return col + row; })()`);
    const before = await fake<string>("JSON.stringify([...window.__excel.sheet('Chỉ tiêu').cells])");
    await page.getByRole("tab", { name: "Kỳ báo cáo" }).click();
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30000 }), page.getByRole("button", { name: "Lập sổ năm 2027" }).click()]);
    await page.getByText("Đã lập SoBaoCao_Dang-uy-phuong-Hoa-Cuong_2027.xlsx", { exact: false }).waitFor();
    await snap("sang-nam-moi");
    const saved = join(mkdtempSync(join(tmpdir(), "chitieu-e2e-nam-")), "so-2027.xlsx");
    await download.saveAs(saved);
    const next = (await readReportFile("so-2027.xlsx", new Uint8Array(readFileSync(saved)))).report!;
    expect(next.config).toMatchObject({ year: 2027, choice: "Quý I" });
    expect(next.reading.rows.find((r) => r.id === "I.2")!.entry.baseline).toBe(0.65);
    const history = next.history!;
    expect(history.rows.find((r) => r.code === "I.2")!.values[history.columns.indexOf("Quý IV/2026")]).toBe(0.65);
    expect(typed).toMatch(/^[A-Z]+\d+$/);
    expect(await fake<string>("JSON.stringify([...window.__excel.sheet('Chỉ tiêu').cells])")).toBe(before);
  }, 60000);
});

describe("the same pane in a plain browser, outside Excel", () => {
  const appendix = readDocumentFile(CATALOGUE[0]!);
  it("builds the report workbook as a file, opens it filled in, checks it, shows the overview and exports it", async () => {
    const browserPage = await browser.newPage({ viewport: { width: 320, height: 900 }, acceptDownloads: true });
    // No Office at all (as in Chrome or Cốc Cốc with office.js unreachable): the pane works on files.
    await browserPage.route(
      (url) => !url.href.startsWith(base),
      (route) => route.abort(),
    );
    try {
      await browserPage.goto(`${base}/taskpane.html`);
      await browserPage.getByText("Đang mở ngoài Excel", { exact: false }).waitFor();
      await browserPage.getByLabel("Dán phụ lục chỉ tiêu (chép từ Word, PDF hoặc trang web)").fill(appendix);
      await browserPage.getByRole("button", { name: "Đọc phụ lục" }).click();
      await browserPage.getByRole("textbox", { name: "Đơn vị báo cáo" }).fill("UBND xã Gia Tân");
      await browserPage.getByLabel("Kỳ báo cáo").fill("Quý II/2026");
      const [built] = await Promise.all([browserPage.waitForEvent("download"), browserPage.getByRole("button", { name: "Lập sổ và tải về (.xlsx)" }).click()]);
      expect(built.suggestedFilename()).toBe("SoBaoCao_UBND-xa-Gia-Tan_Quy-II-2026.xlsx");
      await browserPage.getByText("Đã tải về tệp SoBaoCao_UBND-xa-Gia-Tan_Quy-II-2026.xlsx", { exact: false }).waitFor();

      // The official fills it in Excel (here: ExcelJS) and opens it again in the browser.
      const dir = mkdtempSync(join(tmpdir(), "chitieu-e2e-file-"));
      const path = join(dir, "so.xlsx");
      await built.saveAs(path);
      const read = await readReportFile("so.xlsx", new Uint8Array(readFileSync(path)));
      expect(read.report!.config).toMatchObject({ unit: "UBND xã Gia Tân", choice: "Quý II", year: 2026 });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(path) as never);
      const ws = wb.getWorksheet("Chỉ tiêu")!;
      const rowOf = (id: string) => ws.getColumn(1).values.findIndex((v) => v === id);
      ws.getCell(`F${rowOf("C.7")}`).value = 95;
      ws.getCell(`G${rowOf("A.1")}`).value = 0.5;
      await wb.xlsx.writeFile(path);
      await browserPage.getByLabel("Sổ báo cáo đã nhập số liệu").setInputFiles(path);
      await browserPage.getByText("Đang xem sổ so.xlsx: UBND xã Gia Tân, kỳ Quý II/2026, 29 chỉ tiêu", { exact: false }).waitFor();

      await browserPage.getByRole("tab", { name: "Kiểm tra" }).click();
      await browserPage.getByRole("button", { name: "Kiểm tra số liệu" }).click();
      await browserPage.getByRole("listitem").filter({ hasText: "C.7: Quý I: ô phần trăm đang là 9500%" }).waitFor();
      await browserPage.getByRole("tab", { name: "Tổng quan" }).click();
      await browserPage.getByRole("button", { name: "Xem tổng quan" }).click();
      await browserPage.getByText("Kỳ Quý II/2026: 29 chỉ tiêu").waitFor();
      expect(await browserPage.getByRole("tab", { name: "Kỳ báo cáo" }).isDisabled()).toBe(true);

      await browserPage.getByRole("tab", { name: "Gửi tỉnh" }).click();
      const exported: Download[] = [];
      browserPage.on("download", (d) => exported.push(d));
      await browserPage.getByRole("button", { name: "Xuất gửi tỉnh" }).click();
      await browserPage.getByText("Đã xuất CDS_UBND-xa-Gia-Tan", { exact: false }).waitFor();
      for (let k = 0; k < 50 && exported.length < 2; k++) await browserPage.waitForTimeout(100);
      expect(exported.map((d) => d.suggestedFilename()).sort()).toEqual([
        expect.stringMatching(/^CDS_UBND-xa-Gia-Tan-\w{5}_Quy-II-2026\.csv$/),
        expect.stringMatching(/^CDS_UBND-xa-Gia-Tan-\w{5}_Quy-II-2026\.xlsx$/),
      ]);
      expect(await browserPage.getByRole("button", { name: "Mở thành sổ mới" }).count()).toBe(0);
    } finally {
      await browserPage.close();
    }
  }, 120000);
});
