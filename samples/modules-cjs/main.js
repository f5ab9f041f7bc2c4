// A three-file CommonJS program (plus JSON, a package directory and a node_modules
// package): Node's resolution, the module cache, a cycle with partial exports.
const rel = (p) => p.replace(__dirname, '.');

const even = require('./even');        // even.js and odd.js require each other
const { isOdd } = require('./odd.js');
console.log('isEven(10):', even.isEven(10), 'isOdd(7):', isOdd(7));

const config = require('./config.json');
console.log('config:', config);

const lib = require('./lib');           // lib/package.json "main"
console.log(lib.describe());

const greet = require('greet');         // node_modules/greet, "exports" with conditions
console.log(greet('learner'));
console.log(require('greet/shout')('hello'));

// The cache: a second require returns the same exports object.
console.log('same object:', require('./even') === even);
console.log('cache keys:', Object.keys(require.cache).map(rel));
console.log('children:', module.children.map((m) => rel(m.id)));
console.log('main:', require.main === module, rel(module.filename), module.id, module.loaded);
console.log('resolve:', rel(require.resolve('./lib')));
console.log('resolve with paths:', rel(require.resolve('greet/shout', { paths: [__dirname + '/lib'] })));
console.log('dirname:', rel(__dirname), rel(__filename));
console.log('this is module.exports:', this === module.exports);

// Errors as Node reports them.
for (const id of ['./missing', 'no-such-package', 'greet/private']) {
  try {
    require(id);
  } catch (e) {
    console.log(e.name, e.code, rel(e.message).split('\n')[0]);
  }
}
try {
  require('./broken.json');
} catch (e) {
  console.log(e.name, rel(e.message));
}

// Deleting a cache entry makes the next require run the file again.
delete require.cache[require.resolve('./lib')];
console.log('fresh copy:', require('./lib') !== lib);
