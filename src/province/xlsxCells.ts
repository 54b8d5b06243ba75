import JSZip from "jszip";

/**
 * Reads the cells of chosen sheets straight from an .xlsx's XML: the province opens thousands of unit
 * reports and needs a few sheets of each, not the whole workbook model ExcelJS builds (ten times slower).
 * Each part is inflated only if it is read, as a stream, counted against the limits and stopped there,
 * so a part whose zip directory understates its size (a zip bomb) never fills memory.
 */

export interface SheetGrid {
  /** From A1: values as Excel returns them (formulas as their cached results, dates as serial numbers). */
  values: unknown[][];
  /** Number format codes ("0%", "General"). */
  formats: string[][];
  /** "=" where a cell holds a formula (its text is not needed to tell it from a typed value), else the value. */
  formulas: unknown[][];
}

export class XlsxProblem extends Error {}

export interface XlsxLimits {
  partBytes: number;
  unpackedBytes: number;
}

interface JSZipStream {
  on(event: "data", fn: (chunk: Uint8Array) => void): JSZipStream;
  on(event: "error", fn: (err: Error) => void): JSZipStream;
  on(event: "end", fn: () => void): JSZipStream;
  pause(): JSZipStream;
  resume(): JSZipStream;
}

export const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** The zip's directory, nothing inflated, with the sizes it declares checked against the limits. */
export async function openZip(bytes: Uint8Array, limits: XlsxLimits): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new XlsxProblem("tệp hỏng, không mở được");
  }
  let declared = 0;
  for (const entry of Object.values(zip.files)) {
    // JSZip keeps the directory's declared size here until the part is unpacked.
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (size > limits.partBytes) throw new XlsxProblem(`phần "${entry.name}" khi giải nén lớn ${mb(size)}, vượt giới hạn ${mb(limits.partBytes)}: không đọc`);
    declared += size;
  }
  if (declared > limits.unpackedBytes) throw new XlsxProblem(`khi giải nén lớn ${mb(declared)}, vượt giới hạn ${mb(limits.unpackedBytes)}: không đọc`);
  return zip;
}

/** "javascript": JSZip's inflate even in Node, as the pane does in a browser (tests read both ways). */
export type Inflater = "fastest" | "javascript";

/** Node's own zlib when we run in Node (command line, tests): several times faster than JSZip's inflate in JavaScript. */
let nodeZlib: Promise<typeof import("zlib") | null> | null = null;
const zlibIfNode = () =>
  (nodeZlib ??=
    typeof process !== "undefined" && process.versions?.node
      ? // Left to Node at run time: the pane's bundle never includes or loads it.
        import(/* webpackIgnore: true */ "node:zlib").catch(() => null)
      : Promise.resolve(null));

/** The part's bytes as stored in the zip (JSZip keeps them here until the part is unpacked), when it is deflated or stored. */
function storedPart(entry: JSZip.JSZipObject): { deflated: boolean; bytes: Uint8Array } | null {
  const data = (entry as unknown as { _data?: { compressedContent?: unknown; compression?: { magic?: string } } })._data;
  const magic = data?.compression?.magic;
  if (!(data?.compressedContent instanceof Uint8Array) || (magic !== "\x08\x00" && magic !== "\x00\x00")) return null;
  return { deflated: magic === "\x08\x00", bytes: data.compressedContent };
}

/**
 * A part unpacked and counted, stopped past `limit`: a part whose zip directory understates its size (a zip
 * bomb) never fills memory. Its bytes are kept only when asked for.
 */
