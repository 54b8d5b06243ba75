import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/**
 * LibreOffice headless, with a private profile that always recalculates .xlsx formulas on load
 * (by default it trusts cached results, and our files have none).
 */
export function libreOfficeAvailable(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

export function profileDir(): string {
  const dir = join(tmpdir(), `chitieu-lo-profile-${process.pid}`);
  const user = join(dir, "user");
  if (!existsSync(join(user, "registrymodifications.xcu"))) {
    mkdirSync(user, { recursive: true });
    writeFileSync(
      join(user, "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`,
    );
  }
  return dir;
}

/** Converts files in one LibreOffice run (start-up costs seconds); returns the output folder. */
export function convert(files: string[], to: string, outDir?: string): string {
  const out = outDir ?? mkdtempSync(join(tmpdir(), "chitieu-lo-out-"));
  execFileSync("soffice", [`-env:UserInstallation=file://${profileDir()}`, "--headless", "--norestore", "--convert-to", to, "--outdir", out, ...files], { stdio: "pipe", timeout: 600000 });
  return out;
}
