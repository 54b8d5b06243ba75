import { readFileSync } from "fs";
import { join } from "path";
import type { CatalogueEntry } from "./catalogue";

/** The documents ship inside the project; the compiled CLI finds them beside its sources. */
export function documentsDir(): string {
  return join(__dirname, "..", "..", "src", "catalogue", "documents");
}

export function readDocumentFile(entry: CatalogueEntry): string {
  return readFileSync(join(documentsDir(), entry.file), "utf8");
}
