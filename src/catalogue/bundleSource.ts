import type { CatalogueEntry } from "./catalogue";

/** In the task pane the documents are bundled, each in its own chunk fetched from the add-in's own server. */
export async function readBundledDocument(entry: CatalogueEntry): Promise<string> {
  const mod = (await import(/* webpackChunkName: "plan-[request]" */ `./documents/${entry.file}`)) as { default: string };
  return mod.default;
}
