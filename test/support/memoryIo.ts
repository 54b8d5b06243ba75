import type { CliIo } from "../../src/cli/main";

/** The CLI's file system in memory: files by path, "." the only folder, writes recorded. */
/** `modified` gives files a last-saved date (ISO), as a folder listing would. */
export function memoryIo(files: Record<string, Uint8Array | string> = {}, modified: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, Uint8Array | string>();
  const bytes = (v: Uint8Array | string) => (typeof v === "string" ? new TextEncoder().encode(v) : v);
  const cliIo: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readText: (p) => {
      if (!(p in files)) throw new Error("ENOENT");
      return Buffer.from(bytes(files[p]!)).toString("utf8");
    },
    readBytes: (p) => {
      if (!(p in files)) throw new Error("ENOENT");
      return bytes(files[p]!);
    },
    listDir: () => Object.keys(files).map((name) => ({ name, kind: "file" as const, size: bytes(files[name]!).length, modified: modified[name] })),
    writeFile: (p, data) => written.set(p, data),
    today: () => new Date("2026-11-23T09:00:00Z"),
    kind: (p) => (p === "." ? "dir" : p in files || written.has(p) ? "file" : null),
    identity: (p) => p.replace(/^\.\//, ""),
    dirname: (p) => (p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "."),
  };
  return { cliIo, out, err, written };
}