export async function inflate(entry: JSZip.JSZipObject, limit: number, keep: boolean, how: Inflater = "fastest"): Promise<{ size: number; bytes: Uint8Array | null }> {
  const tooBig = () => new XlsxProblem(`phần "${entry.name}" khi giải nén lớn hơn ${mb(limit)}, vượt giới hạn ${mb(limit)}: không đọc`);
  const zlib = how === "fastest" ? await zlibIfNode() : null;
  const stored = zlib && storedPart(entry);
  if (zlib && stored) {
    let bytes: Uint8Array;
    try {
      // Node stops at maxOutputLength and throws: the bytes past the limit are never held.
      bytes = stored.deflated ? zlib.inflateRawSync(stored.bytes, { maxOutputLength: Math.max(1, limit) }) : stored.bytes;
    } catch (err) {
      throw (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? tooBig() : new XlsxProblem("tệp hỏng, không mở được");
    }
    if (bytes.length > limit) throw tooBig();
    return { size: bytes.length, bytes: keep ? bytes : null };
  }
  const chunks: Uint8Array[] = [];
  const size = await new Promise<number>((resolve, reject) => {
    let n = 0;
    // Documented (ZipObject#internalStream) but missing from JSZip's type declarations.
    const stream = (entry as unknown as { internalStream(type: "uint8array"): JSZipStream }).internalStream("uint8array");
    stream
      .on("data", (chunk: Uint8Array) => {
        n += chunk.length;
        if (n > limit) {
          stream.pause();
          resolve(n);
        } else if (keep) chunks.push(chunk);
      })
      .on("error", () => reject(new XlsxProblem("tệp hỏng, không mở được")))
      .on("end", () => resolve(n))
      .resume();
  });
  if (size > limit) throw tooBig();
  if (!keep) return { size, bytes: null };
  const bytes = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    bytes.set(c, off);
    off += c.length;
  }
  return { size, bytes };
}

/** Excel's built-in number formats that our readers care about (the rest read as General). */
const BUILT_IN: Record<number, string> = { 9: "0%", 10: "0.00%", 14: "mm-dd-yy", 49: "@" };

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decode(text: string): string {
  if (!text.includes("&") && !text.includes("_x")) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => (e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITY[e] ?? "")))
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const ATTRS = new Map<string, RegExp>();
const attr = (tag: string, name: string): string | null => {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  const m = re.exec(tag);
  return m ? decode(m[1]!) : null;
};

