// Run with --permission --allow-fs-read=<this dir>/lib: lib/ loads, other/ does not.
const rel = (p) => p && p.replace(__dirname, '.');
console.log(require('./lib/ok.js'));
try {
  require('./other/no.js');
} catch (e) {
  console.log(e.code, e.permission, rel(e.resource));
}
import('./lib/ok.mjs').then((ns) => console.log(ns.default));
import('./other/no.mjs').catch((e) => console.log(e.code, e.permission, rel(e.resource)));
