// node:test — the test runner of a single file (`test`/`it`, `describe`/`suite`, hooks,
// subtests, skip/todo, timeouts, plans, diagnostics, `mock.fn`/`mock.method`/`mock.timers`) with Node 24's
// default `spec` reporter. Written for jsgen after the behaviour of Node's
// lib/internal/test_runner (test.js, harness.js, reporter/spec.js): the same report lines,
// summary counters, failing-test section and exit code. Durations are real, as in Node.
// Not here: `node --test` (running files in subprocesses), other reporters, coverage,
// snapshots, module mocks, `only` filtering (needs --test-only).
'use strict';

const { inspect } = require('util');
const assert = require('assert');
const path = require('path');

const kCancelledByParent = 'cancelledByParent';
const kTestTimeoutFailure = 'testTimeoutFailure';
const kHookFailure = 'hookFailed';
const kSubtestsFailed = 'subtestsFailed';
const kTestCodeFailure = 'testCodeFailure';

const symbols = {
  fail: '\u2716 ',
  pass: '\u2714 ',
  diagnostic: '\u2139 ',
  arrow: '\u25B6 ',
  skip: '\uFE63 ',
  warning: '\u26A0 ',
};

function useColors() {
  const env = process.env;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined) return false;
  return process.stdout.isTTY === true && env.TERM !== 'dumb';
}

function makeColors(on) {
  const c = (code) => (on ? `\u001b[${code}m` : '');
  return { red: c(31), green: c(32), yellow: c(33), blue: c(34), gray: c(90), white: c(39) };
}

function indent(nesting) {
  return '  '.repeat(Math.max(nesting, 0));
}

// ERR_TEST_FAILURE: the error a failed test reports; `cause` is what the test threw (or the
// runner's own message, a string, for timeouts, plans and cancellations).
function testFailure(cause, failureType) {
  const message = cause instanceof Error ? cause.message : String(cause);
  const err = new Error(message);
  err.code = 'ERR_TEST_FAILURE';
  err.failureType = failureType;
  err.cause = cause;
  return err;
}

