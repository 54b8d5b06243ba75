import { readFileSync } from "fs";
import { CATALOGUE, findEntry } from "../catalogue/catalogue";
import { readDocumentFile } from "../catalogue/fileSource";
import { parsePlan } from "../core/loaders/parsePlan";
import type { Plan } from "../core/plan";
import { planSummary } from "./parseCommand";

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  readText: (path: string) => string;
}

const nodeIo: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  readText: (p) => readFileSync(p, "utf8"),
};

export const HELP = `chitieu — Chỉ tiêu số: theo dõi chỉ tiêu chuyển đổi số của phường, xã

Cách dùng:
  chitieu plans                      Liệt kê các kế hoạch mẫu có sẵn
  chitieu parse TỆP [--json]         Đọc phụ lục chỉ tiêu từ tệp văn bản (.txt, .md)
  chitieu parse --plan MÃ [--json]   Đọc một kế hoạch mẫu theo mã
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

/** A plan from a catalogue id or a text file; the message names what was not found. */
export function loadPlanArg(source: string, io: CliIo): Plan {
  const entry = findEntry(source);
  if (entry) return parsePlan(readDocumentFile(entry));
  let text: string;
  try {
    text = io.readText(source);
  } catch {
    throw new UserError(`Không mở được tệp "${source}" và cũng không có kế hoạch mẫu mã "${source}". Gõ "chitieu plans" để xem các mã.`);
  }
  return parsePlan(text);
}

export class UserError extends Error {}

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
        const plan = loadPlanArg(source, io);
        io.out(flags.has("json") ? JSON.stringify(plan, null, 2) : planSummary(plan));
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
