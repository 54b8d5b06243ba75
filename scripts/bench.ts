// `npm run bench`: speed and memory of the product's heavy paths, printed as one JSON object.
import { gzipSync } from "zlib";
import JSZip from "jszip";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { CATALOGUE } from "../src/catalogue/catalogue";
import { readDocumentFile } from "../src/catalogue/fileSource";
import { parsePlan } from "../src/core/loaders/parsePlan";
import { renderToExcel } from "../src/render/office";
import { renderXlsx } from "../src/render/xlsx";
import { consolidate } from "../src/province/consolidate";
import { readReportFile } from "../src/province/readReportFile";
import type { IndicatorEntry } from "../src/workbook/indicatorSheet";
import { buildWorkbook } from "../src/workbook/build";
import { bigAppendix } from "../test/support/bigPlan";
import { FakeExcel } from "../test/support/fakeExcel";
import { lyingWorkbook } from "../test/support/zipBomb";
import { testSettings } from "../test/support/settings";

const settings = testSettings({ unit: "UBND xã Thử", productVersion: "bench" });
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const round = (x: number) => Math.round(x * 10) / 10;

async function main() {
  const out: Record<string, unknown> = {};

  // First, while the process is small: a 1 MB report whose zip directory hides a 1 GB part. Peak memory of
  // the whole run so far (maxRSS) shows the part was never held in memory.
  const small = await renderXlsx(buildWorkbook({ plan: parsePlan(bigAppendix(5)), settings }).spec);
  const bomb = await lyingWorkbook(small, /worksheets\/sheet1\.xml$/, 1024);
  let t0 = process.hrtime.bigint();
  const refused = await readReportFile("bom.xlsx", bomb);
  out.zipBomb = { fileKB: round(bomb.length / 1024), hiddenMB: 1024, refused: !!refused.problem, ms: round(ms(t0)), maxRssMB: round(process.resourceUsage().maxRSS / 1024) };

  const seedText = CATALOGUE.map((e) => readDocumentFile(e));
  t0 = process.hrtime.bigint();
  const runs = 20;
  for (let k = 0; k < runs; k++) for (const t of seedText) parsePlan(t);
  out.parse = { documents: seedText.length, msPerAllSeeds: round(ms(t0) / runs) };

  // Large appendices: 5,000 rows, and a few rows whose cells wrap over thousands of lines.
  const rowsDoc = bigAppendix(5000);
  const wrapped = ["STT\tNội dung chỉ tiêu\tĐơn vị tính\tChỉ tiêu phấn đấu năm 2026\tĐơn vị chủ trì"];
  for (let k = 1; k <= 10; k++) {
    wrapped.push(`${k}\tTỷ lệ hồ sơ thủ tục hành chính số ${k} xử lý trực tuyến\t%\t≥ 80%\tPhòng Văn hóa - Xã hội`);
    for (let w = 0; w < 800; w++) wrapped.push(`\tphần tiếp theo của nội dung chỉ tiêu, dòng gói số ${w} trong ô\t\t\t`);
  }
  const wrappedDoc = wrapped.join("\n");
  t0 = process.hrtime.bigint();
  parsePlan(rowsDoc);
  const rowsMs = ms(t0);
  t0 = process.hrtime.bigint();
  parsePlan(wrappedDoc);
  out.parseBig = { rows: 5000, rowsKB: round(rowsDoc.length / 1024), rowsMs: round(rowsMs), wrappedLines: wrapped.length, wrappedKB: round(wrappedDoc.length / 1024), bigMs: round(ms(t0)) };

  const big = parsePlan(bigAppendix(300));
  t0 = process.hrtime.bigint();
  const built = buildWorkbook({ plan: big, settings });
  const buildMs = ms(t0);
  const excel = new FakeExcel();
  t0 = process.hrtime.bigint();
  await renderToExcel(excel.context(), built.spec, { supports: () => true, chart: built.layout.chart });
  out.load = { indicators: big.indicators.length, syncs: excel.syncs, apiCalls: excel.calls, largestRequestBytes: excel.largestRequest, ms: round(buildMs + ms(t0)), buildMs: round(buildMs) };

  t0 = process.hrtime.bigint();
  const file = await renderXlsx(built.spec);
  out.xlsx = { indicators: big.indicators.length, bytes: file.length, ms: round(ms(t0)) };

  // The province: 100 unit workbooks of 60 indicators (made first, not timed), then consolidated.
  const sixty = parsePlan(bigAppendix(60));
  const files: Array<{ name: string; bytes: Uint8Array }> = [];
  for (let u = 0; u < 100; u++) {
    const entries = new Map<string, IndicatorEntry>(sixty.indicators.map((ind, k) => [ind.id, { periods: [((u * 7 + k * 13) % 100) / 100, null, null, null], evidence: "Hợp lệ" }]));
    const { spec } = buildWorkbook({ plan: sixty, settings: { ...settings, unit: `UBND xã Thử ${u + 1}` }, indicatorEntries: entries });
    files.push({ name: `CDS_${u + 1}.xlsx`, bytes: await renderXlsx(spec) });
  }
  t0 = process.hrtime.bigint();
  const result = await consolidate(files);
  out.consolidate = { units: result.units.length, indicatorsPerUnit: sixty.indicators.length, ms: round(ms(t0)) };

  // A province after the mergers has a hundred units or more, the country about 3,300: 1,000 reports, read one
  // at a time as the CLI does (ten plans' worth of distinct files, each unit named apart in its shared strings).
  const thousand: Array<{ name: string; bytes: Uint8Array }> = [];
  for (let u = 0; u < 1000; u++) {
    const base = files[u % files.length]!;
    const zip = await JSZip.loadAsync(base.bytes);
    const strings = (await zip.file("xl/sharedStrings.xml")!.async("string")).replace(`UBND xã Thử ${(u % files.length) + 1}<`, `UBND xã Thử ${u + 1}<`);
    zip.file("xl/sharedStrings.xml", strings);
    thousand.push({ name: `CDS_${u + 1}.xlsx`, bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) });
  }
  const rssBefore = process.memoryUsage().rss;
  t0 = process.hrtime.bigint();
  const big1000 = await consolidate(thousand);
  out.consolidate1000 = { units: big1000.units.length, ms: round(ms(t0)), rssMB: round(Math.max(rssBefore, process.memoryUsage().rss) / 1048576) };

  const buildDir = join(__dirname, "..", "build");
  if (existsSync(buildDir)) {
    const js = readdirSync(buildDir).filter((f) => /^taskpane\..*\.js$/.test(f));
    out.bundle = { taskpaneGzipBytes: js.reduce((n, f) => n + gzipSync(readFileSync(join(buildDir, f))).length, 0) };
  } else out.bundle = { taskpaneGzipBytes: null, note: "run npm run build first" };

  out.memory = { heapUsedMB: round(process.memoryUsage().heapUsed / 1048576), rssMB: round(process.memoryUsage().rss / 1048576) };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
