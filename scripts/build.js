#!/usr/bin/env node
/**
 * The fast build behind `npm start`, `npm run cli` and `npm run build`: each TypeScript file of
 * apps/ and libs/ that changed since its output is compiled by SWC (the compiler jest already
 * runs every test through), path aliases rewritten to relative requires, assets and JSON files
 * (the error catalogs) copied. An unchanged tree builds in well under a second. It checks no
 * types: `npm run typecheck` does, and CI runs it on every change.
 */
'use strict';
const { transformFile } = require('@swc/core');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist');
const LIBS = fs.readdirSync(path.join(ROOT, 'libs')).filter((l) => l !== 'testing' && fs.existsSync(path.join(ROOT, 'libs', l, 'src')));
const APPS = fs.readdirSync(path.join(ROOT, 'apps'));
const TEST_FILE = /\.(e2e-)?spec\.tsx?$/;
// A change to the compiler settings, or to this file, rebuilds everything.
const STAMP = path.join(OUT, '.swc-build');

const options = (filename) => ({
  filename,
  swcrc: false,
  configFile: false,
  sourceMaps: true,
  jsc: {
    baseUrl: ROOT,
    paths: Object.fromEntries(LIBS.map((l) => [`@palabre/${l}`, [`libs/${l}/src`]])),
    parser: { syntax: 'typescript', tsx: filename.endsWith('.tsx'), decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic', importSource: 'preact' } },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
});

function* sources(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else yield full;
  }
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

async function main() {
  const started = Date.now();
  const stamp = JSON.stringify({ builder: fs.readFileSync(__filename, 'utf8').length, swc: require('@swc/core/package.json').version, libs: LIBS });
  const fresh = !fs.existsSync(STAMP) || fs.readFileSync(STAMP, 'utf8') !== stamp;
  const roots = [...APPS.map((a) => path.join(ROOT, 'apps', a, 'src')), ...LIBS.map((l) => path.join(ROOT, 'libs', l, 'src'))];
  const expected = new Set();
  const work = [];
  for (const root of roots) {
    for (const file of sources(root)) {
      const rel = path.relative(ROOT, file);
      if (/\.tsx?$/.test(file) && !file.endsWith('.d.ts')) {
        if (TEST_FILE.test(file)) continue;
        const out = path.join(OUT, rel.replace(/\.tsx?$/, '.js'));
        expected.add(out).add(`${out}.map`);
        if (fresh || mtime(out) < mtime(file)) work.push({ file, out });
      } else if (rel.includes(`${path.sep}assets${path.sep}`) || rel.endsWith('.json')) {
        const out = path.join(OUT, rel);
        expected.add(out);
        if (fresh || mtime(out) < mtime(file)) work.push({ file, out, copy: true });
      }
    }
  }
  await Promise.all(
    work.map(async ({ file, out, copy }) => {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      if (copy) return fs.copyFileSync(file, out);
      const { code, map } = await transformFile(file, options(file));
      fs.writeFileSync(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
      if (map) fs.writeFileSync(`${out}.map`, map);
    }),
  );
  // Outputs of deleted sources would otherwise still load (a removed migration, say).
  let removed = 0;
  for (const dir of ['apps', 'libs'].map((d) => path.join(OUT, d))) {
    for (const file of sources(dir)) {
      if (/\.(js|js\.map)$/.test(file) && !expected.has(file) && !file.includes(`${path.sep}assets${path.sep}`)) {
        fs.rmSync(file);
        removed++;
      }
    }
  }
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(STAMP, stamp);
  if (!process.argv.includes('--quiet')) {
    process.stderr.write(`[build] ${work.length} file(s) compiled${removed ? `, ${removed} removed` : ''} in ${Date.now() - started} ms\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
