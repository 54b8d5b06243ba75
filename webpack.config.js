const path = require("path");
const fs = require("fs");
const os = require("os");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const devPort = Number(process.env.npm_package_config_dev_server_port || 3000);

/**
 * office-addin-dev-certs calls sudo to trust its CA; where there is none (Linux containers, CI) it
 * fails after writing the certificate files, which are all the dev server needs.
 */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch {
    // Installing the certificate needs administrator rights (sudo); the files are written all the same.
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = ["ca.crt", "localhost.key", "localhost.crt"].map((name) => path.join(dir, name));
    if (files.some((f) => !fs.existsSync(f))) {
      throw new Error(`Không tạo được chứng chỉ HTTPS cho localhost trong ${dir}. Hãy chạy "npx office-addin-dev-certs install" (cần quyền quản trị) rồi chạy lại npm start.`);
    }
    console.log(
      [
        "",
        "Lưu ý về chứng chỉ: không cài được chứng chỉ localhost vào kho tin cậy của máy (việc này cần quyền quản trị).",
        `Máy chủ vẫn chạy với chứng chỉ trong ${dir}. Trình duyệt sẽ báo "không an toàn" cho tới khi bạn`,
        `mở https://localhost:${devPort}/taskpane.html và chấp nhận, hoặc cài ${files[0]} làm chứng chỉ gốc tin cậy`,
        '(Chrome/Chromium trên Linux: certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n chitieu-dev -i ' + files[0] + ").",
        "",
      ].join("\n"),
    );
    const [ca, key, cert] = files.map((f) => fs.readFileSync(f));
    return { ca, key, cert };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "build"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: dev } } },
        },
        // The sample plan documents ship inside the bundle, each in its own chunk loaded on demand.
        { test: /\.txt$/, type: "asset/source" },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          // pdf.js runs its parser in a worker, served beside the pane (loaded only when a PDF is opened). Named .js:
          // IIS and many web servers have no MIME type for .mjs, and a module worker served without one never starts.
          { from: "node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs", to: "pdf.worker.min.js" },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          hot: false,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: devPort,
          static: { directory: path.resolve(__dirname, "build") },
        }
      : undefined,
  };
};
