/**
 * Build of the Prioritering add-in, after the Office Yeoman templates (Office-Addin-TaskPane-React,
 * Excel-Custom-Functions shared-runtime): one page, taskpane.html, hosts the task pane, the ribbon
 * commands and the custom functions in the shared runtime.
 *
 *   npm run build       production build into dist/: no certificates, no network; manifest URLs
 *                       rewritten to PRIO_BASE_URL (default https://prioritering.example.org/)
 *   npm run build:dev   development build into dist/ (manifest kept on https://localhost:3000/)
 *   npm run dev-server  https://localhost:3000/ with office-addin-dev-certs (the only step that needs them)
 *
 * Type-checking is `npm run typecheck`; swc-loader only strips the types (swc.config.js).
 */
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");
const tsx = require("tsx/cjs/api");

// Shared with `npm run validate` and the tests, written in TypeScript.
const { DEV_BASE_URL, productionBaseUrl, rewriteManifestUrls } = tsx.require(
  "./scripts/manifest-urls.ts",
  __filename
);
const { contentSecurityPolicy } = tsx.require("./scripts/csp.ts", __filename);
const { NB_METADATA_FILE, localizeFunctionsMetadata } = tsx.require(
  "./scripts/functions-metadata.ts",
  __filename
);

/** office.js from its CDN, as Office requires (taskpane.html: htmlWebpackPlugin.options.officeJs). */
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1.1/hosted/office.js";

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
/** The entries taskpane.html loads (the shared runtime: pane, ribbon commands, custom functions). */
const PANE_ENTRIES = ["taskpane", "functions", "commands"];

// ───────────────────────────── Browser preview (src/preview/*) ─────────────────────────────
// The preview is built next to the add-in but never named in the manifest. Add its entries and
// pages here, e.g.
//   previewEntries: { preview: "./src/preview/index.tsx" }
//   previewPages:   new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/taskpane/taskpane.html",
//                     chunks: ["preview"], officeJs: "<the office.js stub the preview serves>" })
// Do not add the `functions` chunk to a page without CustomFunctions: its registration calls need it.
const previewEntries = {};
const previewPages = (/* dev */) => [];
// ─────────────────────────────────────────────────────────────────────────────────────────────

