// Bundles the browser modules into Portal.Web/wwwroot/js, one file each. Portal.Web's build calls this
// when an output is missing or older than its sources, so a fresh clone needs no manual step.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(here, '../Portal.Web/wwwroot/js');

// Each module is imported on its own (the editor only on editor pages), so they share no chunk.
await build({
  entryPoints: {
    'portal-bridge': resolve(here, 'src/portal-bridge.js'),
    'rich-text-editor': resolve(here, 'src/rich-text-editor.js'),
  },
  bundle: true,
  format: 'esm',
  minify: true,
  legalComments: 'none',
  target: ['es2019', 'chrome69', 'safari12'],
  outdir,
  logLevel: 'warning',
});
console.log(`bundled portal-bridge.js and rich-text-editor.js into ${outdir}`);
