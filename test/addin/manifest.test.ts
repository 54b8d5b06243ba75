import { XMLParser, XMLValidator } from "fast-xml-parser";
import { existsSync, readFileSync } from "fs";
import { join } from "path";

/** An offline check of manifest.xml (Microsoft's validator is an online service). */
const root = join(__dirname, "..", "..");
const xml = readFileSync(join(root, "manifest.xml"), "utf8");
const app = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml).OfficeApp;
const source = readFileSync(join(root, "src", "taskpane", "office", "host.ts"), "utf8");

describe("manifest.xml", () => {
  it("is well-formed XML", () => expect(XMLValidator.validate(xml)).toBe(true));

  it("identifies a task-pane add-in for Excel workbooks", () => {
    expect(app["@xsi:type"]).toBe("TaskPaneApp");
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(app.Hosts.Host["@Name"]).toBe("Workbook");
    expect(app.DefaultLocale).toBe("vi-VN");
    expect(app.DisplayName["@DefaultValue"]).toBe("Chỉ tiêu số");
  });

  it("asks for no wider permission than ReadWriteDocument", () => {
    expect(app.Permissions).toBe("ReadWriteDocument");
  });

  it("requires the ExcelApi set the code checks at run time", () => {
    const set = app.Requirements.Sets.Set;
    expect(set["@Name"]).toBe("ExcelApi");
    expect(source).toContain(`REQUIRED_EXCEL_API = "${set["@MinVersion"]}"`);
  });

  it("points every icon at a file that ships in assets/", () => {
    const urls = [
      app.IconUrl["@DefaultValue"],
      app.HighResolutionIconUrl["@DefaultValue"],
      ...app.VersionOverrides.Resources["bt:Images"]["bt:Image"].map((i: Record<string, string>) => i["@DefaultValue"]),
    ];
    for (const url of urls) {
      const m = /^https:\/\/localhost:3000\/(assets\/[\w-]+\.png)$/.exec(url);
      expect(m).not.toBeNull();
      expect(existsSync(join(root, m![1]!))).toBe(true);
    }
  });

  it("opens the task pane the build writes", () => {
    expect(app.DefaultSettings.SourceLocation["@DefaultValue"]).toBe("https://localhost:3000/taskpane.html");
    const urls = app.VersionOverrides.Resources["bt:Urls"]["bt:Url"].map((u: Record<string, string>) => u["@DefaultValue"]);
    expect(urls).toEqual(expect.arrayContaining(["https://localhost:3000/taskpane.html", "https://localhost:3000/commands.html"]));
  });
});
