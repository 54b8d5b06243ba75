import { extname, join } from "path";
import { collectForms, collectedBook, describeCollection, type ReturnedForm } from "../actions/collect";
import { issueForms } from "../actions/forms";
import { rolloverBook } from "../actions/rollover";
import { dateProblem, formatDate, parseViDate } from "../core/format";
import { readReportFile } from "../province/readReportFile";
import type { CliIo } from "./main";
import { parseArgs, readReportArg } from "./main";
import { checkOutputs } from "./outputs";
import { UserError } from "./reportCommands";

/** `chitieu forms`: one form per lead unit, written to a folder. */
export async function formsCommand(argv: string[], io: CliIo): Promise<number> {
  const { words, flags } = parseArgs(argv, ["force", "json"]);
  const file = words[0];
  const dir = typeof flags.get("out-dir") === "string" ? (flags.get("out-dir") as string) : ".";
  const dueText = flags.get("due");
  if (!file) throw new UserError("Thiếu tệp sổ báo cáo .xlsx. Ví dụ: chitieu forms SO.xlsx --out-dir PHIEU");
  if (io.kind(dir) !== "dir") throw new UserError(`Không có thư mục "${dir}" để ghi phiếu. Hãy tạo thư mục trước hoặc chọn nơi khác.`);
  if (dueText !== undefined && (typeof dueText !== "string" || dateProblem(dueText))) throw new UserError(`Hạn nộp --due "${String(dueText)}" ${dateProblem(String(dueText)) ?? "phải là một ngày"}`);
  const { report } = await readReportArg(file, io);
  // --join "Phòng VH-XH=Phòng VH-XH xã;..." confirms that names the matcher doubted are one unit.
  const joinText = flags.get("join");
  const joined =
    typeof joinText === "string"
      ? joinText
          .split(";")
          .map((pair) =>
            pair
              .split("=")
              .map((n) => n.trim())
              .filter(Boolean),
          )
          .filter((names) => names.length > 1)
      : [];
  const issued = await issueForms(report, { due: typeof dueText === "string" ? (parseViDate(dueText) ?? undefined) : undefined, joined });
  const paths = issued.forms.map((f) => join(dir, f.name));
  checkOutputs(paths, [file], flags.has("force"), io);
  issued.forms.forEach((f, k) => io.writeFile(paths[k]!, f.bytes));
  if (flags.has("json")) {
    io.out(
      JSON.stringify(
        {
          due: issued.due,
          forms: issued.forms.map((f, k) => ({ file: paths[k], department: f.department, indicators: f.indicators, tasks: f.tasks })),
          doubtful: issued.doubtful,
          unassigned: issued.unassigned,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  io.out(
    [
      `Đã giao ${issued.forms.length} phiếu vào thư mục ${dir} (hạn nộp ${formatDate(issued.due)}):`,
      ...issued.forms.map((f, k) => `  ${paths[k]}: ${f.department}, ${f.indicators} chỉ tiêu, ${f.tasks} nhiệm vụ`),
      ...issued.doubtful.map((d) => `Cần xác nhận: ${d.why} (đã giao thành hai phiếu riêng; nếu là một, chạy lại với --join "${d.a}=${d.b}")`),
      ...(issued.unassigned.length ? [`Không có đơn vị chủ trì, không giao phiếu: ${issued.unassigned.join(", ")}`] : []),
    ].join("\n"),
  );
  return 0;
}

/** `chitieu collect`: the returned forms of a folder read back into a new copy of the book. */
export async function collectCommand(argv: string[], io: CliIo): Promise<number> {
  const { words, flags } = parseArgs(argv, ["force", "json", "prefer-forms"]);
  const [file, dir] = words;
  const out = flags.get("out");
  if (!file || !dir) throw new UserError("Thiếu sổ hoặc thư mục phiếu. Ví dụ: chitieu collect SO.xlsx PHIEU --out SO-MOI.xlsx");
  if (typeof out !== "string") throw new UserError("Thiếu --out: tên tệp .xlsx của sổ sau khi thu phiếu (sổ cũ giữ nguyên)");
  if (io.kind(dir) !== "dir") throw new UserError(`Không có thư mục phiếu "${dir}"`);
  checkOutputs([out], [file], flags.has("force"), io);
  const { report: book } = await readReportArg(file, io);
  const forms: ReturnedForm[] = [];
  const refused: Array<{ file: string; why: string }> = [];
  const skip = new Set([io.identity(file), io.identity(out)]);
  for (const e of io.listDir(dir).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, e.name);
    if (e.kind !== "file" || extname(e.name).toLowerCase() !== ".xlsx" || e.name.startsWith("~$") || skip.has(io.identity(path))) continue;
    const read = await readReportFile(e.name, io.readBytes(path));
    if (read.report) forms.push({ file: e.name, report: read.report, modified: e.modified ?? null });
    else refused.push({ file: e.name, why: read.problem });
  }
  if (forms.length === 0) throw new UserError(`Thư mục "${dir}" không có phiếu nào đọc được${refused.length ? ` (${refused.map((r) => `${r.file}: ${r.why}`).join("; ")})` : ""}. Không ghi gì.`);
  let collection = collectForms(book, forms);
  if (flags.has("prefer-forms")) collection = collectForms(book, forms, new Set(collection.conflicts.map((c) => c.key)));
  collection.refused.unshift(...refused);
  if (collection.returned.length === 0) throw new UserError([`Không phiếu nào trong "${dir}" dùng được cho sổ này. Không ghi gì.`, ...describeCollection(collection)].join("\n"));
  io.writeFile(out, await collectedBook(book, collection));
  if (flags.has("json")) {
    const { returned, missing, conflicts, taken, refused: notUsed, notAssigned } = collection;
    io.out(JSON.stringify({ out, returned, missing, conflicts, taken, refused: notUsed, notAssigned }, null, 2));
  } else io.out([`Đã ghi ${out} (sổ ${file} giữ nguyên): ${collection.taken.length} giá trị lấy từ phiếu.`, ...describeCollection(collection)].join("\n"));
  return 0;
}

/** `chitieu rollover`: the next year's book of a multi-year plan, with this year's periods in "Lịch sử". */
export async function rolloverCommand(argv: string[], io: CliIo): Promise<number> {
  const { words, flags } = parseArgs(argv, ["force", "json"]);
  const file = words[0];
  const out = flags.get("out");
  const yearText = flags.get("year");
  if (!file) throw new UserError("Thiếu tệp sổ báo cáo .xlsx. Ví dụ: chitieu rollover SO.xlsx --year 2027 --out SO-2027.xlsx");
  if (typeof out !== "string") throw new UserError("Thiếu --out: tên tệp .xlsx của sổ năm mới (sổ cũ giữ nguyên)");
  if (typeof yearText !== "string" || !/^\d{4}$/.test(yearText.trim())) throw new UserError(`Thiếu hoặc sai --year: năm mới, ví dụ --year 2027`);
  checkOutputs([out], [file], flags.has("force"), io);
  const { report } = await readReportArg(file, io);
  const made = await rolloverBook(report, Number(yearText), io.today().toISOString().slice(0, 10));
  io.writeFile(out, made.bytes);
  if (flags.has("json")) io.out(JSON.stringify({ out, year: made.year, history: made.history.columns, carried: made.carried, noResult: made.noResult }, null, 2));
  else
    io.out(
      [
        `Đã lập sổ năm ${made.year}: ${out} (sổ ${file} giữ nguyên).`,
        `Trang "Lịch sử" giữ ${made.history.columns.length} cột của các năm trước; ${made.carried} chỉ tiêu lấy kết quả năm ${made.year - 1} làm mức xuất phát (cột Hiện trạng).`,
        ...(made.noResult.length ? [`Chưa có kết quả năm ${made.year - 1}, giữ mức xuất phát cũ: ${made.noResult.join(", ")}.`] : []),
      ].join("\n"),
    );
  return 0;
}
