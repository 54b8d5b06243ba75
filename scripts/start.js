// `npm start`: serve the add-in over HTTPS (office-addin-dev-certs) and say how to open it in Excel.
// Excel desktop sideloading (office-addin-debugging) works on Windows and macOS only; on Linux the
// documented path is Excel on the web with the manifest uploaded by hand.
const { spawn } = require("child_process");
const path = require("path");

const port = 3000;
const manifest = path.resolve(__dirname, "..", "manifest.xml");
const lines = [
  "",
  `Chỉ tiêu số đang chạy tại https://localhost:${port}/taskpane.html`,
  "",
  "Mở trong Excel trên web:",
  "  1. Vào https://excel.cloud.microsoft (hoặc office.com), tạo hoặc mở một sổ tính.",
  "  2. Thẻ Trang đầu → Bổ trợ (Add-ins) → Thêm bổ trợ khác → Tải lên bổ trợ của tôi (Upload My Add-in).",
  `  3. Chọn tệp ${manifest} rồi bấm Tải lên.`,
  '  4. Bấm nút "Chỉ tiêu số" trên thẻ Trang đầu.',
  "",
  "Lần đầu, trình duyệt cần tin chứng chỉ localhost: mở https://localhost:3000/taskpane.html và chấp nhận,",
  "hoặc cài ~/.office-addin-dev-certs/ca.crt vào kho chứng chỉ tin cậy.",
  "Trên Windows/macOS có Excel cài sẵn: npx office-addin-debugging start manifest.xml",
  "",
];
const server = spawn(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"], { stdio: ["inherit", "pipe", "inherit"] });
let told = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!told && /compiled/.test(String(chunk))) {
    told = true;
    process.stdout.write(lines.join("\n") + "\n");
  }
});
server.on("exit", (code) => process.exit(code ?? 0));
