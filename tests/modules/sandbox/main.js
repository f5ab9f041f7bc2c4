// Every route to a user module is denied under --sandbox / --permission, before the file
// is read (secret.js would print if it ran).
const rel = (p) => p && p.replace(__dirname, '.');
const show = (what, e) => console.log(what, e.code, e.permission, rel(e.resource), e.message);
try {
  require('./lib/secret.js');
} catch (e) {
  show('require:', e);
}
try {
  require('./lib/data.json');
} catch (e) {
  show('json:', e);
}
try {
  require.resolve('./lib/secret.js');
} catch (e) {
  show('resolve:', e);
}
try {
  require('./missing.js');
} catch (e) {
  console.log('missing:', e.code);
}
console.log('core modules load:', typeof require('events'));
import('./lib/secret.mjs').then(
  () => console.log('import: loaded'),
  (e) => show('import():', e),
);
