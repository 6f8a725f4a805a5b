// Compiles the server (src/server, src/shared) into one file, dist/server/linli.mjs, when it is missing or
// older than its sources, so `linli` starts compiled JavaScript instead of loading TypeScript through tsx at
// every start (issue 18: ~2.3 s of a cold start). bin/linli.mjs calls ensureServer() before every command;
// `node scripts/ensure-server.mjs` builds from the command line (npm install's `prepare` does).
//
// The packages stay outside the bundle (native @node-rs/*, PGlite's wasm and data files, pdfkit's fonts,
// exceljs in the sheet reader's worker are found in node_modules as before). A source file's
// `import.meta.url` is rewritten to its own URL, computed from the bundle's place, so files read next to
// the sources (migrations SQL, the worker, dist/web, package.json) are found exactly as under tsx.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverBundle = path.join(root, 'dist/server/linli.mjs');
const sourceDirs = ['src/server', 'src/shared'].map((d) => path.join(root, d));
// The packages stay outside the bundle: only the sources and this build's settings make it.
const buildInputs = [fileURLToPath(import.meta.url)];

/** Newest change under the sources: files and folders (a deleted or renamed file changes its folder). */
function newest(dir) {
  let max = fs.statSync(dir).mtimeMs;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return max;
}

export function serverIsCurrent() {
  if (!fs.existsSync(serverBundle)) return false;
  const sources = Math.max(...sourceDirs.map(newest), ...buildInputs.map((f) => fs.statSync(f).mtimeMs));
  return fs.statSync(serverBundle).mtimeMs >= sources;
}

/** The source files that use `import.meta.url` (a handful; the others go to esbuild untouched). */
function filesWithOwnUrl(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesWithOwnUrl(full);
    return entry.name.endsWith('.ts') && fs.readFileSync(full, 'utf8').includes('import.meta.url') ? [full] : [];
  });
}

/** Each source file's `import.meta.url` becomes that file's URL, relative to where the bundle runs. */
const ownUrlPlugin = {
  name: 'own-import-meta-url',
  setup(build) {
    const files = sourceDirs.flatMap(filesWithOwnUrl);
    if (files.length === 0) return;
    // Only these files come to JavaScript (esbuild matches the filter in Go).
    const escaped = files.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    build.onLoad({ filter: new RegExp(`^(?:${escaped.join('|')})$`) }, async (args) => {
      const contents = await fs.promises.readFile(args.path, 'utf8');
      const fromBundle = path.relative(path.dirname(serverBundle), args.path).split(path.sep).join('/');
      return {
        contents: contents.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
        ),
        loader: 'ts',
      };
    });
  },
};

// Packages only some requests need (a sheet, a PDF, a QR code, a pinyin code): each is loaded on first
// use instead of at every start (issue 18: exceljs and pdfkit alone were ~0.7 s of CPU per start). The
// bundle imports a stand-in that `require`s the package when a property is read, a call or `new` is
// made. Named imports must be listed here (a missing one fails the build, never the request).
const lazyPackages = { exceljs: [], pdfkit: [], qrcode: [], 'pinyin-pro': ['pinyin'] };

const lazyPackagesPlugin = {
  name: 'lazy-packages',
  setup(build) {
    const names = Object.keys(lazyPackages).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(?:${names.join('|')})$`) }, (args) =>
      args.namespace === 'lazy-package' ? undefined : { path: args.path, namespace: 'lazy-package' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
      loader: 'js',
      resolveDir: root,
      contents: [
        `import { createRequire } from 'node:module';`,
        `const require = createRequire(import.meta.url);`,
        `let loaded;`,
        `const load = () => (loaded ??= require(${JSON.stringify(args.path)}));`,
        `const lazy = (pick) => new Proxy(function () {}, {`,
        `  get: (_, key) => Reflect.get(pick(), key),`,
        `  has: (_, key) => Reflect.has(pick(), key),`,
        `  apply: (_, self, args) => Reflect.apply(pick(), self, args),`,
        `  construct: (_, args) => Reflect.construct(pick(), args),`,
        `});`,
        `export default lazy(load);`,
        ...lazyPackages[args.path].map((name) => `export const ${name} = lazy(() => load().${name});`),
      ].join('\n'),
    }));
  },
};

/** Builds the bundle; written to a temporary file and renamed, so processes starting at once never read half a file. */
export async function buildServer() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (error) {
    throw new Error(
      `esbuild is missing (${error.message}); run \`npm install\` to compile the server (dist/server/linli.mjs).`,
    );
  }
  const started = new Date(); // a source saved while it builds is newer than the bundle: built again next time
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'src/server/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: serverBundle,
    write: false,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [ownUrlPlugin, lazyPackagesPlugin],
  });
  fs.mkdirSync(path.dirname(serverBundle), { recursive: true });
  // The map first: the bundle's rename is what tells others the build is there.
  const isMap = (file) => file.path.endsWith('.map');
  for (const file of [...result.outputFiles.filter(isMap), ...result.outputFiles.filter((f) => !isMap(f))]) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    fs.utimesSync(temporary, started, started);
    fs.renameSync(temporary, file.path);
  }
}

/** Builds the server when its sources changed since the last build; true when it built. */
export async function ensureServer() {
  if (serverIsCurrent()) return false;
  console.error('正在编译服务器… Compiling the server…');
  await buildServer();
  return true;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const force = process.argv.includes('--force');
  try {
    if (force) await buildServer();
    else await ensureServer();
  } catch (error) {
    console.error(`\n✗ 服务器编译失败 Compiling the server failed: ${error.message}\n`);
    process.exit(1);
  }
}
