import { closeSync, fsyncSync, openSync, readFileSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { CATALOGUE, findEntry } from "../catalogue/catalogue";
import { readDocumentFile } from "../catalogue/fileSource";
import { dateProblem, parseViDate } from "../core/format";
import { parsePlan } from "../core/loaders/parsePlan";
import type { Plan } from "../core/plan";
import { periodLabel } from "../core/period";
import { planSummary } from "./parseCommand";
import { UserError, loadResults, reportOptions, workbookFile } from "./reportCommands";
import { evaluatePlan } from "../actions/evaluate";
import { readIntoBatch, type Consolidation } from "../province/consolidate";
import { consolidatedWorkbook } from "../actions/consolidate";
import { exportForProvince } from "../actions/exportForProvince";
import { updateRefusal, updatedReport } from "../actions/updateReport";
import { writtenReport } from "../actions/writtenReport";
import { STATUSES } from "../core/judge";
import { readReportFile, type UnitReport } from "../province/readReportFile";
import { decodeText } from "../documents/text";
import { cutLongText } from "../workbook/spec";
import { REMOVED_GROUP, describeUpdate } from "../reading/update";
import { DocumentError, readDocument, type DocumentText } from "../documents/readDocument";
import { renderXlsx } from "../render/xlsx";
import { checkOutputs, type PathInfo } from "./outputs";
import { annotateCommand } from "./annotateCommand";
import { collectCommand, formsCommand, rolloverCommand } from "./cycleCommands";
import { UserFacingError } from "../core/userFacingError";

export interface CliIo extends PathInfo {
  out: (text: string) => void;
  err: (text: string) => void;
  readText: (path: string) => string;
  readBytes: (path: string) => Uint8Array;
  /** A folder's entries: links as links (their target's kind and size come from `kind` and the size here). */
  listDir: (path: string) => FolderEntry[];
  /** Writes the whole file or nothing: a failed write never leaves a truncated file in place. */
  writeFile: (path: string, data: Uint8Array | string) => void;
  today: () => Date;
}

function writeAtomically(path: string, data: Uint8Array | string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, "wx");
    try {
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was left behind.
    }
    throw new UserError(`Không ghi được tệp "${path}" (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); tệp cũ, nếu có, vẫn nguyên vẹn.`);
  }
}

const identity = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    // Not there yet: its folder's real path and its name.
    try {
      return join(realpathSync(dirname(p)), basename(p));
    } catch {
      return resolve(p);
    }
  }
};

export const nodeIo: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  readText: (p) => readFileSync(p, "utf8"),
  readBytes: (p) => new Uint8Array(readFileSync(p)),
  // Files only: a sub-folder in the reports folder is not a report.
  listDir: (p) =>
    readdirSync(p, { withFileTypes: true }).map((e) => {
      const kind = e.isSymbolicLink() ? "link" : e.isFile() ? "file" : e.isDirectory() ? "dir" : "other";
      let size = 0;
      try {
        size = statSync(join(p, e.name)).size;
      } catch {
        // A broken link: no size.
      }
      let modified: string | undefined;
      try {
        modified = statSync(join(p, e.name)).mtime.toISOString().slice(0, 10);
      } catch {
        // A broken link: no date.
      }
      return { name: e.name, kind, size, modified };
    }),
  writeFile: writeAtomically,
  today: () => new Date(),
  kind: (p) => {
    try {
      const s = statSync(p);
      return s.isFile() ? "file" : s.isDirectory() ? "dir" : "other";
    } catch {
      return null;
    }
  },
  identity,
  dirname,
};

export interface FolderEntry {
  name: string;
  kind: "file" | "dir" | "link" | "other";
  size: number;
  /** ISO date the file was last saved. */
  modified?: string;
}

