// CommonJS errors as Node reports them (paths shown relative to this directory).
const rel = (s) => String(s).split(__dirname).join('.');
for (const id of ['./missing', 'no-such-package', 'node:no-such-builtin', './nested']) {
  try {
    require(id);
  } catch (e) {
    console.log(e.name, e.code, rel(e.message), e.requireStack && e.requireStack.map(rel));
  }
}
try {
  require('./bad-syntax');
} catch (e) {
  console.log(rel(e.stack).split('\n').slice(0, 7).join('\n'));
}
try {
  require('./throws');
} catch (e) {
  console.log(rel(e.stack));
}
try {
  require('./bad.json');
} catch (e) {
  console.log(e.name, rel(e.message));
}
try {
  require('');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
try {
  require(42);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
