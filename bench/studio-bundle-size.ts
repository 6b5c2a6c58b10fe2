/**
 * Benchmark: what the studio makes a browser download. From a production build's index.html: the
 * JS loaded before the first page can render (the entry script and its modulepreload chunks), the
 * records page's route chunk with the chunks it adds, the CSS, and the 5 biggest chunks; each raw
 * uncompressed, gzipped at level 9 (node:zlib) and as the server sends them (the build's own .gz
 * copy where it wrote one).
 * **Target: initial JS ≤ 500 kB gzipped** (kB = 1,000 bytes). No database.
 *
 * Run alone: npx tsx bench/studio-bundle-size.ts [buildDir]   (without buildDir: builds the studio
 * into a temporary directory first)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildStudio } from '../test/build-studio.js';
import { measuredCommit, writeJsonResult } from './json-result.js';
import { compare, fmt, hostInfo, isMain, progress, writeReport, type BenchReport } from './report.js';

/** The budget of the JS needed before the first page renders, gzipped. */
const initialBudget = 500_000;
/** The lazy route chunk of the records list (Vite names a lazy chunk after its module). */
const recordsChunk = /^assets\/records-page-[\w-]+\.js$/;

/** One file of the build: its size, gzipped, and as served to a browser that accepts gzip. */
export interface Asset {
  file: string;
  bytes: number;
  gzip: number;
  /** The size of the build's `<file>.gz` (which @fastify/static's preCompressed sends), else `bytes`. */
  served: number;
}

/** The sizes the report is made of. */
export interface BundleSizes {
  entry: string;
  /** The entry and its modulepreload chunks. */
  initial: Asset[];
  /** Chunks the entry imports statically that index.html does not preload (should be none). */
  notPreloaded: string[];
  /** The records page's chunk and the chunks it imports that the initial set lacks. */
  recordsRoute: Asset[];
  css: Asset[];
  biggest: Asset[];
  allJs: Asset[];
}

const sum = (assets: Asset[], key: 'bytes' | 'gzip' | 'served') => assets.reduce((total, asset) => total + asset[key], 0);
const kB = (bytes: number) => `${fmt(bytes / 1000, 1)} kB`;

function assetOf(studioDir: string, file: string): Asset {
  const content = readFileSync(join(studioDir, file));
  const precompressed = join(studioDir, `${file}.gz`);
  return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length, served: existsSync(precompressed) ? statSync(precompressed).size : content.length };
}

/** Paths (relative to the build) of index.html's entry script, modulepreloads and stylesheets. */
function entryPoints(html: string): { entry: string; preloads: string[]; stylesheets: string[] } {
  const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = (name: string) => html.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];
  const local = (path: string | undefined) => (path ?? '').replace(/^\//, '');
  const entry = tags('script').find((tag) => /type="module"/.test(tag));
  if (!entry) throw new Error('index.html has no module script');
  const links = tags('link');
  const withRel = (rel: string) => links.filter((tag) => attribute(tag, 'rel') === rel).map((tag) => local(attribute(tag, 'href')));
  return { entry: local(attribute(entry, 'src')), preloads: withRel('modulepreload'), stylesheets: withRel('stylesheet') };
}

/** The chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), and theirs, itself included. */
function staticClosure(studioDir: string, start: string): Set<string> {
  const seen = new Set<string>();
  const pending = [start];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    // Dynamic import() is a call, never `import"…"` or `from"…"`: lazy chunks are not followed.
    for (const match of readFileSync(join(studioDir, file), 'utf8').matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      pending.push(posix.join(posix.dirname(file), match[1]!));
    }
  }
  return seen;
}

/** Measures a production build of the studio (a directory holding index.html and assets/). */
export function measureBundle(studioDir: string): BundleSizes {
  const { entry, preloads, stylesheets } = entryPoints(readFileSync(join(studioDir, 'index.html'), 'utf8'));
  const files = readdirSync(join(studioDir, 'assets')).map((name) => `assets/${name}`);
  const allJs = files.filter((file) => file.endsWith('.js')).map((file) => assetOf(studioDir, file));
  const initialFiles = new Set([entry, ...preloads]);
  const route = files.find((file) => recordsChunk.test(file));
  if (!route) throw new Error(`no records page chunk (${String(recordsChunk)}) in the build`);
  const byFile = new Map(allJs.map((asset) => [asset.file, asset]));
  const pick = (names: Iterable<string>) => [...names].map((name) => byFile.get(name) ?? assetOf(studioDir, name));
  const css = [...new Set([...stylesheets, ...files.filter((file) => file.endsWith('.css'))])];
  return {
    entry,
    initial: pick(initialFiles),
    notPreloaded: [...staticClosure(studioDir, entry)].filter((file) => !initialFiles.has(file)),
    recordsRoute: pick([...staticClosure(studioDir, route)].filter((file) => !initialFiles.has(file))),
    css: css.map((file) => assetOf(studioDir, file)),
    biggest: [...allJs].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
    allJs,
  };
}

