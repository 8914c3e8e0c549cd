// One Astro build, in its own process so the benchmark can measure its time, CPU and memory alone:
//   node astro-build.mjs <root> <outDir> <cacheDir>
// The content folder comes from CONTENT_DIR, as for the site.
import { build } from 'astro';

const [root, outDir, cacheDir] = process.argv.slice(2);
if (!root || !outDir || !cacheDir) throw new Error('usage: node astro-build.mjs <root> <outDir> <cacheDir>');
process.chdir(root);
await build({ root, outDir, cacheDir, logLevel: 'warn', mode: 'production' });
