// CommonJS's variables in ES modules: Node adds " in ES module scope" (and, for a `.js` file
// of a `"type": "module"` package, why it is an ES module) to the ReferenceError, for
// require(esm), import() and the graph's root only. An error thrown while a required ES
// module evaluates is the caller's to catch: no unhandled rejection, the process goes on.
const show = (e) => `${e.name}: ${e.message}`.replaceAll(__dirname, '<dir>');
const tryRequire = (f) => {
  try {
    require(f);
    console.log(f, 'loaded');
  } catch (e) {
    console.log(f, show(e));
  }
};
tryRequire('./esm-pkg/uses-module.js');
tryRequire('./esm-pkg/uses-require.js');
tryRequire('./esm-pkg/throws.js');
tryRequire('./esm-pkg/throws.js');
setTimeout(async () => {
  for (const f of ['./esm-pkg/uses-dirname.mjs', './esm-pkg/tla-exports.js', './esm-pkg/uses-module.js']) {
    try {
      await import(f);
    } catch (e) {
      console.log('import', f, show(e), e.code);
    }
  }
  console.log('timer ran');
}, 1);
