/**
 * `node scripts/cli.mjs <command> [args…]`: what `npm run check`, `build`, `import`, `data` and `new` run.
 *
 * Node 20 cannot run TypeScript, and loading tsx delays every command before it does anything (BENCHMARKS.md,
 * "Command start-up"). So the
 * command's sources (src/cli/<command>.ts and every module it imports from the project; packages stay
 * imports) are bundled once with esbuild into node_modules/.cache/casefile/ and the bundle is imported from
 * there. This file is plain JavaScript so that node runs it as it is.
 *
 * A bundle runs only while it is the exact build of the sources: its manifest records the sha256 of every
 * file esbuild read, and one changed byte in any of them (or in this launcher) makes a new bundle before the
 * command runs. Stack traces point at the sources, through the bundle's source map.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The commands that have a `src/cli/<command>.ts`. */
export const commands = ['check', 'build', 'import', 'data', 'new'];

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const launcher = fileURLToPath(import.meta.url);
/** The one module the build and the Astro render must share (see its comment). */
const handOver = path.join(packageRoot, 'src', 'site', 'hand-over.mjs');

/** @param {string | Buffer} bytes */
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * @typedef {object} BundleManifest
 * @property {string} launcher sha256 of this file when the bundle was made: other bundling options, another bundle
 * @property {string} entry absolute path of the entry module
 * @property {string} bundle file name of the bundle, in the cache folder
 * @property {Record<string, string>} inputs sha256 of every file the bundle was made from, by absolute path
 */

/** @param {string} file */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The bundle of `entry` in `cacheDir` when every file it was made from is unchanged, else undefined.
 * @param {string} entry
 * @param {string} cacheDir
 * @returns {string | undefined}
 */
export function freshBundle(entry, cacheDir) {
  /** @type {BundleManifest | undefined} */
  const manifest = readJson(manifestPath(entry, cacheDir));
  if (!manifest || manifest.entry !== entry || manifest.launcher !== sha256(readFileSync(launcher))) return undefined;
  for (const [file, hash] of Object.entries(manifest.inputs)) {
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    if (sha256(bytes) !== hash) return undefined;
  }
  return path.join(cacheDir, manifest.bundle);
}

/** @param {string} entry @param {string} cacheDir */
function manifestPath(entry, cacheDir) {
  return path.join(cacheDir, `${bundleName(entry)}.json`);
}

/** `check` for src/cli/check.ts; the entry's folder joins the name when it is not src/cli (tests bundle their own). */
function bundleName(entry) {
  const name = path.basename(entry).replace(/\.[^.]*$/, '');
  const dir = path.dirname(entry);
  return dir === path.join(packageRoot, 'src', 'cli') ? name : `${name}-${sha256(dir).slice(0, 8)}`;
}

const loaders = /** @type {const} */ ({ '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.json': 'json' });

/**
 * Bundles `entry` into `cacheDir` and records what it was made from; returns the bundle's path.
 * Several processes may do this at once: each writes under a name of its own and renames into place.
 * @param {string} entry
 * @param {string} cacheDir
 * @returns {Promise<string>}
 */
