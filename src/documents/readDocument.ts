import { docxToText } from "./docx";
import { parsePlan } from "../core/loaders/parsePlan";
import type { Plan } from "../core/plan";
import { ScannedPdfError, pdfToText } from "./pdf";
import { ENCODING_LABEL, decodeText, detectEncoding } from "./text";
import { xlsxSheets } from "./xlsx";

/**
 * Any file an official may pick as the plan: Word (.docx), PDF, Excel (.xlsx) or text. Whatever is
 * not one of those (an image, an archive, an old .doc, a scan without a text layer) is refused with a
 * message saying what the file is and what to do instead.
 */

export type DocumentFormat = "docx" | "pdf" | "xlsx" | "text";

export interface DocumentText {
  format: DocumentFormat;
  /** The text the loader reads, laid out as a paste: tables as tab-separated rows. */
  text: string;
  /** What was assumed on the way (an encoding, the sheet chosen), for the user. */
  notes: string[];
  /** The plan read from `text`: every format reads it here, once. */
  plan: Plan;
}

export class DocumentError extends Error {
  override name = "DocumentError";
}

const startsWith = (bytes: Uint8Array, ...sig: number[]): boolean => sig.every((b, k) => bytes[k] === b);

/** True when the ASCII name appears in the bytes (zip entry names are stored as written). */
function containsName(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let k = 0; k + name.length <= bytes.length; k++) {
    if (bytes[k] !== first) continue;
    for (let j = 1; j < name.length; j++) if (bytes[k + j] !== name.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

export function sniff(name: string, bytes: Uint8Array): DocumentFormat | { refused: string } {
  if (bytes.length === 0) return { refused: "tệp rỗng" };
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return "pdf";
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    if (containsName(bytes, "word/document.xml")) return "docx";
    if (containsName(bytes, "xl/workbook.xml")) return "xlsx";
    return { refused: "là tệp nén (.zip) hoặc tài liệu Office không phải Word/Excel; hãy giải nén hoặc lưu phụ lục thành .docx, .xlsx hay .pdf" };
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return { refused: "là tệp Word/Excel đời cũ (.doc/.xls); hãy mở bằng Word hoặc Excel và lưu lại thành .docx hoặc .xlsx" };
  if (
    startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) ||
    startsWith(bytes, 0xff, 0xd8, 0xff) ||
    startsWith(bytes, 0x47, 0x49, 0x46) ||
    startsWith(bytes, 0x49, 0x49, 0x2a) ||
    startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a)
  ) {
    return { refused: "là ảnh, không có chữ để đọc; hãy dùng bản Word, PDF có lớp chữ, hoặc dán nội dung phụ lục" };
  }
  if (startsWith(bytes, 0x52, 0x61, 0x72, 0x21) || startsWith(bytes, 0x37, 0x7a, 0xbc, 0xaf) || startsWith(bytes, 0x1f, 0x8b)) return { refused: "là tệp nén; hãy giải nén rồi chọn tệp phụ lục" };
  const head = bytes.subarray(0, 4096);
  const zeros = head.filter((b) => b === 0).length;
  const utf16 = detectEncoding(bytes).startsWith("utf-16");
  const controls = head.filter((b) => b < 9 || (b > 13 && b < 32 && b !== 27)).length;
  if (!utf16 && (zeros > 0 || controls > head.length / 20))
    return { refused: `không phải văn bản (tệp nhị phân${/\.\w+$/.test(name) ? ` ${name.slice(name.lastIndexOf("."))}` : ""}); hãy chọn tệp .docx, .pdf, .xlsx hoặc .txt` };
  return "text";
}

export async function readDocument(name: string, bytes: Uint8Array): Promise<DocumentText> {
  const read = await readText(name, bytes);
  return { ...read, plan: read.plan ?? parsePlan(read.text) };
}

async function readText(name: string, bytes: Uint8Array): Promise<Omit<DocumentText, "plan"> & { plan?: Plan }> {
  const kind = sniff(name, bytes);
  if (typeof kind === "object") throw new DocumentError(`Tệp "${name}" ${kind.refused}.`);
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  switch (kind) {
    case "docx":
      try {
        return { format: kind, text: await docxToText(data), notes: [] };
      } catch {
        throw new DocumentError(`Tệp Word "${name}" bị hỏng, không mở được.`);
      }
    case "pdf":
      try {
        return { format: kind, text: await pdfToText(data), notes: ["Bảng trong PDF được dựng lại theo vị trí chữ; hãy xem kỹ phần xem trước."] };
      } catch (err) {
        if (err instanceof ScannedPdfError)
          throw new DocumentError(`Tệp PDF "${name}" không có lớp chữ (có thể là bản quét, bản chụp): không đọc được chữ. Hãy dùng bản Word hoặc PDF xuất từ Word, hoặc dán nội dung phụ lục.`);
        throw new DocumentError(`Tệp PDF "${name}" bị hỏng hoặc có mật khẩu, không mở được.`);
      }
    case "xlsx": {
      let sheets: Array<{ name: string; text: string }>;
      try {
        sheets = await xlsxSheets(data);
      } catch {
        throw new DocumentError(`Tệp Excel "${name}" bị hỏng, không mở được.`);
      }
      // The first sheet that holds an appendix (a header row of indicators or tasks).
      const first = sheets[0];
      if (!first) throw new DocumentError(`Tệp Excel "${name}" không có trang tính nào.`);
      let chosen = { ...first, plan: parsePlan(first.text) };
      for (const s of sheets.slice(1)) {
        if (chosen.plan.indicators.length + chosen.plan.tasks.length > 0) break;
        const plan = parsePlan(s.text);
        if (plan.indicators.length + plan.tasks.length > 0) chosen = { ...s, plan };
      }
      return { format: kind, text: chosen.text, plan: chosen.plan, notes: sheets.length > 1 ? [`Đã đọc trang tính "${chosen.name}" (tệp có ${sheets.length} trang tính).`] : [] };
    }
    case "text": {
      const { text, encoding } = decodeText(bytes);
      const notes = encoding === "utf-8" ? [] : [`Tệp văn bản mã ${ENCODING_LABEL[encoding]}; đã chuyển sang Unicode.`];
      return { format: kind, text, notes };
    }
  }
}