/** The text of every <t> in a string item or inline string, without phonetic runs. */
const textOf = (xml: string): string => [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((m) => decode(m[1]!)).join("");

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export class XlsxCells {
  private used = 0;
  private strings: string[] | null = null;
  private styles: string[] | null = null;
  private paths: Map<string, string> | null = null;

  private constructor(
    private readonly zip: JSZip,
    private readonly limits: XlsxLimits,
    private readonly how: Inflater,
  ) {}

  /** Opens the zip's directory (nothing inflated yet) and checks the sizes it declares. */
  static async open(bytes: Uint8Array, limits: XlsxLimits, how: Inflater = "fastest"): Promise<XlsxCells> {
    const zip = await openZip(bytes, limits);
    if (!zip.file("xl/workbook.xml")) throw new XlsxProblem("không phải sổ tính Excel (.xlsx)");
    return new XlsxCells(zip, limits, how);
  }

  /** A part as text, inflated as a stream and stopped at the limits; null when the part is not there. */
  private async part(name: string): Promise<string | null> {
    const entry = this.zip.file(name);
    if (!entry) return null;
    const { size, bytes } = await inflate(entry, Math.min(this.limits.partBytes, this.limits.unpackedBytes - this.used), true, this.how);
    this.used += size;
    return new TextDecoder().decode(bytes!);
  }

  /** Sheet names, in the workbook's order, with their part paths. */
  async sheetNames(): Promise<string[]> {
    return [...(await this.sheetPaths()).keys()];
  }

  private async sheetPaths(): Promise<Map<string, string>> {
    if (this.paths) return this.paths;
    const workbook = (await this.part("xl/workbook.xml")) ?? "";
    const rels = (await this.part("xl/_rels/workbook.xml.rels")) ?? "";
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const id = attr(m[1]!, "Id");
      const target = attr(m[1]!, "Target");
      if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
    }
    this.paths = new Map();
    for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
      const tag = m[1]!;
      const name = attr(tag, "name");
      const id = /(?:^|\s)[\w]+:id="([^"]*)"/.exec(tag)?.[1] ?? attr(tag, "id");
      const path = id ? targets.get(id) : undefined;
      if (name !== null && path) this.paths.set(name, path);
    }
    return this.paths;
  }

  private async sharedStrings(): Promise<string[]> {
    if (!this.strings) {
      const xml = (await this.part("xl/sharedStrings.xml")) ?? "";
      this.strings = [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => (m[1] === undefined ? "" : textOf(m[1])));
    }
    return this.strings;
  }

  /** The number format of each cell style (the `s` of a cell), as a format code. */
  private async cellFormats(): Promise<string[]> {
    if (!this.styles) {
      const xml = (await this.part("xl/styles.xml")) ?? "";
      const custom = new Map<number, string>();
      for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) custom.set(Number(attr(m[1]!, "numFmtId")), attr(m[1]!, "formatCode") ?? "General");
      const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
      this.styles = [...xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>)/g)].map((m) => {
        const id = Number(attr(m[1]!, "numFmtId") ?? 0);
        return custom.get(id) ?? BUILT_IN[id] ?? "General";
      });
    }
    return this.styles;
  }

  /** A sheet's cells by name (case as Excel compares it); null when there is no such sheet. */
  async sheet(name: string): Promise<SheetGrid | null> {
    const paths = await this.sheetPaths();
    const key = [...paths.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
    if (key === undefined) return null;
    const xml = await this.part(paths.get(key)!);
    if (xml === null) return null;
    const strings = xml.includes('t="s"') ? await this.sharedStrings() : [];
    const formatsOf = await this.cellFormats();
    const values: unknown[][] = [];
    const formats: string[][] = [];
    const formulas: unknown[][] = [];
    // A scan by indexOf, not patterns: a report's indicator sheet is half a megabyte of long formulas.
    const stop = xml.indexOf("</sheetData>");
    let at = xml.indexOf("<sheetData");
    let rowNumber = 0;
    let col = 0;
    const isTag = (lt: number, name: string) => xml.startsWith(name, lt) && " />".includes(xml.charAt(lt + name.length));
    while (at >= 0) {
      const lt = xml.indexOf("<", at + 1);
      if (lt < 0 || (stop >= 0 && lt >= stop)) break;
      const gt = xml.indexOf(">", lt);
      if (gt < 0) break;
      at = gt;
      if (isTag(lt, "<row")) {
        rowNumber = Number(attr(xml.slice(lt + 4, gt), "r") ?? rowNumber + 1);
        col = 0;
        continue;
      }
      if (!isTag(lt, "<c")) continue;
      const selfClosing = xml[gt - 1] === "/";
      const tag = xml.slice(lt + 2, selfClosing ? gt - 1 : gt);
      let inner = "";
      if (!selfClosing) {
        const end = xml.indexOf("</c>", gt);
        if (end < 0) break;
        inner = xml.slice(gt + 1, end);
        at = end + 3;
      }
      const ref = attr(tag, "r");
      const m = ref ? /^([A-Z]+)(\d+)$/.exec(ref) : null;
      col = m ? colNumber(m[1]!) : col + 1;
      const r = m ? Number(m[2]) : rowNumber;
      const type = attr(tag, "t") ?? "n";
      // Formulas come before the value and can be long: the value is found from the end.
      const vAt = inner.lastIndexOf("<v>");
      const v = vAt >= 0 ? inner.slice(vAt + 3, inner.indexOf("</v>", vAt)) : undefined;
      let value: unknown;
      if (type === "s") value = v === undefined ? "" : (strings[Number(v)] ?? "");
      else if (type === "inlineStr") value = textOf(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "");
      else if (type === "b") value = v === undefined ? "" : v === "1";
      else if (type === "str") value = v === undefined ? "" : decode(v);
      else if (type === "e") value = "";
      else value = v === undefined || v === "" ? "" : Number(v);
      const f = inner.startsWith("<f") || inner.includes("<f ") || inner.includes("<f>");
      if (value === "" && !f) continue;
      (values[r - 1] ??= [])[col - 1] = value;
      (formats[r - 1] ??= [])[col - 1] = formatsOf[Number(attr(tag, "s") ?? 0)] ?? "General";
      (formulas[r - 1] ??= [])[col - 1] = f ? "=" : value;
    }
    const dense = <T>(grid: T[][], blank: T): T[][] => Array.from(grid, (row) => Array.from(row ?? [], (x) => (x === undefined ? blank : x)));
    return { values: dense(values, ""), formats: dense(formats, "General"), formulas: dense(formulas, "") };
  }
}
