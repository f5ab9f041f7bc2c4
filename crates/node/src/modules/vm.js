'use strict';
// node:vm for one realm: code runs in this context (indirect eval: global code, as Node's
// runInThisContext); compileFunction builds a Function. A second context (createContext,
// runInNewContext, runInContext) needs a second realm, which jsgen's engine does not provide
// cheaply: those throw ERR_FEATURE_UNAVAILABLE_ON_PLATFORM, and isContext is false for every
// object.

const validateString = (v, name) => {
  if (typeof v !== 'string') throw binding.invalidArgType(name, 'of type string', v);
};

const noRealm = (what) => binding.nodeError('TypeError', 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
  `The feature ${what} is unavailable on the current platform, which is being used to run Node.js`);

const indirectEval = eval;

class Script {
  #code;
  constructor(code, options = {}) {
    code = `${code}`;
    if (typeof options === 'string') options = { filename: options };
    if (options === null || typeof options !== 'object') {
      throw binding.invalidArgType('options', 'of type object', options);
    }
    this.#code = code;
  }

  runInThisContext() {
    return indirectEval(this.#code);
  }

  runInContext(contextifiedObject) {
    isContext(contextifiedObject);
    throw noRealm('vm.Script.prototype.runInContext');
  }

  runInNewContext() {
    throw noRealm('vm.Script.prototype.runInNewContext');
  }

  createCachedData() { return Buffer.alloc(0); }
}

function isContext(object) {
  if (object === null || typeof object !== 'object') {
    throw binding.invalidArgType('object', 'of type object', object);
  }
  return false;
}

function createContext() { throw noRealm('vm.createContext'); }
function createScript(code, options) { return new Script(code, options); }
function runInContext(code, contextifiedObject) {
  isContext(contextifiedObject);
  throw noRealm('vm.runInContext');
}
function runInNewContext() { throw noRealm('vm.runInNewContext'); }
function runInThisContext(code, options) {
  return createScript(code, options).runInThisContext();
}

function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  if (!Array.isArray(params)) throw binding.invalidArgType('params', 'an instance of Array', params);
  if (options.parsingContext !== undefined || options.contextExtensions?.length) {
    throw noRealm('vm.compileFunction with a context');
  }
  return new Function(...params, code);
}

function measureMemory() {
  return Promise.resolve({ total: { jsMemoryEstimate: process.memoryUsage().heapUsed, jsMemoryRange: [0, process.memoryUsage().heapTotal] } });
}

const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};