async function getHttpsOptions() {
  // Required here, not at the top: only `webpack serve` touches certificates.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/** Emits functions.nb-NO.json (bokmål descriptions, same ids and names) from the generated functions.json. */
class LocalizedFunctionsMetadataPlugin {
  apply(compiler) {
    const name = "LocalizedFunctionsMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const generated = compilation.getAsset("functions.json");
          if (!generated) {
            // The metadata plugin has already reported why (a JSDoc error in functions.ts).
            if (compilation.errors.length === 0)
              compilation.errors.push(
                new webpack.WebpackError(`${name}: functions.json was not generated`)
              );
            return;
          }
          try {
            const json = localizeFunctionsMetadata(generated.source.source().toString(), "nb");
            compilation.emitAsset(NB_METADATA_FILE, new webpack.sources.RawSource(json));
          } catch (err) {
            compilation.errors.push(
              new webpack.WebpackError(
                `${name}: ${err instanceof Error ? err.message : String(err)}`
              )
            );
          }
        }
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const baseUrl = dev ? DEV_BASE_URL : productionBaseUrl();
  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/commands.ts",
    functions: FUNCTIONS_SOURCE,
    presenter: "./src/presenter/index.tsx",
    ...previewEntries,
  };
  const ENTRY_NAMES = new Set(Object.keys(entry));
  const config = {
    devtool: "source-map",
    entry,
    output: {
      path: path.resolve(__dirname, "dist"),
      // Entry files keep their names (the manifest names functions.js); shared chunks, which only
      // taskpane.html loads, carry a content hash in production so a deployment is never half-cached.
      filename: ({ chunk }) =>
        dev || (chunk && ENTRY_NAMES.has(chunk.name)) ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    optimization: {
      // SWC minifies (webpack's own minimizer plugin, with SWC's minifier instead of terser): a
      // production build takes 29 s of CPU instead of 70 s, and the pane's initial JavaScript is
      // 0.4 KB smaller gzipped (198.2 KB against 198.6 KB with terser at 2 passes).
      minimizer: [new MinimizerPlugin({ minify: MinimizerPlugin.swcMinify, minimizerOptions: { compress: { passes: 2 } } })],
      // All entries share one webpack runtime on the page, so a module they share (the controller in
      // src/excel/runtime.ts, the functions' model in src/functions/model-source.ts) exists once.
      runtimeChunk: "single",
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // Everything the entries taskpane.html loads (the pane, the ribbon's commands, the custom
          // functions) in one chunk, loaded once by the page: the custom functions' model,
          // aggregation and ranking are the pane's too, so nothing is there twice, and one file
          // compresses better than the six webpack's size rules made of it (the pane's initial
          // JavaScript 197.7 KB gzipped against 200.5 KB, the same code). The pane's lazy views
          // are split by the default rules; the presenter page is left to them too.
          pane: {
            chunks: (chunk) => PANE_ENTRIES.includes(chunk.name),
            name: "pane",
            enforce: true,
            priority: 0,
          },
        },
      },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // zod's English messages as an ES module, sharing zod/mini's core (src/core/zod-messages.ts).
      alias: { "zod/v4/locales/en.cjs$": path.resolve(__dirname, "node_modules/zod/v4/locales/en.js") },
      // pptxgenjs (slides, loaded on demand) imports node:fs/node:https only when it runs in Node.
      fallback: { fs: false, https: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // SWC strips the types (swc.config.js, the same setting as the tests'); ES modules, so webpack tree-shakes.
          use: { loader: "swc-loader", options: require("./swc.config.js").webpack },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: {
            filename: "assets/[name][ext][query]",
          },
        },
      ],
    },
    plugins: [
      // highs (the selection's solver, loaded on demand) imports node:module only when run in Node.
      new webpack.NormalModuleReplacementPlugin(/^node:module$/, path.resolve(__dirname, "src/solve/node-stub.js")),
      // Fluent's `tokens` (every value `var(--<name>)`, 30 KB of the pane's initial JavaScript) as a
      // Proxy that gives the same values (src/ui/fluent-tokens.ts, checked against it by a test).
      new webpack.NormalModuleReplacementPlugin(/^\.\/tokens\.js$/, (r) => {
        if (/[\\/]@fluentui[\\/]tokens[\\/]lib$/.test(r.context)) r.request = path.resolve(__dirname, "src/ui/fluent-tokens.ts");
      }),
      new webpack.NormalModuleReplacementPlugin(/^node:(fs|https)$/, (r) => {
        r.request = r.request.slice("node:".length);
      }),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: FUNCTIONS_SOURCE,
      }),
      new LocalizedFunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: PANE_ENTRIES,
        officeJs: OFFICE_JS,
        csp: contentSecurityPolicy({ office: true, dev }),
      }),
      // The projector view, opened by the task pane with displayDialogAsync (same origin).
      new HtmlWebpackPlugin({
        filename: "presenter.html",
        template: "./src/presenter/presenter.html",
        chunks: ["presenter"],
        officeJs: OFFICE_JS,
        csp: contentSecurityPolicy({ office: true, dev }),
      }),
      ...previewPages(dev),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "assets/*",
            to: "assets/[name][ext][query]",
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : rewriteManifestUrls(content.toString(), baseUrl);
            },
          },
        ],
      }),
    ],
    performance: {
      // Fluent UI and React make a task pane of about a megabyte; it loads once per session.
      maxEntrypointSize: 2 * 1024 * 1024,
      maxAssetSize: 2 * 1024 * 1024,
    },
    devServer: {
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      server: {
        type: "https",
        options: env.WEBPACK_BUILD || !env.WEBPACK_SERVE ? undefined : await getHttpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };

  return config;
};
