// Bundles the bridge module into Portal.Web/wwwroot/js. Portal.Web's build calls this when the
// output is missing or older than its sources, so a fresh clone needs no manual step.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = resolve(here, '../Portal.Web/wwwroot/js/portal-bridge.js');

await build({
  entryPoints: [resolve(here, 'src/portal-bridge.js')],
  bundle: true,
  format: 'esm',
  minify: true,
  legalComments: 'none',
  target: ['es2019', 'chrome69', 'safari12'],
  outfile,
  logLevel: 'warning',
});
console.log(`bundled ${outfile}`);
