import { readFileSync, readdirSync, writeFileSync } from "fs";
import { basename, join } from "path";
import { CATALOGUE, findEntry } from "../catalogue/catalogue";
import { readDocumentFile } from "../catalogue/fileSource";
import { parseViDate } from "../core/format";
import { parsePlan } from "../core/loaders/parsePlan";
import type { Plan } from "../core/plan";
import { planSummary } from "./parseCommand";
import { UserError, evaluate, loadResults, reportOptions, workbookFile } from "./reportCommands";
import { consolidate, consolidationWorkbook } from "../province/consolidate";
import { exportCsv, exportName } from "../province/export";
import { readReportFile } from "../province/readReportFile";
import { DocumentError, readDocument, type DocumentText } from "../documents/readDocument";
import { renderXlsx } from "../render/xlsx";

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  readText: (path: string) => string;
  readBytes: (path: string) => Uint8Array;
  listDir: (path: string) => string[];
  writeFile: (path: string, data: Uint8Array | string) => void;
  today: () => Date;
}

const nodeIo: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  readText: (p) => readFileSync(p, "utf8"),
  readBytes: (p) => new Uint8Array(readFileSync(p)),
  // Files only: a sub-folder in the reports folder is not a report.
  listDir: (p) => readdirSync(p, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name),
  writeFile: (p, data) => writeFileSync(p, data),
  today: () => new Date(),
};

export const HELP = `chitieu — Chỉ tiêu số: theo dõi chỉ tiêu chuyển đổi số của phường, xã

Cách dùng:
  chitieu plans                      Liệt kê các kế hoạch mẫu có sẵn
  chitieu parse TỆP [--json]         Đọc phụ lục chỉ tiêu từ tệp Word (.docx), PDF, Excel (.xlsx) hoặc văn bản
  chitieu parse --plan MÃ [--json]   Đọc một kế hoạch mẫu theo mã
  chitieu evaluate --plan KẾ_HOẠCH --results KẾT_QUẢ.csv [--period "Quý II/2026"] [--json]
                                     Chấm trạng thái từng chỉ tiêu theo kết quả báo cáo của kỳ
  chitieu workbook --plan KẾ_HOẠCH --out SỔ.xlsx [--results KẾT_QUẢ.csv] [--period ...] [--unit ...]
                                     Lập sổ báo cáo chuẩn (.xlsx) có công thức và tô màu

Tùy chọn chung:
  --period "Quý II/2026"   kỳ báo cáo: Quý I..IV/năm, Tháng 1..12/năm, 6 tháng đầu năm, 9 tháng, Năm
  --frequency quy|thang    nhập số liệu theo quý (mặc định) hay theo tháng
  --threshold 50%          ngưỡng cảnh báo so với lộ trình (mặc định 50%)
  --unit "UBND xã ..."     tên đơn vị báo cáo
  --date dd/mm/yyyy        ngày báo cáo (mặc định hôm nay)
KẾ_HOẠCH là tệp phụ lục (.docx, .pdf, .xlsx, .txt) hoặc mã kế hoạch mẫu. KẾT_QUẢ.csv có dòng tiêu đề code,value[,evidence];
giá trị theo thang của văn bản (95 nghĩa là 95%) hoặc một từ như Đạt, Hoàn thành.

  chitieu export SỔ.xlsx [--out-dir THƯ_MỤC]
                                     Xuất sổ gửi tỉnh: CDS_<đơn vị>_<kỳ>.xlsx và .csv (UTF-8)
  chitieu consolidate THƯ_MỤC --out TONGHOP.xlsx [--units DANH_SÁCH.txt] [--due dd/mm/yyyy]
                                     Tổng hợp sổ của nhiều đơn vị thành ma trận đơn vị × chỉ tiêu

  chitieu help                       Hiện hướng dẫn này`;

