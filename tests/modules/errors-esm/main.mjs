// ES module errors as Node reports them (paths shown relative to this directory).
import { createRequire } from 'node:module';
const here = import.meta.dirname;
const rel = (s) => String(s).split(here).join('.');
for (const spec of ['./missing.mjs', './missing', 'no-such-package', './', './data.json', './bad-import.mjs', './ambiguous.mjs', './bad-syntax.mjs', './throws.mjs']) {
  try {
    await import(spec);
  } catch (e) {
    console.log(e.name, e.code, rel(e.message));
  }
}
try {
  await import('./data.json', { with: { type: 'css' } });
} catch (e) {
  console.log(e.name, e.code, rel(e.message));
}
const require = createRequire(import.meta.url);
try {
  require('./tla.mjs');
} catch (e) {
  console.log(e.name, e.code, rel(e.message));
}
console.log(require('./plain.mjs'));
console.log(require('./with-default.mjs'));
const ns = await import('./plain.mjs');
console.log(Object.getOwnPropertyDescriptor(ns, 'value'), Reflect.set(ns, "value", 2), Reflect.deleteProperty(ns, "value"));
try {
  ns.value = 3;
} catch (e) {
  console.log(e.name);
}
