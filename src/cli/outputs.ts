import { UserError } from "./reportCommands";

/** What the CLI needs to know of the file system before it writes anything. */
export interface PathInfo {
  kind: (path: string) => "file" | "dir" | "other" | null;
  /** The path with links and "." / ".." resolved, for comparing an output with the inputs. */
  identity: (path: string) => string;
  dirname: (path: string) => string;
}

/**
 * Checks every output of a command before any work is done: its folder exists, it is not one of the
 * command's inputs, and it does not overwrite a file unless `--force` was given.
 */
export function checkOutputs(outputs: string[], inputs: string[], force: boolean, fs: PathInfo): void {
  const inputIds = new Set(inputs.map((p) => fs.identity(p)));
  const seen = new Set<string>();
  for (const out of outputs) {
    const dir = fs.dirname(out);
    if (fs.kind(dir) !== "dir") throw new UserError(`Không có thư mục "${dir}" để ghi "${out}". Hãy tạo thư mục trước hoặc chọn nơi khác.`);
    const id = fs.identity(out);
    if (inputIds.has(id)) throw new UserError(`"${out}" là tệp đầu vào của lệnh này; không ghi đè lên nó. Hãy chọn một tên tệp khác cho --out.`);
    if (seen.has(id)) throw new UserError(`Hai tệp kết quả cùng tên "${out}"; không ghi tệp nào.`);
    seen.add(id);
    const kind = fs.kind(out);
    if (kind === "dir" || kind === "other") throw new UserError(`"${out}" không phải một tệp thường; không ghi.`);
    if (kind === "file" && !force) throw new UserError(`Tệp "${out}" đã có. Không ghi đè; thêm --force để ghi đè, hoặc chọn tên khác.`);
  }
}