/** Splits argv into positional words and --flags (a flag takes the next word as its value unless it is boolean). */
export function parseArgs(argv: string[], booleans: string[]): { words: string[]; flags: Map<string, string | true> } {
  const words: string[] = [];
  const flags = new Map<string, string | true>();
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split("=", 2);
      if (inline !== undefined) flags.set(name, inline);
      else if (booleans.includes(name) || k + 1 >= argv.length || argv[k + 1].startsWith("--")) flags.set(name, true);
      else flags.set(name, argv[++k]);
    } else words.push(a);
  }
  return { words, flags };
}

/**
 * A plan from a catalogue id or a file (.docx, .pdf, .xlsx or text). A file that cannot be read, or in
 * which no indicator and no task is found, stops the command: nothing is written from an empty plan.
 */
export async function loadPlanArg(source: string, io: CliIo): Promise<Plan> {
  const entry = findEntry(source);
  if (entry) return parsePlan(readDocumentFile(entry));
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(source);
  } catch {
    throw new UserError(`Không mở được tệp "${source}" và cũng không có kế hoạch mẫu mã "${source}". Gõ "chitieu plans" để xem các mã.`);
  }
  let doc: DocumentText;
  try {
    doc = await readDocument(basename(source), bytes);
  } catch (err) {
    if (err instanceof DocumentError) throw new UserError(err.message);
    throw err;
  }
  for (const note of doc.notes) io.err(`Lưu ý: ${note}`);
  const plan = parsePlan(doc.text);
  if (plan.indicators.length === 0 && plan.tasks.length === 0) {
    const why = plan.warnings.map((w) => `${w.where}: ${w.message}`).join("; ");
    throw new UserError(`Không tìm thấy chỉ tiêu hay nhiệm vụ nào trong "${source}"${why ? ` (${why})` : ""}. Phụ lục cần có bảng có dòng tiêu đề (STT, Nội dung chỉ tiêu, Chỉ tiêu...) hoặc mục "Mục tiêu cụ thể".`);
  }
  return plan;
}