function assetRows(assets: Asset[], initial: Set<string>): string[] {
  return ['| file | bytes | gzip -9 | served | initial |', '| --- | ---: | ---: | ---: | --- |',
    ...assets.map((asset) => `| ${asset.file} | ${fmt(asset.bytes)} | ${fmt(asset.gzip)} | ${fmt(asset.served)} | ${initial.has(asset.file) ? 'yes' : ''} |`)];
}

/** Measures the build in `studioDir`, writes bench/results/studio-bundle.json and answers the report. */
export function runStudioBundle(studioDir: string): BenchReport {
  const sizes = measureBundle(studioDir);
  const commit = measuredCommit(['packages/studio']);
  const initialGzip = sum(sizes.initial, 'gzip');
  const routeGzip = sum(sizes.recordsRoute, 'gzip');
  const cssGzip = sum(sizes.css, 'gzip');
  const allGzip = sum(sizes.allJs, 'gzip');
  const initialFiles = new Set(sizes.initial.map((asset) => asset.file));
  const precompressed = sizes.initial.filter((asset) => asset.served !== asset.bytes).length;
  writeJsonResult('studio-bundle', hostInfo(), { commit, budgetBytes: initialBudget, ...sizes });
  return {
    name: 'studio-bundle',
    title: 'Studio bundle: the JS a browser loads before the first page renders, gzipped (level 9)',
    reference: `the budget of ${kB(initialBudget)} gzipped for the initial JS; the whole build's JS for the shares`,
    comparisons: [
      compare(`initial JS gzipped (entry + ${sizes.initial.length - 1} modulepreload chunks) vs the budget`, kB(initialGzip), kB(initialBudget), initialGzip / initialBudget, '<= 1'),
      compare('initial JS uncompressed vs the budget', kB(sum(sizes.initial, 'bytes')), kB(initialBudget), sum(sizes.initial, 'bytes') / initialBudget),
      compare(`initial JS as served to a gzip-accepting browser (${precompressed} of ${sizes.initial.length} files precompressed) vs the budget`, kB(sum(sizes.initial, 'served')), kB(initialBudget), sum(sizes.initial, 'served') / initialBudget),
      compare(`records route gzipped (records-page + ${sizes.recordsRoute.length - 1} chunks the initial set lacks) vs the initial JS`, kB(routeGzip), kB(initialGzip), routeGzip / initialGzip),
      compare('first records page in all (initial + route) gzipped vs the budget', kB(initialGzip + routeGzip), kB(initialBudget), (initialGzip + routeGzip) / initialBudget),
      compare(`CSS gzipped (${sizes.css.length} files) vs the initial JS`, kB(cssGzip), kB(initialGzip), cssGzip / initialGzip),
      compare(`initial JS vs all JS of the build (${sizes.allJs.length} chunks), gzipped`, kB(initialGzip), kB(allGzip), initialGzip / allGzip),
    ],
    notes: [
      `commit ${commit}; a production build (vite build, NODE_ENV=production) of packages/studio.`,
      `initial JS: the entry ${sizes.entry} and the modulepreload links of index.html, which the browser fetches before running the entry; ${sizes.notPreloaded.length === 0 ? 'every chunk the entry imports statically is among them' : `the entry also imports, without a preload link: ${sizes.notPreloaded.join(', ')} (not counted)`}.`,
      'records route: the lazy chunk of the records page and the chunks it imports statically that the initial set does not hold (what the first visit of /w/<slug>/records adds).',
      sizes.css.length === 0 ? 'no CSS file: antd 6 writes its styles at run time (CSS-in-JS), so they are inside the JS figures.' : `CSS: ${sizes.css.map((asset) => asset.file).join(', ')}.`,
      'gzip -9: node:zlib at level 9, the budget\'s measure. Served: the .gz copy the build wrote beside a file (sent by @fastify/static\'s preCompressed to browsers accepting gzip), else the file as it is.',
    ],
    details: [
      '### Initial JS', '', ...assetRows(sizes.initial, initialFiles), '',
      '### Records route', '', ...assetRows(sizes.recordsRoute, initialFiles), '',
      '### The 5 biggest chunks', '', ...assetRows(sizes.biggest, initialFiles),
    ],
  };
}

if (isMain(import.meta.url)) {
  const given = process.argv[2];
  if (!given) progress('studio-bundle: building the studio (vite build)');
  const studioDir = given ?? await buildStudio();
  try {
    await writeReport(runStudioBundle(studioDir), { ...hostInfo(), postgres: 'no database' });
  } finally {
    if (!given) await rm(studioDir, { recursive: true, force: true });
  }
}
