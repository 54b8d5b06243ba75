/**
 * @jest-environment jsdom
 */
import { parse } from "acorn";
import { readFileSync } from "fs";
import { join } from "path";

/** Volume-licensed Excel 2016/2019 shows add-ins in Internet Explorer 11: the pane must say so, not stay blank. */
const html = readFileSync(join(__dirname, "..", "..", "src", "taskpane", "taskpane.html"), "utf8");
const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

function open(oldBrowser: boolean) {
  document.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>/g, "");
  const RealFunction = Function;
  // What Internet Explorer 11 does with syntax it does not know.
  const ie = function (...args: string[]) {
    if (oldBrowser && /=>|\?\.|\?\?/.test(args.join(" "))) throw new SyntaxError("Syntax error");
    return RealFunction(...args);
  } as unknown as FunctionConstructor;
  new RealFunction("Function", inline[0]!)(ie);
}

describe("the pane in an Excel that shows add-ins in Internet Explorer", () => {
  it("has exactly one inline script, and it is ES5", () => {
    expect(inline).toHaveLength(1);
    expect(() => parse(inline[0]!, { ecmaVersion: 5 })).not.toThrow();
    // The same parse refuses what IE 11 refuses: a `let` slipping in is caught.
    expect(() => parse(inline[0]!.replace("var modern", "let modern"), { ecmaVersion: 5 })).toThrow();
  });

  it("shows a Vietnamese message saying what still works, with the page's address to open in a browser", () => {
    open(true);
    const box = document.getElementById("old-excel")!;
    expect(box.style.display).toBe("block");
    expect(document.getElementById("container")!.style.display).toBe("none");
    expect(box.textContent).toMatch(/Internet Explorer/);
    expect(box.textContent).toMatch(/Excel trên web/);
    expect(box.textContent).toMatch(/Chrome, Edge hoặc Cốc Cốc/);
    expect(document.getElementById("old-excel-url")!.textContent).toBe(String(location.href).split("?")[0]);
  });

  it("stays out of the way in a current browser", () => {
    open(false);
    expect(document.getElementById("old-excel")!.style.display).toBe("none");
    expect(document.getElementById("container")!.style.display).toBe("");
  });
});