export async function runCli(argv: string[], io: CliIo = nodeIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "plans": {
        const rows = CATALOGUE.map((e) => {
          const plan = parsePlan(readDocumentFile(e));
          return `${e.id.padEnd(22)} ${String(plan.indicators.length).padStart(3)} chỉ tiêu ${String(plan.tasks.length).padStart(3)} nhiệm vụ   ${e.name} (${e.unit})`;
        });
        io.out(["Các kế hoạch mẫu (dùng mã với --plan):", ...rows].join("\n"));
        return 0;
      }
      case "parse": {
        const { words, flags } = parseArgs(rest, ["json"]);
        const source = typeof flags.get("plan") === "string" ? (flags.get("plan") as string) : words[0];
        if (!source) throw new UserError('Thiếu tệp cần đọc. Ví dụ: chitieu parse phu-luc.txt hoặc chitieu parse --plan thong-nhat-2026');
        const plan = await loadPlanArg(source, io);
        io.out(flags.has("json") ? JSON.stringify(plan, null, 2) : planSummary(plan));
        return 0;
      }
      case "evaluate":
      case "workbook": {
        const { words, flags } = parseArgs(rest, ["json"]);
        const planArg = typeof flags.get("plan") === "string" ? (flags.get("plan") as string) : words[0];
        if (!planArg) throw new UserError("Thiếu --plan: mã kế hoạch mẫu hoặc tệp phụ lục");
        const plan = await loadPlanArg(planArg, io);
        const opts = reportOptions(flags, plan, planArg, io.today());
        const resultsPath = flags.get("results");
        let resultsText: string | null = null;
        if (typeof resultsPath === "string") {
          try {
            resultsText = io.readText(resultsPath);
          } catch {
            throw new UserError(`Không mở được tệp kết quả "${resultsPath}"`);
          }
        } else if (command === "evaluate") throw new UserError("Thiếu --results: tệp CSV kết quả (code,value[,evidence])");
        const results = loadResults(resultsText, opts);
        if (command === "evaluate") {
          const report = evaluate(opts, results);
          if (flags.has("json")) io.out(JSON.stringify(report, null, 2));
          else {
            io.out([`Kỳ báo cáo: ${report.period}`, ...report.indicators.map((r) => `${r.code.padEnd(12)} ${r.status.padEnd(16)} ${r.reason}`), ...report.tasks.map((r) => `${("NV " + r.code).padEnd(12)} ${r.status.padEnd(16)} ${r.reason}`)].join("\n"));
          }
          for (const w of results.warnings) io.err(`Cảnh báo — ${w.where}: ${w.message}`);
          return 0;
        }
        const out = flags.get("out");
        if (typeof out !== "string") throw new UserError("Thiếu --out: tên tệp .xlsx cần ghi");
        io.writeFile(out, await workbookFile(opts, results));
        for (const w of results.warnings) io.err(`Cảnh báo — ${w.where}: ${w.message}`);
        io.out(`Đã ghi sổ báo cáo ${out}: ${plan.indicators.length} chỉ tiêu, ${plan.tasks.length} nhiệm vụ, kỳ ${opts.period.choice}/${opts.period.year}.`);
        return 0;
      }
      case "export": {
        const { words, flags } = parseArgs(rest, []);
        const file = words[0];
        if (!file) throw new UserError("Thiếu tệp sổ báo cáo .xlsx cần xuất");
        let bytes: Uint8Array;
        try {
          bytes = io.readBytes(file);
        } catch {
          throw new UserError(`Không mở được tệp "${file}"`);
        }
        const outcome = await readReportFile(basename(file), bytes);
        if (!outcome.report) throw new UserError(`Tệp "${file}" ${outcome.problem}`);
        const r = outcome.report;
        const dir = typeof flags.get("out-dir") === "string" ? (flags.get("out-dir") as string) : ".";
        const period = `${r.config.choice} ${r.config.year}`;
        const xlsx = join(dir, exportName(r.config.unit, period, "xlsx"));
        const csv = join(dir, exportName(r.config.unit, period, "csv"));
        io.writeFile(xlsx, bytes);
        io.writeFile(csv, exportCsv(r));
        io.out(`Đã xuất ${xlsx} và ${csv}`);
        return 0;
      }
      case "consolidate": {
        const { words, flags } = parseArgs(rest, []);
        const dir = words[0];
        const out = flags.get("out");
        if (!dir) throw new UserError("Thiếu thư mục chứa sổ báo cáo của các đơn vị");
        if (typeof out !== "string") throw new UserError("Thiếu --out: tên tệp tổng hợp .xlsx");
        let names: string[];
        try {
          names = io.listDir(dir).filter((n) => !n.startsWith(".")).sort();
        } catch {
          throw new UserError(`Không mở được thư mục "${dir}"`);
        }
        const unitsFile = flags.get("units");
        const expectedUnits = typeof unitsFile === "string" ? io.readText(unitsFile).split(/\r?\n/).map((l) => l.split(",")[0].trim()).filter(Boolean) : undefined;
        const dueText = flags.get("due");
        let due: string | null = null;
        if (typeof dueText === "string") {
          due = parseViDate(dueText);
          if (!due) throw new UserError(`Hạn báo cáo "${dueText}" phải là một ngày theo dạng dd/mm/yyyy`);
        }
        const files = names.map((n) => ({ name: n, bytes: io.readBytes(join(dir, n)) }));
        const result = await consolidate(files, { expectedUnits, due });
        io.writeFile(out, await renderXlsx(consolidationWorkbook(result)));
        io.out(`Đã tổng hợp ${result.units.length} đơn vị, ${result.indicators.length} chỉ tiêu vào ${out}; ${result.missing.length} đơn vị chưa báo cáo; ${result.uncertain.length} cặp chỉ tiêu cần xác nhận.`);
        for (const l of result.log.filter((x) => !x.message.startsWith("đã đọc"))) io.err(`Cảnh báo — ${l.file}: ${l.message}`);
        return 0;
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(HELP);
        return 0;
      default:
        io.err(`Lệnh không hợp lệ: "${command}".\n\n${HELP}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UserError) {
      io.err(`Lỗi: ${err.message}`);
      return 1;
    }
    io.err(`Lỗi không mong đợi: ${(err as Error)?.message ?? String(err)}`);
    return 1;
  }
}

export function main(): void {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
