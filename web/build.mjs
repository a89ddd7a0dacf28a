// Builds the web UI: copies src/ (plain ES modules, CSS, translations) and
// the graph library from node_modules into the output folder that
// `pactum serve` serves. No bundler: the browser loads the modules as they are.
// Usage: node build.mjs [OUT_DIR]   (default: ../build/web, or $PACTUM_WEB_OUT)
import { cpSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || process.env.PACTUM_WEB_OUT || resolve(here, '..', 'build', 'web'));
const lib = resolve(here, 'node_modules', 'cytoscape', 'dist', 'cytoscape.esm.min.mjs');
if (!existsSync(lib)) {
  console.error('web build: node_modules is missing; run `npm ci` in web/ first');
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(resolve(out, 'vendor'), { recursive: true });
cpSync(resolve(here, 'src'), out, { recursive: true });
cpSync(lib, resolve(out, 'vendor', 'cytoscape.mjs'));
console.log(`web build: ${out}`);