// Where `test()`/`it()` was called: the caller's file, line and column.
function callSite(fn) {
  const holder = {};
  Error.captureStackTrace(holder, fn);
  const lines = String(holder.stack || '').split('\n').slice(1);
  for (const line of lines) {
    const m = /\(?([^()\s]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (m && !m[1].startsWith('node:')) {
      return { file: m[1], line: Number(m[2]), column: Number(m[3]) };
    }
  }
  return undefined;
}

function now() {
  return process.hrtime.bigint();
}

// ---- the spec reporter

class SpecReporter {
  constructor() {
    this.colors = makeColors(useColors());
    this.buffer = '';
    this.ready = false;
    this.failed = [];
    this.cwd = process.cwd();
  }

  // Node's reporter is a stream piped to stdout, set up asynchronously when the first test
  // is declared: reports made before it is ready (the first test's, while the next one
  // starts) wait for it; later ones are written as they are made.
  write(text) {
    if (this.ready) process.stdout.write(text);
    else this.buffer += text;
  }

  start() {
    Promise.resolve().then(() => process.nextTick(() => {
      this.ready = true;
      const text = this.buffer;
      this.buffer = '';
      if (text !== '') process.stdout.write(text);
    }));
  }

  title(test, type) {
    const c = this.colors;
    let color = type === 'fail' ? c.red : c.green;
    let symbol = type === 'fail' ? symbols.fail : symbols.pass;
    const ms = test.durationMs ? ` ${c.gray}(${test.durationMs}ms)${c.white}` : '';
    let title = `${test.name}${ms}`;
    if (test.skip !== undefined) {
      title += ` # ${typeof test.skip === 'string' && test.skip.length ? test.skip : 'SKIP'}`;
      color = c.gray;
      symbol = symbols.skip;
    } else if (test.todo !== undefined) {
      title += ` # ${typeof test.todo === 'string' && test.todo.length ? test.todo : 'TODO'}`;
      if (type === 'fail') {
        color = c.yellow;
        symbol = symbols.warning;
      }
    }
    return `${color}${symbol}${title}${c.white}`;
  }

  formatError(error, nesting) {
    const err = error && error.code === 'ERR_TEST_FAILURE' ? error.cause : error;
    const pad = indent(nesting);
    const text = inspect(err, { colors: this.colors.red !== '', breakLength: Infinity });
    return `\n${pad}  ${text.split(/\r?\n/).join(`\n${pad}  `)}\n`;
  }

  // A test's result line, after the headers of its enclosing tests not shown yet.
  report(test) {
    let prefix = '';
    const open = [];
    for (let p = test.parent; p && !p.isRoot; p = p.parent) {
      if (p.headerShown) break;
      open.unshift(p);
    }
    for (const p of open) {
      p.headerShown = true;
      prefix += `${indent(p.nesting)}${symbols.arrow}${p.name}\n`;
    }
    test.headerShown = true;
    const type = test.passed ? 'pass' : 'fail';
    if (!test.passed && test.error && test.error.failureType !== kSubtestsFailed) {
      this.failed.push(test);
    }
    this.write(`${prefix}${indent(test.nesting)}${this.title(test, type)}\n`);
    for (const message of test.diagnostics) this.diagnostic(test.nesting, message);
  }

  diagnostic(nesting, message) {
    const c = this.colors;
    this.write(`${c.blue}${indent(nesting)}${symbols.diagnostic}${message}${c.white}\n`);
  }

  failingTests() {
    if (this.failed.length === 0) return;
    const c = this.colors;
    const parts = [`\n${c.red}${symbols.fail}failing tests:${c.white}\n`];
    for (const test of this.failed) {
      if (test.loc) {
        parts.push(`test at ${path.relative(this.cwd, test.loc.file)}:${test.loc.line}:${test.loc.column}`);
      }
      const type = test.passed ? 'pass' : 'fail';
      parts.push(`${this.title(test, type)}${this.formatError(test.error, 0)}`);
    }
    this.failed = [];
    this.write(parts.join('\n'));
  }
}

// ---- tests and suites

let root;

class Test {
  constructor(parent, name, options, fn, loc) {
    this.parent = parent;
    this.isRoot = parent === null;
    this.name = name;
    this.nesting = parent === null || parent.isRoot ? 0 : parent.nesting + 1;
    this.fn = fn;
    this.loc = loc;
    options = options || {};
    this.skip = options.skip ? options.skip : undefined;
    this.todo = options.todo ? options.todo : undefined;
    this.timeout = typeof options.timeout === 'number' && options.timeout !== Infinity ?
      options.timeout : undefined;
    this.plan = typeof options.plan === 'number' ? options.plan : undefined;
    this.signalController = new AbortController();
    this.subtests = [];
    this.pendingSubtests = [];
    this.queue = [];
    this.busy = false;
    this.beforeRan = false;
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.diagnostics = [];
    this.assertions = 0;
    this.passed = false;
    this.error = null;
    this.durationMs = 0;
    this.headerShown = false;
    this.finished = false;
    this.isSuite = false;
  }

  get fullName() {
    const names = [];
    for (let t = this; t && !t.isRoot; t = t.parent) names.unshift(t.name);
    return names.join(' > ');
  }

  fail(error) {
    if (this.error === null) {
      this.passed = false;
      this.error = error;
    }
  }

  // Runs `child` after the subtests already queued here, one at a time (concurrency 1).
  // An idle test starts it at once, inside the caller's `t.test()` (as Node does, so the
  // caller's frame is in the subtest's stacks); the root waits for its bootstrap.
  enqueue(child) {
    const done = new Promise((resolve) => {
      this.queue.push({ child, resolve });
    });
    this.pendingSubtests.push(done);
    if (!this.busy) {
      this.busy = true;
      if (this.isRoot) bootstrap().then(() => this.drain());
      else this.drain();
    }
    return done;
  }

  drain() {
    if (!this.beforeRan && this.hooks.before.length > 0) {
      // `before` hooks of a test (t.before) or of the file: once, before the first subtest.
      this.beforeRan = true;
      const context = this.context || new TestContext(this);
      this.runHook('before', context).then(() => this.drain(), (err) => {
        this.fail(testFailure(err, kHookFailure));
        this.drain();
      });
      return;
    }
    this.beforeRan = true;
    const next = this.queue.shift();
    if (next === undefined) {
      this.busy = false;
      return;
    }
    next.child.run().then(() => {
      next.resolve();
      this.drain();
    });
  }

  async runHook(kind, context) {
    for (const hook of this.hooks[kind]) {
      await callWithTimeout(hook.fn, context, hook.timeout);
    }
  }

  hasHooks(kind) {
    for (let p = this.parent; p; p = p.parent) if (p.hooks[kind].length > 0) return true;
    return false;
  }

  // beforeEach hooks of every enclosing test or suite, outermost first.
  async runBeforeEach(context) {
    const chain = [];
    for (let p = this.parent; p; p = p.parent) chain.unshift(p);
    for (const p of chain) await p.runHook('beforeEach', context);
  }

  // afterEach hooks, innermost first.
  async runAfterEach(context) {
    for (let p = this.parent; p; p = p.parent) await p.runHook('afterEach', context);
  }

  async run() {
    const start = now();
    const context = new TestContext(this);
    this.context = context;
    if (this.skip === undefined) {
      try {
        // Without hooks the body starts synchronously, in the caller's stack.
        if (this.hasHooks('beforeEach')) await this.runBeforeEach(context);
        await this.runBody(context);
        await Promise.all(this.pendingSubtests);
        await this.runHook('after', context);
        await this.runAfterEach(context);
        if (this.plan !== undefined && this.plan !== this.assertions && this.error === null) {
          this.fail(testFailure(
            `plan expected ${this.plan} assertions but received ${this.assertions}`, kTestCodeFailure));
        }
      } catch (err) {
        this.fail(err && err.code === 'ERR_TEST_FAILURE' ? err : testFailure(err, kTestCodeFailure));
      }
      if (this.error === null) {
        const failedChild = this.subtests.find((t) => !t.passed && t.todo === undefined);
        if (failedChild) {
          const n = this.subtests.filter((t) => !t.passed && t.todo === undefined).length;
          this.fail(testFailure(`${n} subtest${n === 1 ? '' : 's'} failed`, kSubtestsFailed));
        }
      }
    }
    if (this.error === null) this.passed = true;
    this.durationMs = Number(now() - start) / 1e6;
    // Node's postRun: the test's mocks (functions, methods, timers) are undone.
    this.mockTracker?.reset();
    this.finish();
  }

  async runBody(context) {
    const fn = this.fn;
    if (typeof fn !== 'function') return;
    if (fn.length >= 2) {
      // The done-callback form: the test ends when `done` is called.
      await callWithTimeout((ctx) => new Promise((resolve, reject) => {
        const r = Reflect.apply(fn, ctx, [ctx, (err) => (err ? reject(err) : resolve())]);
        if (r && typeof r.then === 'function') {
          reject(testFailure(
            'passed a callback but also returned a Promise', kTestCodeFailure));
        }
      }), context, this.timeout);
      return;
    }
    await callWithTimeout(fn, context, this.timeout);
  }

  finish() {
    this.finished = true;
    this.signalController.abort();
    count(this);
    reporter().report(this);
  }
}

class Suite extends Test {
  constructor(parent, name, options, fn, loc) {
    super(parent, name, options, fn, loc);
    this.isSuite = true;
    this.buildError = null;
    this.built = Promise.resolve();
    if (this.skip === undefined && typeof fn === 'function') {
      const previous = currentSuite;
      currentSuite = this;
      try {
        const r = Reflect.apply(fn, new SuiteContext(this), [new SuiteContext(this)]);
        if (r && typeof r.then === 'function') {
          this.built = Promise.resolve(r).then(undefined, (err) => {
            this.buildError = err;
          });
        }
      } catch (err) {
        this.buildError = err;
      } finally {
        currentSuite = previous;
      }
    }
  }

  async run() {
    const start = now();
    await this.built;
    const context = new SuiteContext(this);
    if (this.skip === undefined) {
      if (this.buildError !== null) {
        this.fail(testFailure(this.buildError, kTestCodeFailure));
        this.cancelChildren();
      } else {
        let hookFailed = false;
        try {
          await this.runHook('before', context);
        } catch (err) {
          hookFailed = true;
          this.fail(testFailure(err, kHookFailure));
          this.cancelChildren();
        }
        if (!hookFailed) {
          for (const child of this.subtests) await child.run();
          try {
            await this.runHook('after', context);
          } catch (err) {
            this.fail(testFailure(err, kHookFailure));
          }
        }
      }
      if (this.error === null) {
        const failed = this.subtests.filter((t) => !t.passed && t.todo === undefined).length;
        if (failed > 0) {
          this.fail(testFailure(`${failed} subtest${failed === 1 ? '' : 's'} failed`, kSubtestsFailed));
        }
      }
    }
    if (this.error === null) this.passed = true;
    this.durationMs = Number(now() - start) / 1e6;
    this.finish();
  }

  cancelChildren() {
    for (const child of this.subtests) {
      if (child.isSuite) {
        child.cancelChildren();
      }
      child.fail(testFailure('test did not finish before its parent and was cancelled',
        kCancelledByParent));
      child.finish();
    }
  }
}

// Calls `fn(context)` now (its synchronous part runs in the caller's stack) and settles
// with it, or fails after `timeout` ms.
async function callWithTimeout(fn, context, timeout) {
  let call;
  try {
    call = Promise.resolve(Reflect.apply(fn, context, [context]));
  } catch (err) {
    call = Promise.reject(err);
  }
  if (timeout === undefined) return await call;
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => {
      reject(testFailure(`test timed out after ${timeout}ms`, kTestTimeoutFailure));
    }, timeout);
  });
  try {
    return await Promise.race([call, expired]);
  } finally {
    clearTimeout(timer);
  }
}

