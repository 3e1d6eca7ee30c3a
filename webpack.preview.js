/**
 * The browser preview (`npm run preview`, and the end-to-end tests): the add-in's own task pane
 * bundle beside an editable in-memory workbook, with office.js replaced by a local stub. Built
 * into dist-preview/; never deployed and never named in the manifest. No certificates, no network.
 *
 *   npm run preview          http://localhost:3001/preview.html
 *   npm run build:preview    dist-preview/ for the end-to-end tests (production mode, compressed by SWC, names kept)
 */
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");
const tsx = require("tsx/cjs/api");
const { contentSecurityPolicy } = tsx.require("./scripts/csp.ts", __filename);

const OUT = path.resolve(__dirname, "dist-preview");

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "swc-loader", options: require("./swc.config.js").webpack },
};

const nodeSchemes = () =>
  new webpack.NormalModuleReplacementPlugin(/^node:(fs|https)$/, (r) => {
    r.request = r.request.slice("node:".length);
  });

const common = (mode) => ({
  mode,
  devtool: "source-map",
  // pptxgenjs (slides, loaded on demand) imports node:fs/node:https only when it runs in Node.
  resolve: {
    extensions: [".ts", ".tsx", ".js"],
    // zod's English messages as an ES module, sharing zod/mini's core (src/core/zod-messages.ts).
    alias: { "zod/v4/locales/en.cjs$": path.resolve(__dirname, "node_modules/zod/v4/locales/en.js") },
    fallback: { fs: false, https: false },
  },
  module: { rules: [tsRule] },
  performance: { hints: false },
  // Never deployed: production mode (React's production build, the same code paths as dist/).
  optimization: previewMinimize(mode),
});

/**
 * Production mode compresses with SWC and keeps names (no mangling; source maps as before). Not
 * minified, the bundles kept what webpack only marks unused: Fluent's icon modules were 4 of the
 * 5.2 MB of the pane's largest chunk, and the pane's frame fetched and parsed all of it before its
 * first ranking. SWC drops it for a few seconds of CPU; terser was three quarters of this build's
 * CPU time (105 s → 28 s unminified). Development mode (npm run preview) stays unminified.
 */
function previewMinimize(mode) {
  if (mode === "development") return { minimize: false };
  return { minimize: true, minimizer: [new MinimizerPlugin({ minify: MinimizerPlugin.swcMinify, minimizerOptions: { compress: true, mangle: false } })] };
}

module.exports = (env, options) => {
  const mode = options.mode ?? "development";
  const dev = mode === "development";
  const previewCsp = contentSecurityPolicy({ office: false, dev, frames: true });
  const pages = {
    ...common(mode),
    name: "pages",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      functions: "./src/functions/functions.ts",
      preview: "./src/preview/preview.tsx",
      presenter: "./src/presenter/index.tsx",
    },
    output: { path: OUT, filename: "[name].js", clean: false },
    optimization: { ...previewMinimize(mode), runtimeChunk: "single", splitChunks: { chunks: "all" } },
    plugins: [
      // highs (the selection's solver, loaded on demand) imports node:module only when run in Node.
      new (require("webpack").NormalModuleReplacementPlugin)(/^node:module$/, path.resolve(__dirname, "src/solve/node-stub.js")),
      nodeSchemes(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions", "commands"],
        officeJs: "office-stub.js",
        // Deferred (still first, in order): the parser goes on and the pane's scripts are fetched at once, not after the stub has run.
        officeJsDefer: true,
        csp: contentSecurityPolicy({ office: false, dev }),
      }),
      new HtmlWebpackPlugin({ filename: "presenter.html", template: "./src/presenter/presenter.html", chunks: ["presenter"], officeJs: "office-stub.js", csp: previewCsp }),
      new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"], inject: "body", csp: previewCsp }),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/preview/preview.html", chunks: ["preview"], inject: "body", csp: previewCsp }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "examples/prioritering-2022-09.xlsx", to: "examples/[name][ext]" },
        ],
      }),
    ],
    devServer: {
      static: false,
      host: "localhost",
      port: Number(process.env.PREVIEW_PORT || 3001),
      open: false,
      client: { overlay: { warnings: false } },
    },
  };
  // The stub is one self-contained script, loaded before the page's bundles as office.js is.
  const stub = {
    ...common(mode),
    name: "stub",
    entry: { "office-stub": "./src/preview/office-stub.ts" },
    // Its own chunk-loading global: it runs in the same page as the pages' bundles.
    output: { path: OUT, filename: "[name].js", clean: false, uniqueName: "prioOfficeStub" },
    plugins: [
      ...(common(mode).plugins ?? []),
      // One file, whatever it imports lazily (exceljs): it stands in for office.js, which is served
      // alone from another address in the browser tests, so it cannot load chunks beside it.
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      // Without HiGHS (a chunk and a .wasm beside it): the pane's own recompute fills Rangering's Utvalg column.
      new webpack.NormalModuleReplacementPlugin(/^\.\.?\/selection-column$/, path.resolve(__dirname, "src/preview/selection-column-stub.ts")),
      new webpack.NormalModuleReplacementPlugin(/^\.\.?\/veikart-plan$/, path.resolve(__dirname, "src/preview/veikart-plan-stub.ts")),
    ],
  };
  return [pages, stub];
};
