// npm packages between the two module systems, as Node 24 sees them.
import { createRequire } from 'node:module';
import all, { kind } from 'sync-only';
import * as legacy from 'legacy-lib';

const require = createRequire(import.meta.url);
// require() of an ES module found through the `module-sync` condition.
const viaRequire = require('sync-only');
console.log(viaRequire, viaRequire.kind === kind);
console.log(await all((async function* () { yield 1; yield 2; })()));

// The named exports Node finds in a CommonJS module.
console.log(Object.keys(legacy).sort());

// A named import a CommonJS module does not provide: Node's hint.
for (const file of ['./bad-import.mjs', './bad-import-as.mjs', './bad-import-lines.mjs']) {
  try {
    await import(file);
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}
// A core module is no CommonJS module: V8's message.
try {
  await import('./bad-builtin.mjs');
} catch (e) {
  console.log(`${e.name}: ${e.message}`);
}
