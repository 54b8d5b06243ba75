import JSZip from "jszip";
import { createDeflateRaw } from "zlib";

/**
 * A workbook whose zip directory lies: one part declares 1,000 bytes but unpacks to `unpackedMB` of
 * spaces (a zip bomb dressed as a unit's report). Deflated as a stream, so making it costs little memory.
 */
export async function lyingWorkbook(good: Uint8Array, part: RegExp, unpackedMB: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(good);
  const entries: Array<{ name: Buffer; data: Buffer; size: number }> = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const original = await file.async("uint8array");
    const lie = part.test(name);
    entries.push({ name: Buffer.from(name), data: await deflate(original, lie ? unpackedMB : 0), size: lie ? 1000 : original.length });
  }
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    // CRCs are left 0: the reader must stop at the size limit, long before any check of the content.
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    local.push(h, e.name, e.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(e.name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, e.name);
    offset += 30 + e.name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, directory, end]));
}

function deflate(head: Uint8Array, padMB: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const z = createDeflateRaw({ level: 9 });
    z.on("data", (b: Buffer) => out.push(b))
      .on("end", () => resolve(Buffer.concat(out)))
      .on("error", reject);
    z.write(head);
    const mb = Buffer.alloc(1024 * 1024, " ");
    let left = padMB;
    const more = () => {
      while (left > 0) {
        left--;
        if (!z.write(mb)) return void z.once("drain", more);
      }
      z.end();
    };
    more();
  });
}