/** A report workbook given on the command line (with its bytes), or a Vietnamese message saying why it cannot be used. */
export async function readReportArg(file: string, io: CliIo): Promise<{ report: UnitReport; bytes: Uint8Array }> {
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(file);
  } catch {
    throw new UserError(`Không mở được tệp "${file}"`);
  }
  const outcome = await readReportFile(basename(file), bytes);
  if (!outcome.report) throw new UserError(`Tệp "${file}" ${outcome.problem}`);
  return { report: outcome.report, bytes };
}

/**
 * The province's folder, one file at a time (only the parsed rows stay in memory). Every entry that is
 * not read gets a log line saying why; a file reached twice (through a link) is read once.
 */
async function readReportFolder(dir: string, out: string, io: CliIo): Promise<{ reports: UnitReport[]; log: Consolidation["log"] }> {
  const log: Consolidation["log"] = [];
  const reports: UnitReport[] = [];
  const read = new Map<string, string>();
  const outId = io.identity(out);
  const skip = (file: string, why: string) => log.push({ file, message: `bỏ qua: ${why}` });
  for (const e of io.listDir(dir).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, e.name);
    if (e.name.startsWith("~$")) skip(e.name, "tệp khóa tạm của Excel (sổ đang mở)");
    else if (e.name.startsWith(".")) skip(e.name, "tệp ẩn");
    else if (e.kind === "dir") skip(e.name, "thư mục con (chỉ đọc các tệp nằm ngay trong thư mục đã chọn)");
    else if (e.kind === "other") skip(e.name, "không phải tệp thường");
    else {
      const target = e.kind === "link" ? io.kind(full) : "file";
      const id = io.identity(full);
      const ext = extname(e.name).toLowerCase();
      if (target === null) skip(e.name, "liên kết hỏng (không trỏ tới tệp nào)");
      else if (target !== "file") skip(e.name, "liên kết tới thư mục hoặc tệp đặc biệt");
      else if (read.has(id)) skip(e.name, `cùng một tệp với ${read.get(id)} (qua liên kết), đã đọc một lần`);
      else if (id === outId) skip(e.name, "là tệp tổng hợp đang ghi");
      else if (ext === ".csv") skip(e.name, "tệp CSV (tổng hợp đọc sổ .xlsx; CSV chỉ là bản xuất kèm)");
      else if (ext !== ".xlsx") skip(e.name, `không phải sổ .xlsx (${ext ? `đuôi ${ext}` : "không có đuôi"})`);
      else {
        // A file over the size limit is not opened, so a second link to it is not "already read".
        const opened = await readIntoBatch(e.name, e.size, async () => io.readBytes(full), reports, log).catch((err: NodeJS.ErrnoException) => {
          skip(e.name, `không đọc được tệp${err.code === "EACCES" || err.code === "EPERM" ? " (không có quyền đọc)" : err.code ? ` (${err.code})` : ""}`);
          return true;
        });
        if (opened) read.set(id, e.name);
      }
    }
  }
  return { reports, log };
}

