'use strict';
// jsgen's test262 command line for Node: `--global-script FILE` runs FILE as global code
// (vm.Script in the main context, as test262's INTERPRETING.md asks), `--preload-script P
// --module-file M` runs P as global code and then imports M as an ES module.
// Errors are printed the way crates/test262/src/judge.rs reads jsgen's: an error thrown while
// compiling as `Name: message` (a parse-time error), any other uncaught one as
// `Uncaught Name: message`; both exit with status 1.
const vm = require('vm');
const fs = require('fs');
const url = require('url');

let script, preload, moduleFile;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--global-script') script = args[++i];
  else if (a === '--preload-script') preload = args[++i];
  else if (a === '--module-file') moduleFile = args[++i];
  else if (a === '--imports-from') i++;
}

function describe(e) {
  try {
    if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
      const name = e.constructor && e.constructor.name ? e.constructor.name : 'Error';
      return `${name}: ${e.message}`;
    }
  } catch (_) { /* fall through */ }
  return `Error: ${String(e)}`;
}
let failed = false;
function fail(e, atParse) {
  if (failed) return;
  failed = true;
  process.stderr.write((atParse ? '' : 'Uncaught ') + describe(e) + '\n');
  process.exitCode = 1;
}
process.on('uncaughtException', (e) => fail(e, false));
process.on('unhandledRejection', () => {});

function runGlobal(file) {
  const src = fs.readFileSync(file, 'utf8');
  let compiled;
  try {
    compiled = new vm.Script(src, {
      filename: file,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
  } catch (e) {
    fail(e, true);
    return false;
  }
  try {
    compiled.runInThisContext();
  } catch (e) {
    fail(e, false);
    return false;
  }
  return true;
}

if (script !== undefined) {
  runGlobal(script);
} else if (moduleFile !== undefined) {
  if (preload === undefined || runGlobal(preload)) {
    import(url.pathToFileURL(moduleFile).href).catch((e) =>
      // A module's own syntax errors surface here as SyntaxError (parse time).
      fail(e, e instanceof SyntaxError));
  }
} else {
  process.stderr.write('usage: run.js --global-script FILE | --preload-script P --module-file M\n');
  process.exitCode = 2;
}
