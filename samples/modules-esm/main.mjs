// A three-file ES module program with a cycle (main.mjs → iter.mjs ⇄ stats.mjs), live
// bindings, re-exports, namespaces, top-level await, CommonJS and JSON imports, import().
import { take, counter, bump } from './iter.mjs';
import * as lib from './lib/index.mjs';
import legacy, { double } from './legacy.cjs';
import data from './data.json' with { type: 'json' };
import shout, { missing } from 'shout';
import { createRequire } from 'node:module';
import { EventEmitter } from 'node:events';

console.log('main: evaluating');
function* naturals() {
  for (let n = 1; ; n++) yield n;
}
console.log('take 3:', [...take(naturals(), 3)]);

// Live bindings: the exporter changes `counter`, every importer sees it.
console.log('counter before:', counter);
bump();
bump();
console.log('counter after:', counter);
try {
  counter = 10;
} catch (e) {
  console.log(e.name + ':', e.message);
}

console.log('namespace:', lib);
console.log('keys:', Object.keys(lib), Object.isFrozen(lib), Object.isSealed(lib));
console.log('tag:', Object.prototype.toString.call(lib), lib[Symbol.toStringTag]);
console.log('mean:', lib.stats.mean([1, 2, 3, 4]));

console.log('cjs default:', legacy, 'named:', double(21));
console.log('json:', data);
console.log('package:', shout('hi'));
console.log('package (require):', createRequire(import.meta.url)('shout')('hi'));
console.log('undefined import:', await missing());
console.log('core:', typeof EventEmitter);

// import.meta (paths relative to this directory, to print the same everywhere).
const here = import.meta.dirname;
console.log('meta:', import.meta.filename.replace(here, '.'), import.meta.url.endsWith('/main.mjs'), import.meta.main);
console.log('resolve:', import.meta.resolve('./iter.mjs').replace('file://' + here, '.'));

// Top-level await and import(): the same module instance.
const again = await import('./iter.mjs');
console.log('same instance:', again.counter === counter, again.take === take);
try {
  await import('./missing.mjs');
} catch (e) {
  console.log(e.code, e.message.replace(here, '.').replace(here, '.'));
}
try {
  await import('./lib/bad-import.mjs');
} catch (e) {
  console.log(e.name + ':', e.message);
}
const late = await new Promise((r) => setTimeout(() => r('after a timer'), 5));
console.log('awaited:', late);