export const HELP = `chitieu — Chỉ tiêu số: theo dõi chỉ tiêu chuyển đổi số của phường, xã

Cách dùng:
  chitieu plans                      Liệt kê các kế hoạch mẫu có sẵn
  chitieu parse TỆP [--json]         Đọc phụ lục chỉ tiêu từ tệp Word (.docx), PDF, Excel (.xlsx) hoặc văn bản
  chitieu parse --plan MÃ [--json]   Đọc một kế hoạch mẫu theo mã
  chitieu evaluate --plan KẾ_HOẠCH --results KẾT_QUẢ.csv --period "Quý II/2026" [--json]
                                     Chấm trạng thái từng chỉ tiêu theo kết quả báo cáo của kỳ
  chitieu workbook --plan KẾ_HOẠCH --period "Quý II/2026" --out SỔ.xlsx [--results KẾT_QUẢ.csv] [--unit ...]
                                     Lập sổ báo cáo chuẩn (.xlsx) có công thức và tô màu
  chitieu update SỔ.xlsx --plan PHỤ_LỤC_MỚI --out SỔ-MỚI.xlsx [--json]
                                     Cập nhật sổ theo phụ lục sửa đổi; số liệu đã nhập đi theo chỉ tiêu

Tùy chọn chung:
  --period "Quý II/2026"   kỳ báo cáo (bắt buộc): Quý I..IV/năm, Tháng 1..12/năm, 6 tháng đầu năm, 9 tháng, Năm
  --force                  cho phép ghi đè tệp kết quả đã có (không bao giờ ghi đè tệp đầu vào)
  --frequency quy|thang    nhập số liệu theo quý (mặc định) hay theo tháng
  --threshold 50%          ngưỡng cảnh báo so với lộ trình (mặc định 50%)
  --unit "UBND xã ..."     tên đơn vị báo cáo
  --date dd/mm/yyyy        ngày báo cáo (mặc định hôm nay)
KẾ_HOẠCH là tệp phụ lục (.docx, .pdf, .xlsx, .txt) hoặc mã kế hoạch mẫu. KẾT_QUẢ.csv có dòng tiêu đề code,value[,evidence],
phân cách bằng dấu phẩy, chấm phẩy hoặc tab, bảng mã UTF-8, UTF-16 hoặc Windows-1258; giá trị theo thang của văn bản
(95 nghĩa là 95%) hoặc một từ như Đạt, Hoàn thành.

  chitieu report SỔ.xlsx --out BÁO-CÁO.docx [--json]
                                     Soạn báo cáo kết quả của kỳ (Word, thể thức Nghị định 30/2020/NĐ-CP) từ số liệu
                                     của sổ: kết quả chung, theo nhóm, chỉ tiêu cần chỉ đạo, đơn vị chưa báo cáo, phụ lục
  chitieu export SỔ.xlsx [--out-dir THƯ_MỤC]
                                     Xuất sổ gửi tỉnh: CDS_<đơn vị>_<kỳ>.xlsx và .csv (UTF-8)
  chitieu consolidate THƯ_MỤC --out TONGHOP.xlsx [--units DANH_SÁCH.txt] [--due dd/mm/yyyy]
                                     Tổng hợp sổ của nhiều đơn vị thành ma trận đơn vị × chỉ tiêu

  chitieu annotate BẢNG.xlsx --period "Quý IV/2026" --out BẢNG-ĐÁNH-GIÁ.xlsx [--sheet TÊN_TRANG] [--date dd/mm/yyyy]
           [--column K] [--unit ...] [--threshold 50%] [--json]
                                     Dùng bảng có sẵn: thêm cột tỷ lệ đạt, tiến độ, trạng thái, lý do và tô màu
                                     vào bên phải bảng chỉ tiêu của đơn vị, không sửa ô nào của bảng

  chitieu forms SỔ.xlsx --out-dir THƯ_MỤC [--due dd/mm/yyyy] [--join "TÊN A=TÊN B"] [--json]
                                     Giao phiếu: mỗi đơn vị chủ trì một tệp chỉ có các chỉ tiêu, nhiệm vụ của mình
                                     (hạn nộp mặc định ngày 05 tháng sau kỳ báo cáo)
  chitieu collect SỔ.xlsx THƯ_MỤC_PHIẾU --out SỔ-MỚI.xlsx [--prefer-forms] [--json]
                                     Thu phiếu: đưa số liệu các phiếu đã nộp vào sổ (sổ cũ giữ nguyên); liệt kê đơn vị
                                     đã nộp, chưa nộp, nộp muộn và mọi chỗ khác nhau (mặc định giữ số của sổ)
  chitieu rollover SỔ.xlsx --year 2027 --out SỔ-2027.xlsx
                                     Sang năm mới (kế hoạch nhiều năm): sổ năm sau, kết quả năm nay làm mức xuất phát,
                                     mọi kỳ của năm nay chép vào trang "Lịch sử"

  chitieu help                       Hiện hướng dẫn này`;

