// Pictures of the task pane for the README: serves build/ on loopback, opens it in Debian's Chromium
// (never a downloaded browser), blocks the Office CDN and drives the pane as an official would.
const http = require("http");
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const root = path.resolve(__dirname, "..", "build");
const out = path.resolve(__dirname, "..", "docs", "screenshots");
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "text/xml" };

async function main() {
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole("combobox").click();
    await page.getByRole("option", { name: /Phước Bình/ }).click();
    await page.getByText("cảnh báo").first().waitFor();
    await page.screenshot({ path: path.join(out, "nap-chi-tieu.png") });
    console.log("Đã lưu ảnh vào", out);
  } finally {
    await browser.close();
    server.close();
  }
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