// ---- contexts passed to test functions and hooks

class TestContext {
  #test;
  constructor(test) {
    this.#test = test;
  }
  get name() { return this.#test.name; }
  get fullName() { return this.#test.fullName; }
  get signal() { return this.#test.signalController.signal; }
  get filePath() { return this.#test.loc ? this.#test.loc.file : undefined; }
  get mock() {
    const t = this.#test;
    if (!t.mockTracker) t.mockTracker = new MockTracker();
    return t.mockTracker;
  }
  get assert() {
    const t = this.#test;
    if (!t.assertProxy) {
      const counted = {};
      for (const key of Object.keys(assert)) {
        if (typeof assert[key] !== 'function' || key === 'AssertionError') continue;
        counted[key] = (...args) => {
          t.assertions++;
          return Reflect.apply(assert[key], undefined, args);
        };
      }
      t.assertProxy = counted;
    }
    return t.assertProxy;
  }
  diagnostic(message) { this.#test.diagnostics.push(String(message)); }
  plan(count) {
    if (typeof count !== 'number') {
      throw new TypeError(`The "count" argument must be of type number. Received ${inspect(count)}`);
    }
    this.#test.plan = count;
  }
  skip(message) { this.#test.skip = message === undefined || message === '' ? true : message; }
  todo(message) { this.#test.todo = message === undefined || message === '' ? true : message; }
  runOnly() {}
  before(fn, options) { addHook(this.#test, 'before', fn, options); }
  after(fn, options) { addHook(this.#test, 'after', fn, options); }
  beforeEach(fn, options) { addHook(this.#test, 'beforeEach', fn, options); }
  afterEach(fn, options) { addHook(this.#test, 'afterEach', fn, options); }
  test(name, options, fn) {
    const parent = this.#test;
    // A subtest counts toward the parent's plan, as an assertion does.
    parent.assertions++;
    const args = testArgs(name, options, fn);
    const sub = new Test(parent, args.name, args.options, args.fn, callSite(TestContext.prototype.test));
    parent.subtests.push(sub);
    return parent.enqueue(sub).then(() => undefined);
  }
}

class SuiteContext {
  #suite;
  constructor(suite) {
    this.#suite = suite;
  }
  get name() { return this.#suite.name; }
  get fullName() { return this.#suite.fullName; }
  get signal() { return this.#suite.signalController.signal; }
  get filePath() { return this.#suite.loc ? this.#suite.loc.file : undefined; }
}

function addHook(owner, kind, fn, options) {
  if (typeof fn !== 'function') {
    const err = new TypeError(`The "fn" argument must be of type function. Received ${inspect(fn)}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const timeout = options && typeof options.timeout === 'number' ? options.timeout : undefined;
  owner.hooks[kind].push({ fn, timeout });
}

// ---- the root: runs the file's top-level tests in order, then the summary at beforeExit

const counters = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
let rootStart;
let theReporter;
let currentSuite = null;

function reporter() {
  if (!theReporter) theReporter = new SpecReporter();
  return theReporter;
}

function count(test) {
  if (test.isSuite) {
    counters.suites++;
    return;
  }
  counters.tests++;
  if (test.skip !== undefined) counters.skipped++;
  else if (test.todo !== undefined) counters.todo++;
  else if (test.passed) counters.pass++;
  else if (test.error && (test.error.failureType === kCancelledByParent ||
                          test.error.failureType === kTestTimeoutFailure)) counters.cancelled++;
  else counters.fail++;
}

// The root starts its first test two promise jobs after the first declaration (Node sets up
// its harness asynchronously: promise jobs the script queued run first).
let bootstrapped;
function bootstrap() {
  if (bootstrapped === undefined) bootstrapped = Promise.resolve().then(() => undefined);
  return bootstrapped;
}

function getRoot() {
  if (root === undefined) {
    root = new Test(null, '<root>', {}, undefined, undefined);
    rootStart = now();
    reporter().start();
    let summarized = false;
    process.on('beforeExit', () => {
      if (summarized) return;
      summarized = true;
      root.runHook('after', new TestContext(root)).then(summary, (err) => {
        process.exitCode = 1;
        reporter().diagnostic(0, `after hook failed: ${inspect(err)}`);
        summary();
      });
    });
  }
  return root;
}

function summary() {
  const r = reporter();
  const duration = Number(now() - rootStart) / 1e6;
  for (const key of ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo']) {
    r.diagnostic(0, `${key} ${counters[key]}`);
  }
  r.diagnostic(0, `duration_ms ${duration}`);
  r.failingTests();
  if (counters.fail > 0 || counters.cancelled > 0) process.exitCode = 1;
}

function testArgs(name, options, fn) {
  if (typeof name === 'function') {
    fn = name;
    options = undefined;
    name = undefined;
  } else if (name !== null && typeof name === 'object') {
    fn = options;
    options = name;
    name = undefined;
  }
  if (typeof options === 'function') {
    fn = options;
    options = undefined;
  }
  if (name === undefined || name === null) {
    name = typeof fn === 'function' && fn.name ? fn.name : '<anonymous>';
  }
  return { name: String(name), options: options || {}, fn };
}

function makeTest(kind, extra) {
  const api = function (name, options, fn) {
    const args = testArgs(name, options, fn);
    Object.assign(args.options, extra);
    const loc = callSite(api);
    const Kind = kind === 'suite' ? Suite : Test;
    if (currentSuite !== null) {
      const test = new Kind(currentSuite, args.name, args.options, args.fn, loc);
      currentSuite.subtests.push(test);
      return Promise.resolve();
    }
    const parent = getRoot();
    const test = new Kind(parent, args.name, args.options, args.fn, loc);
    parent.subtests.push(test);
    return parent.enqueue(test).then(() => undefined);
  };
  return api;
}

function hookApi(kind) {
  return function (fn, options) {
    addHook(currentSuite !== null ? currentSuite : getRoot(), kind, fn, options);
  };
}

// ---- mocks

class MockFunctionContext {
  #calls = [];
  #once = new Map();
  #implementation;
  #restore;

  constructor(implementation, restore) {
    this.#implementation = implementation;
    this.#restore = restore;
  }

  get calls() { return this.#calls.slice(0); }
  callCount() { return this.#calls.length; }
  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
  }
  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    this.#once.set(onCall ?? this.#calls.length, implementation);
  }
  resetCalls() { this.#calls = []; }
  restore() {
    const r = this.#restore;
    if (r.object !== undefined) {
      Object.defineProperty(r.object, r.name, r.descriptor);
    } else {
      this.#implementation = r.original;
    }
  }
  static track(ctx, call) { ctx.#calls.push(call); }
  static next(ctx) {
    const n = ctx.#calls.length;
    const impl = ctx.#once.get(n) ?? ctx.#implementation;
    ctx.#once.delete(n);
    return impl;
  }
}

function validateFunction(value, name) {
  if (typeof value !== 'function') {
    const err = new TypeError(`The "${name}" argument must be of type function. Received ${inspect(value)}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
}

class MockTracker {
  #mocks = [];
  #timers;

  get timers() {
    this.#timers ??= new MockTimers();
    return this.#timers;
  }

  fn(original = function () {}, implementation = original, options) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function () {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    return this.#setup(original, implementation, { original });
  }

  method(object, name, implementation, options) {
    if (implementation !== null && typeof implementation === 'object' && typeof implementation !== 'function') {
      options = implementation;
      implementation = undefined;
    }
    const opts = options || {};
    let descriptor;
    for (let o = object; o != null && descriptor === undefined; o = Object.getPrototypeOf(o)) {
      descriptor = Object.getOwnPropertyDescriptor(o, name);
    }
    const kind = opts.getter ? 'get' : opts.setter ? 'set' : 'value';
    const original = descriptor === undefined ? undefined : descriptor[kind];
    if (typeof original !== 'function') {
      const err = new TypeError(`The "methodName" argument must be a method. Received ${inspect(original)}`);
      err.code = 'ERR_INVALID_ARG_VALUE';
      throw err;
    }
    // restore() puts the found descriptor back as an own property, as Node's does.
    const restore = { object, name, descriptor: { ...descriptor } };
    const mocked = this.#setup(original, implementation === undefined ? original : implementation, restore);
    Object.defineProperty(object, name, { ...descriptor, [kind]: mocked });
    return mocked;
  }

  getter(object, name, implementation, options) {
    return this.method(object, name, implementation, { ...options, getter: true });
  }

  setter(object, name, implementation, options) {
    return this.method(object, name, implementation, { ...options, setter: true });
  }

  reset() {
    this.restoreAll();
    this.#timers?.reset();
    this.#mocks = [];
  }

  restoreAll() {
    for (const ctx of this.#mocks) ctx.restore();
  }

  #setup(original, implementation, restore) {
    const ctx = new MockFunctionContext(implementation, restore);
    this.#mocks.push(ctx);
    return new Proxy(original, {
      get(target, key, receiver) {
        if (key === 'mock') return ctx;
        return Reflect.get(target, key, receiver);
      },
      apply(target, self, args) {
        const impl = MockFunctionContext.next(ctx);
        const call = { __proto__: null, arguments: args, error: undefined, result: undefined,
                       stack: new Error(), target: undefined, this: self };
        try {
          call.result = Reflect.apply(impl, self, args);
          return call.result;
        } catch (err) {
          call.error = err;
          throw err;
        } finally {
          MockFunctionContext.track(ctx, call);
        }
      },
      construct(target, args, newTarget) {
        const impl = MockFunctionContext.next(ctx);
        const call = { __proto__: null, arguments: args, error: undefined, result: undefined,
                       stack: new Error(), target, this: undefined };
        try {
          call.result = Reflect.construct(impl, args, newTarget);
          call.this = call.result;
          return call.result;
        } catch (err) {
          call.error = err;
          throw err;
        } finally {
          MockFunctionContext.track(ctx, call);
        }
      },
    });
  }
}

// ---- mock timers (lib/internal/test_runner/mock/mock_timers.js)

// lib/internal/priority_queue.js: a binary heap; `peekBottom` is the heap's last slot, as in
// Node (runAll ticks to that timer's time).
class PriorityQueue {
  #compare;
  #heap = [undefined, undefined];
  #setPosition;
  #size = 0;
  constructor(comparator, setPosition) {
    this.#compare = comparator;
    this.#setPosition = setPosition;
  }
  insert(value) {
    const pos = ++this.#size;
    this.#heap[pos] = value;
    this.percolateUp(pos);
  }
  peek() { return this.#heap[1]; }
  peekBottom() { return this.#heap[this.#size]; }
  percolateDown(pos) {
    const heap = this.#heap, size = this.#size, hsize = size >> 1, item = heap[pos];
    while (pos <= hsize) {
      let child = pos << 1;
      const nextChild = child + 1;
      let childItem = heap[child];
      if (nextChild <= size && this.#compare(heap[nextChild], childItem) < 0) {
        child = nextChild;
        childItem = heap[nextChild];
      }
      if (this.#compare(item, childItem) <= 0) break;
      this.#setPosition(childItem, pos);
      heap[pos] = childItem;
      pos = child;
    }
    heap[pos] = item;
    this.#setPosition(item, pos);
  }
  percolateUp(pos) {
    const heap = this.#heap, item = heap[pos];
    while (pos > 1) {
      const parent = pos >> 1;
      const parentItem = heap[parent];
      if (this.#compare(parentItem, item) <= 0) break;
      heap[pos] = parentItem;
      this.#setPosition(parentItem, pos);
      pos = parent;
    }
    heap[pos] = item;
    this.#setPosition(item, pos);
  }
  removeAt(pos) {
    const heap = this.#heap;
    heap[pos] = heap[this.#size];
    heap[this.#size] = undefined;
    const size = --this.#size;
    if (size > 0 && pos <= size) {
      if (pos > 1 && this.#compare(heap[pos >> 1], heap[pos]) > 0) this.percolateUp(pos);
      else this.percolateDown(pos);
    }
  }
  shift() {
    const value = this.#heap[1];
    if (value === undefined) return undefined;
    this.removeAt(1);
    return value;
  }
}

const kTimeoutMax = 2 ** 31 - 1;
const kMockTimersApis = ['setTimeout', 'setInterval', 'setImmediate', 'Date', 'scheduler.wait', 'AbortSignal.timeout'];
let kMockDate;

const invalidState = (message) => binding.nodeError('Error', 'ERR_INVALID_STATE', `Invalid state: ${message}`);
function abortIt(signal) {
  const { AbortError } = require('internal/abort_controller');
  return new AbortError(undefined, { cause: signal.reason });
}

class MockTimeout {
  #clear;
  constructor(opts) {
    this.id = opts.id;
    this.callback = opts.callback;
    this.runAt = opts.runAt;
    this.interval = opts.interval;
    this.args = opts.args;
    this.#clear = opts.clear;
  }
  hasRef() { return true; }
  ref() { return this; }
  unref() { return this; }
  refresh() { return this; }
  close() {
    this.#clear(this);
    return this;
  }
  [Symbol.dispose]() { this.#clear(this); }
}

class MockTimers {
  #saved = { __proto__: null };
  #nativeDateDescriptor;
  #timersInContext = [];
  #isEnabled = false;
  #currentTimer = 1;
  #now = 0;
  #executionQueue = new PriorityQueue(
    (a, b) => (a.runAt - b.runAt) || (a.id - b.id),
    (node, pos) => { node.priorityQueuePosition = pos; });

  #setTimeout = (callback, delay, ...args) => this.#createTimer(false, callback, delay, ...args);
  #setInterval = (callback, delay, ...args) => this.#createTimer(true, callback, delay, ...args);
  #clearTimeout = (timer) => this.#clearTimer(timer);
  #clearInterval = (timer) => this.#clearTimer(timer);
  #clearImmediate = (timer) => this.#clearTimer(timer);

  #createTimer(isInterval, callback, delay, ...args) {
    if (delay > kTimeoutMax) delay = 1;
    const timer = new MockTimeout({
      id: this.#currentTimer++,
      callback,
      runAt: this.#now + delay,
      interval: isInterval ? delay : undefined,
      args,
      clear: this.#clearTimeout,
    });
    this.#executionQueue.insert(timer);
    return timer;
  }

  #clearTimer(timer) {
    if (timer?.priorityQueuePosition !== undefined) {
      this.#executionQueue.removeAt(timer.priorityQueuePosition);
      timer.priorityQueuePosition = undefined;
      timer.interval = undefined;
    }
  }

  #setImmediate(callback, ...args) {
    return this.#createTimer(false, callback, -1, ...args);
  }

  #createDate() {
    kMockDate ??= Symbol('MockTimers');
    const NativeDate = this.#nativeDateDescriptor.value;
    if (NativeDate.isMock) throw invalidState('Date is already being mocked!');
    const timers = this;
    function MockDate(year, month, date, hours, minutes, seconds, ms) {
      if (!new.target) return Date.prototype.toString.call(new NativeDate(timers.#now));
      switch (arguments.length) {
        case 0: return new NativeDate(timers.#now);
        case 1: return new NativeDate(year);
        case 2: return new NativeDate(year, month);
        case 3: return new NativeDate(year, month, date);
        case 4: return new NativeDate(year, month, date, hours);
        case 5: return new NativeDate(year, month, date, hours, minutes);
        case 6: return new NativeDate(year, month, date, hours, minutes, seconds);
        default: return new NativeDate(year, month, date, hours, minutes, seconds, ms);
      }
    }
    const { prototype, ...dateProps } = Object.getOwnPropertyDescriptors(NativeDate);
    void prototype;
    Object.defineProperties(MockDate, dateProps);
    MockDate.now = function now() { return timers.#now; };
    MockDate.toString = function toString() { return Function.prototype.toString.call(NativeDate); };
    Object.defineProperties(MockDate, {
      [kMockDate]: { enumerable: false, configurable: false, writable: false, value: this },
      isMock: { enumerable: true, configurable: false, writable: false, value: true },
    });
    MockDate.prototype = NativeDate.prototype;
    MockDate.parse = NativeDate.parse;
    MockDate.UTC = NativeDate.UTC;
    return MockDate;
  }

  async *#setIntervalPromisified(interval, result, options) {
    const EventEmitter = require('events');
    const emitter = new EventEmitter();
    let onAbort;
    if (options?.signal) {
      if (options.signal.aborted) throw abortIt(options.signal);
      onAbort = () => emitter.emit('error', abortIt(options.signal));
      options.signal.addEventListener('abort', onAbort, { once: true });
    }
    const eventIt = EventEmitter.on(emitter, 'data');
    const timer = this.#createTimer(true, () => emitter.emit('data'), interval, options);
    try {
      // eslint-disable-next-line no-unused-vars
      for await (const event of eventIt) yield result;
    } finally {
      if (onAbort) options.signal.removeEventListener('abort', onAbort);
      this.#clearInterval(timer);
    }
  }

  async #promisifyTimer(timerFn, clearFn, ms, result, options) {
    const { promise, resolve, reject } = Promise.withResolvers();
    let onAbort;
    if (options?.signal) {
      if (options.signal.aborted) throw abortIt(options.signal);
      onAbort = () => reject(abortIt(options.signal));
      options.signal.addEventListener('abort', onAbort, { once: true });
    }
    const timer = timerFn(resolve, ms);
    try {
      await promise;
      return result;
    } finally {
      if (onAbort) options.signal.removeEventListener('abort', onAbort);
      clearFn(timer);
    }
  }

  #assertTimersAreEnabled() {
    if (!this.#isEnabled) throw invalidState('You should enable MockTimers first by calling the .enable function');
  }

  #assertTimeArg(time) {
    if (time < 0) {
      throw new (require('internal/errors').codes.ERR_INVALID_ARG_VALUE)('time', 'positive integer', time);
    }
  }

  // Saves the descriptors of `names` on `object` under `key`, or puts them back.
  #store(key, object, names) {
    this.#saved[key] = names.map((n) => [object, n, Object.getOwnPropertyDescriptor(object, n)]);
  }
  #restore(key) {
    for (const [object, name, desc] of this.#saved[key] || []) {
      if (desc === undefined) delete object[name];
      else Object.defineProperty(object, name, desc);
    }
    delete this.#saved[key];
  }

  #toggleEnableTimers(activate) {
    const nodeTimers = require('timers');
    const nodeTimersPromises = require('timers/promises');
    const fake = {
      __proto__: null,
      'scheduler.wait': () => {
        this.#store('scheduler.wait', nodeTimersPromises.scheduler, ['wait']);
        nodeTimersPromises.scheduler.wait = (delay, options) =>
          this.#promisifyTimer(this.#setTimeout, this.#clearTimeout, delay, undefined, options);
      },
      setTimeout: () => {
        this.#store('setTimeout:g', globalThis, ['setTimeout', 'clearTimeout']);
        this.#store('setTimeout:t', nodeTimers, ['setTimeout', 'clearTimeout']);
        this.#store('setTimeout:p', nodeTimersPromises, ['setTimeout']);
        globalThis.setTimeout = this.#setTimeout;
        globalThis.clearTimeout = this.#clearTimeout;
        nodeTimers.setTimeout = this.#setTimeout;
        nodeTimers.clearTimeout = this.#clearTimeout;
        nodeTimersPromises.setTimeout = (ms, result, options) =>
          this.#promisifyTimer(this.#setTimeout, this.#clearTimeout, ms, result, options);
      },
      setInterval: () => {
        this.#store('setInterval:g', globalThis, ['setInterval', 'clearInterval']);
        this.#store('setInterval:t', nodeTimers, ['setInterval', 'clearInterval']);
        this.#store('setInterval:p', nodeTimersPromises, ['setInterval']);
        globalThis.setInterval = this.#setInterval;
        globalThis.clearInterval = this.#clearInterval;
        nodeTimers.setInterval = this.#setInterval;
        nodeTimers.clearInterval = this.#clearInterval;
        nodeTimersPromises.setInterval = (interval, result, options) =>
          this.#setIntervalPromisified(interval, result, options);
      },
      setImmediate: () => {
        this.#store('setImmediate:g', globalThis, ['setImmediate', 'clearImmediate']);
        this.#store('setImmediate:t', nodeTimers, ['setImmediate', 'clearImmediate']);
        this.#store('setImmediate:p', nodeTimersPromises, ['setImmediate']);
        const setImmediate = (callback, ...args) => this.#setImmediate(callback, ...args);
        globalThis.setImmediate = setImmediate;
        globalThis.clearImmediate = this.#clearImmediate;
        nodeTimers.setImmediate = setImmediate;
        nodeTimers.clearImmediate = this.#clearImmediate;
        nodeTimersPromises.setImmediate = (result, options) =>
          this.#promisifyTimer((cb) => this.#setImmediate(cb), this.#clearImmediate, -1, result, options);
      },
      Date: () => {
        this.#nativeDateDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'Date');
        globalThis.Date = this.#createDate();
      },
      'AbortSignal.timeout': () => {
        this.#store('AbortSignal.timeout', AbortSignal, ['timeout']);
        const mock = this;
        Object.defineProperty(AbortSignal, 'timeout', {
          configurable: true,
          writable: true,
          value: function timeout(delay) {
            const controller = new AbortController();
            mock.#setTimeout(() => { controller.abort(); }, delay);
            return controller.signal;
          },
        });
      },
    };
    const real = {
      __proto__: null,
      'scheduler.wait': () => this.#restore('scheduler.wait'),
      setTimeout: () => { this.#restore('setTimeout:g'); this.#restore('setTimeout:t'); this.#restore('setTimeout:p'); },
      setInterval: () => { this.#restore('setInterval:g'); this.#restore('setInterval:t'); this.#restore('setInterval:p'); },
      setImmediate: () => { this.#restore('setImmediate:g'); this.#restore('setImmediate:t'); this.#restore('setImmediate:p'); },
      Date: () => { Object.defineProperty(globalThis, 'Date', this.#nativeDateDescriptor); },
      'AbortSignal.timeout': () => this.#restore('AbortSignal.timeout'),
    };
    const target = activate ? fake : real;
    for (const timer of this.#timersInContext) target[timer]();
    this.#isEnabled = activate;
  }

  tick(time = 1) {
    this.#assertTimersAreEnabled();
    this.#assertTimeArg(time);
    this.#now += time;
    let timer = this.#executionQueue.peek();
    while (timer) {
      if (timer.runAt > this.#now) break;
      Reflect.apply(timer.callback, undefined, timer.args);
      // The callback may have cleared its own timer.
      const afterCallback = this.#executionQueue.peek();
      if (afterCallback?.id === timer.id) {
        this.#executionQueue.shift();
        timer.priorityQueuePosition = undefined;
      }
      if (timer.interval !== undefined) {
        timer.runAt += timer.interval;
        this.#executionQueue.insert(timer);
      }
      timer = this.#executionQueue.peek();
    }
  }

  enable(options = { __proto__: null, apis: kMockTimersApis, now: 0 }) {
    const { codes } = require('internal/errors');
    const internalOptions = { __proto__: null, ...options };
    if (this.#isEnabled) throw invalidState('MockTimers is already enabled!');
    if (Number.isNaN(internalOptions.now)) {
      throw new codes.ERR_INVALID_ARG_VALUE('now', internalOptions.now,
        `epoch must be a positive integer received ${internalOptions.now}`);
    }
    internalOptions.now ||= 0;
    internalOptions.apis ||= kMockTimersApis;
    const { apis } = internalOptions;
    if (!Array.isArray(apis)) throw new codes.ERR_INVALID_ARG_TYPE('options.apis', 'Array', apis);
    for (let i = 0; i < apis.length; i++) {
      if (typeof apis[i] !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(`options.apis[${i}]`, 'string', apis[i]);
    }
    for (const timer of apis) {
      if (!kMockTimersApis.includes(timer)) {
        throw new codes.ERR_INVALID_ARG_VALUE('options.apis', timer, `option ${timer} is not supported`);
      }
    }
    this.#timersInContext = apis;
    let isDate = true;
    try { Date.prototype.getTime.call(internalOptions.now); } catch { isDate = false; }
    if (isDate) {
      this.#now = Date.prototype.getTime.call(internalOptions.now);
    } else {
      if (typeof internalOptions.now !== 'number') {
        throw new codes.ERR_INVALID_ARG_TYPE('initialTime', 'number', internalOptions.now);
      }
      this.#assertTimeArg(internalOptions.now);
      this.#now = internalOptions.now;
    }
    this.#toggleEnableTimers(true);
  }

  setTime(time = 0) {
    if (typeof time !== 'number') {
      throw new (require('internal/errors').codes.ERR_INVALID_ARG_TYPE)('time', 'number', time);
    }
    this.#assertTimeArg(time);
    this.#assertTimersAreEnabled();
    this.#now = time;
  }

  [Symbol.dispose]() {
    this.reset();
  }

  reset() {
    if (!this.#isEnabled) return;
    this.#toggleEnableTimers(false);
    this.#timersInContext = [];
    this.#now = 0;
    while (this.#executionQueue.shift() !== undefined);
  }

  runAll() {
    this.#assertTimersAreEnabled();
    const longestTimer = this.#executionQueue.peekBottom();
    if (!longestTimer) return;
    this.tick(longestTimer.runAt - this.#now);
  }
}

// ---- exports

function withModifiers(kind) {
  const api = makeTest(kind, {});
  api.skip = makeTest(kind, { skip: true });
  api.todo = makeTest(kind, { todo: true });
  api.only = makeTest(kind, { only: true });
  return api;
}

const test = withModifiers('test');
const suite = withModifiers('suite');
const it = test;
const describe = suite;

test.test = test;
test.it = it;
test.describe = describe;
test.suite = suite;
test.before = hookApi('before');
test.after = hookApi('after');
test.beforeEach = hookApi('beforeEach');
test.afterEach = hookApi('afterEach');
test.mock = new MockTracker();
test.MockTracker = MockTracker;
test.MockFunctionContext = MockFunctionContext;

module.exports = test;