/** Splits argv into positional words and --flags (a flag takes the next word as its value unless it is boolean). */
export function parseArgs(argv: string[], booleans: string[]): { words: string[]; flags: Map<string, string | true> } {
  const words: string[] = [];
  const flags = new Map<string, string | true>();
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a.startsWith("--")) {
      const [name = "", inline] = a.slice(2).split("=", 2);
      const next = argv[k + 1];
      if (inline !== undefined) flags.set(name, inline);
      else if (booleans.includes(name) || next === undefined || next.startsWith("--")) flags.set(name, true);
      else flags.set(name, argv[++k]!);
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
  const plan = doc.plan;
  if (plan.indicators.length === 0 && plan.tasks.length === 0) {
    const why = plan.warnings.map((w) => `${w.where}: ${w.message}`).join("; ");
    throw new UserError(
      `Không tìm thấy chỉ tiêu hay nhiệm vụ nào trong "${source}"${why ? ` (${why})` : ""}. Phụ lục cần có bảng có dòng tiêu đề (STT, Nội dung chỉ tiêu, Chỉ tiêu...) hoặc mục "Mục tiêu cụ thể".`,
    );
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
        if (!source) throw new UserError("Thiếu tệp cần đọc. Ví dụ: chitieu parse phu-luc.txt hoặc chitieu parse --plan thong-nhat-2026");
        const plan = await loadPlanArg(source, io);
        io.out(flags.has("json") ? JSON.stringify(plan, null, 2) : planSummary(plan));
        return 0;
      }
      case "evaluate":
      case "workbook": {
        const { words, flags } = parseArgs(rest, ["json", "force"]);
        const planArg = typeof flags.get("plan") === "string" ? (flags.get("plan") as string) : words[0];
        if (!planArg) throw new UserError("Thiếu --plan: mã kế hoạch mẫu hoặc tệp phụ lục");
        const resultsPath = flags.get("results");
        const out = flags.get("out");
        if (command === "evaluate" && typeof resultsPath !== "string") throw new UserError("Thiếu --results: tệp CSV kết quả (code,value[,evidence])");
        if (command === "workbook") {
          if (typeof out !== "string") throw new UserError("Thiếu --out: tên tệp .xlsx cần ghi");
          checkOutputs(
            [out],
            [planArg, resultsPath].filter((p): p is string => typeof p === "string"),
            flags.has("force"),
            io,
          );
        }
        const plan = await loadPlanArg(planArg, io);
        const opts = reportOptions(flags, plan, planArg, io.today());
        let resultsBytes: Uint8Array | null = null;
        if (typeof resultsPath === "string") {
          try {
            resultsBytes = io.readBytes(resultsPath);
          } catch {
            throw new UserError(`Không mở được tệp kết quả "${resultsPath}"`);
          }
        }
        const results = loadResults(resultsBytes, opts);
        for (const note of results.notes) io.err(`Lưu ý: ${note}`);
        if (command === "evaluate") {
          const report = evaluatePlan(plan, results, { period: opts.period, frequency: opts.frequency, warnThreshold: opts.warnThreshold });
          if (flags.has("json")) io.out(JSON.stringify(report, null, 2));
          else {
            io.out(
              [
                `Kỳ báo cáo: ${report.period}`,
                ...report.indicators.map((r) => `${r.code.padEnd(12)} ${r.status.padEnd(16)} ${r.reason}`),
                ...report.tasks.map((r) => `${("NV " + r.code).padEnd(12)} ${r.status.padEnd(16)} ${r.reason}`),
              ].join("\n"),
            );
          }
          for (const w of results.warnings) io.err(`Cảnh báo — ${w.where}: ${w.message}`);
          return 0;
        }
        const file = await workbookFile(opts, results);
        io.writeFile(out as string, file.bytes);
        for (const w of results.warnings) io.err(`Cảnh báo — ${w.where}: ${w.message}`);
        for (const c of file.cut) io.err(`Cảnh báo — ${c}`);
        io.out(`Đã ghi sổ báo cáo ${out}: ${plan.indicators.length} chỉ tiêu, ${plan.tasks.length} nhiệm vụ, kỳ ${periodLabel(opts.period)}.`);
        return 0;
      }
      case "update": {
        const { words, flags } = parseArgs(rest, ["json", "force"]);
        const file = words[0];
        const planArg = flags.get("plan");
        const out = flags.get("out");
        if (!file) throw new UserError("Thiếu tệp sổ báo cáo .xlsx cần cập nhật. Ví dụ: chitieu update SO.xlsx --plan PHU-LUC-MOI.docx --out SO-MOI.xlsx");
        if (typeof planArg !== "string") throw new UserError("Thiếu --plan: phụ lục đã sửa đổi (tệp hoặc mã kế hoạch mẫu)");
        if (typeof out !== "string") throw new UserError("Thiếu --out: tên tệp .xlsx của sổ đã cập nhật");
        checkOutputs([out], [file, planArg], flags.has("force"), io);
        const { report } = await readReportArg(file, io);
        const refusal = updateRefusal(report);
        if (refusal) throw new UserError(refusal);
        const plan = await loadPlanArg(planArg, io);
        const { merged, spec } = updatedReport(report, plan, { today: io.today().toISOString().slice(0, 10), planId: findEntry(planArg)?.id ?? null });
        // Not one row in common: most likely another plan's appendix. Everything would be set aside.
        if (merged.summary.kept === 0 && merged.summary.tasks.kept === 0 && report.reading.rows.length + report.tasks.length > 0 && !flags.has("force")) {
          throw new UserError(
            `Không chỉ tiêu hay nhiệm vụ nào của sổ "${file}" khớp với phụ lục "${planArg}": có lẽ đây là phụ lục của kế hoạch khác. Không ghi gì; nếu đúng là phụ lục mới, chạy lại với --force (mọi số liệu cũ sẽ được để riêng trong nhóm "${REMOVED_GROUP}").`,
          );
        }
        const cut = cutLongText(spec);
        io.writeFile(out, await renderXlsx(spec));
        if (flags.has("json")) io.out(JSON.stringify({ out, ...merged.summary }, null, 2));
        else io.out([`Đã ghi sổ đã cập nhật ${out} (sổ ${file} giữ nguyên).`, ...describeUpdate(merged.summary)].join("\n"));
        for (const c of cut) io.err(`Cảnh báo — ${c}`);
        return 0;
      }
      case "report": {
        const { words, flags } = parseArgs(rest, ["force", "json"]);
        const file = words[0];
        const out = flags.get("out");
        if (!file) throw new UserError("Thiếu tệp sổ báo cáo .xlsx. Ví dụ: chitieu report SO.xlsx --out BAO-CAO.docx");
        if (typeof out !== "string") throw new UserError("Thiếu --out: tên tệp Word (.docx) của báo cáo");
        if (!/\.docx$/i.test(out)) throw new UserError(`Tệp báo cáo "${out}" phải có đuôi .docx`);
        checkOutputs([out], [file], flags.has("force"), io);
        const { report } = await readReportArg(file, io);
        const { bytes, draft } = await writtenReport(report);
        io.writeFile(out, bytes);
        const counts = STATUSES.filter((s) => draft.counts[s] > 0).map((s) => `${draft.counts[s]} ${s.toLocaleLowerCase("vi")}`);
        if (flags.has("json")) io.out(JSON.stringify({ out, summary: draft.summary, counts: draft.counts, total: draft.total, tasks: draft.annex.tasks.length }, null, 2));
        else
          io.out(
            `Đã ghi báo cáo ${out}: ${draft.summary}; ${draft.total} chỉ tiêu (${counts.join(", ") || "chưa có"}), ${draft.annex.tasks.length} nhiệm vụ. Số văn bản, ngày ký và người ký để trống cho văn phòng điền.`,
          );
        return 0;
      }
      case "export": {
        const { words, flags } = parseArgs(rest, ["force"]);
        const file = words[0];
        if (!file) throw new UserError("Thiếu tệp sổ báo cáo .xlsx cần xuất");
        const dir = typeof flags.get("out-dir") === "string" ? (flags.get("out-dir") as string) : ".";
        if (io.kind(dir) !== "dir") throw new UserError(`Không có thư mục "${dir}" để ghi tệp xuất. Hãy tạo thư mục trước hoặc chọn nơi khác.`);
        const { report: r, bytes } = await readReportArg(file, io);
        const exported = await exportForProvince(r, bytes);
        const xlsx = join(dir, exported.xlsxName);
        const csv = join(dir, exported.csvName);
        checkOutputs([xlsx, csv], [file], flags.has("force"), io);
        io.writeFile(xlsx, exported.xlsx);
        io.writeFile(csv, exported.csv);
        io.out(`Đã xuất ${xlsx} và ${csv}`);
        return 0;
      }
      case "consolidate": {
        const { words, flags } = parseArgs(rest, ["force"]);
        const dir = words[0];
        const out = flags.get("out");
        if (!dir) throw new UserError("Thiếu thư mục chứa sổ báo cáo của các đơn vị");
        if (typeof out !== "string") throw new UserError("Thiếu --out: tên tệp tổng hợp .xlsx");
        if (io.kind(dir) !== "dir") throw new UserError(`Không mở được thư mục "${dir}"`);
        const unitsFile = flags.get("units");
        checkOutputs(
          [out],
          [typeof unitsFile === "string" ? unitsFile : null].filter((p): p is string => p !== null),
          flags.has("force"),
          io,
        );
        let expectedUnits: string[] | undefined;
        if (typeof unitsFile === "string") {
          try {
            expectedUnits = decodeText(io.readBytes(unitsFile))
              .text.split(/\r?\n/)
              .map((l) => (l.split(/[,;\t]/)[0] ?? "").trim())
              .filter(Boolean);
          } catch {
            throw new UserError(`Không mở được danh sách đơn vị "${unitsFile}"`);
          }
        }
        const dueText = flags.get("due");
        let due: string | null = null;
        if (typeof dueText === "string") {
          due = parseViDate(dueText);
          if (!due) throw new UserError(`Hạn báo cáo "${dueText}" ${dateProblem(dueText)}`);
        }
        const { reports, log } = await readReportFolder(dir, out, io);
        if (reports.length === 0) {
          for (const l of log) io.err(`${l.file}: ${l.message}`);
          throw new UserError(
            log.length ? `Thư mục "${dir}" không có sổ báo cáo nào đọc được (${log.length} mục, xem nhật ký ở trên); không ghi tệp tổng hợp.` : `Thư mục "${dir}" trống; không ghi tệp tổng hợp.`,
          );
        }
        const { result, xlsx } = await consolidatedWorkbook(reports, log, { expectedUnits, due });
        io.writeFile(out, xlsx);
        io.out(
          `Đã tổng hợp ${result.units.length} đơn vị, ${result.indicators.length} chỉ tiêu vào ${out}; ${result.missing.length} đơn vị chưa báo cáo; ${result.uncertain.length} chỉ tiêu cần xác nhận.`,
        );
        for (const m of result.mixed) io.err(`Cảnh báo — ${m}`);
        for (const l of result.log.filter((x) => !x.message.startsWith("đã đọc"))) io.err(`Cảnh báo — ${l.file}: ${l.message}`);
        return 0;
      }
      case "annotate":
        return await annotateCommand(rest, io);
      case "forms":
        return await formsCommand(rest, io);
      case "collect":
        return await collectCommand(rest, io);
      case "rollover":
        return await rolloverCommand(rest, io);
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
    // The product's own refusals (a command's, or an action's) say why in Vietnamese.
    if (err instanceof UserError || err instanceof UserFacingError) {
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