export async function bundle(entry, cacheDir) {
  const { build } = await import('esbuild');
  /** @type {Record<string, string>} */
  const inputs = {};
  const name = bundleName(entry);
  const result = await build({
    entryPoints: [entry],
    outdir: cacheDir,
    entryNames: name,
    // A module a command imports with `await import()` becomes a chunk of its own, and the packages only it
    // imports load with it: `npm run check` never loads the aggregation's packages (DuckDB, graphology) when
    // every case's model comes from the cache.
    splitting: true,
    chunkNames: `${name}.chunk-[hash]`,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'casefile-sources',
        setup(build) {
          // Loaded by Node from its file, not bundled: the build and Astro's render share its one instance.
          build.onResolve({ filter: /hand-over\.mjs$/ }, (args) => {
            const file = path.resolve(args.resolveDir, args.path);
            return file === handOver ? { path: pathToFileURL(file).href, external: true } : undefined;
          });
          // Every project file goes through here, so its hash is that of the very bytes bundled. A module's
          // own address (import.meta.url and friends) stays the source file's: modules find files beside them.
          build.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
            const bytes = readFileSync(args.path);
            inputs[args.path] = sha256(bytes);
            const loader = loaders[/** @type {keyof typeof loaders} */ (path.extname(args.path))];
            if (loader === undefined || loader === 'json') return { contents: bytes, loader: loader ?? 'default' };
            const contents = bytes
              .toString('utf8')
              .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
              .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
              .replaceAll('import.meta.filename', JSON.stringify(args.path));
            return { contents, loader };
          });
        },
      },
    ],
  });
  const entryPath = path.join(cacheDir, `${name}.mjs`);
  const code = result.outputFiles.find((f) => f.path === entryPath);
  const map = result.outputFiles.find((f) => f.path === `${entryPath}.map`);
  if (!code || !map) throw new Error(`esbuild wrote no bundle for ${entry}`);
  const file = `${name}.${sha256(code.contents).slice(0, 16)}.mjs`;
  const text = code.text.replace(/\/\/# sourceMappingURL=\S+\s*$/, `//# sourceMappingURL=${file}.map\n`);
  mkdirSync(cacheDir, { recursive: true });
  const unique = `.${process.pid}.${Date.now()}.tmp`;
  /** @param {string} name @param {string | Uint8Array} contents */
  const put = (name, contents) => {
    writeFileSync(path.join(cacheDir, name + unique), contents);
    renameSync(path.join(cacheDir, name + unique), path.join(cacheDir, name));
  };
  // Chunks are named by esbuild from their contents, so a chunk already there is the same bytes; each is
  // written again all the same, which dates it now for removeOldBundles. Chunks before the entry that imports them.
  const chunks = result.outputFiles.filter((f) => f !== code && f !== map).map((f) => path.basename(f.path));
  for (const chunk of result.outputFiles.filter((f) => f !== code && f !== map)) put(path.basename(chunk.path), chunk.contents);
  put(`${file}.map`, map.contents);
  put(file, text);
  /** @type {BundleManifest} */
  const manifest = { launcher: sha256(readFileSync(launcher)), entry, bundle: file, inputs };
  writeFileSync(manifestPath(entry, cacheDir) + unique, `${JSON.stringify(manifest, null, 1)}\n`);
  renameSync(manifestPath(entry, cacheDir) + unique, manifestPath(entry, cacheDir));
  removeOldBundles(cacheDir, name, [file, ...chunks]);
  return path.join(cacheDir, file);
}

/**
 * Earlier bundles of the same command and their chunks, left an hour after they were replaced: a process
 * started just before the replacement may still be about to import one.
 * @param {string} cacheDir @param {string} name @param {string[]} keep the new bundle's files
 */
function removeOldBundles(cacheDir, name, keep) {
  const hourAgo = Date.now() - 3_600_000;
  for (const entry of readdirSync(cacheDir)) {
    if (!entry.startsWith(`${name}.`) || keep.some((k) => entry.startsWith(k)) || entry === `${name}.json`) continue;
    const file = path.join(cacheDir, entry);
    if (statSync(file).mtimeMs < hourAgo) rmSync(file, { force: true });
  }
}

/**
 * Imports the command's module from a fresh bundle, making one first when the sources changed. The module
 * sees the arguments after the command as its own (`process.argv.slice(2)`).
 * @param {string} entry
 * @param {string[]} args
 * @param {string} [cacheDir]
 */
export async function run(entry, args, cacheDir = path.join(packageRoot, 'node_modules', '.cache', 'casefile')) {
  process.setSourceMapsEnabled(true);
  const file = freshBundle(entry, cacheDir) ?? (await bundle(entry, cacheDir));
  process.argv = [process.argv[0] ?? process.execPath, entry, ...args];
  await import(pathToFileURL(file).href);
}

if (process.argv[1] === launcher) {
  const [command, ...args] = process.argv.slice(2);
  if (!command || !commands.includes(command)) {
    process.stderr.write(`Unexpected command \`${command ?? ''}\`, expected one of ${commands.join(', ')}: npm run <command>.\n`);
    process.exit(2);
  }
  await run(path.join(packageRoot, 'src', 'cli', `${command}.ts`), args);
}
