'use strict';
// node:readline and readline/promises — the line-reading half of Node v24's
// lib/internal/readline/interface.js (MIT): lines split as Node splits them
// (/\r?\n|\r(?!\n)/ with crlfDelay), 'line'/'close'/'pause'/'resume' events, question(),
// prompt(), async iteration. No terminal line editing: a terminal input is read line by line
// as the terminal's own cooked mode delivers it.

const EE = require('events');
const { StringDecoder } = require('stream')._jsgen;

const lineEnding = /\r?\n|\r(?!\n)/g;
const kLineBuffer = Symbol('kLineBuffer');
const kDecoder = Symbol('kDecoder');
const kSawReturnAt = Symbol('kSawReturnAt');
const kQuestionCallback = Symbol('kQuestionCallback');
const kQuestionReject = Symbol('kQuestionReject');
const kPrompt = Symbol('kPrompt');
const kOldPrompt = Symbol('kOldPrompt');
const kIterator = Symbol('kIterator');

function abortError() {
  const e = binding.nodeError('Error', 'ABORT_ERR', 'The operation was aborted');
  e.name = 'AbortError';
  return e;
}

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  EE.call(this);
  let crlfDelay;
  let prompt = '> ';
  let signal;
  if (input && input.input) {
    output = input.output;
    completer = input.completer;
    terminal = input.terminal;
    signal = input.signal;
    if (input.prompt !== undefined) prompt = input.prompt;
    crlfDelay = input.crlfDelay;
    input = input.input;
  }
  if (terminal === undefined && !(output === null || output === undefined)) {
    terminal = !!output.isTTY;
  }
  this.output = output;
  this.input = input;
  this.terminal = !!terminal;
  this.crlfDelay = crlfDelay ? Math.max(100, crlfDelay) : 100;
  this.completer = completer;
  this.history = [];
  this.historySize = 30;
  this.line = '';
  this.cursor = 0;
  this.closed = false;
  this.paused = false;
  this[kPrompt] = prompt;
  this[kOldPrompt] = prompt;
  this[kLineBuffer] = null;
  this[kSawReturnAt] = 0;
  this[kQuestionCallback] = null;
  this[kQuestionReject] = null;
  this[kDecoder] = new StringDecoder('utf8');
  const self = this;
  function ondata(data) { self._normalWrite(data); }
  function onend() {
    if (typeof self[kLineBuffer] === 'string' && self[kLineBuffer].length > 0) {
      self.emit('line', self[kLineBuffer]);
    }
    self.close();
    // On a terminal the end of input is Ctrl+D (the terminal's cooked mode turns it into
    // EOF), which in Node's raw mode closes the interface and rejects a pending question.
    // A piped input's end leaves the question pending, as in Node.
    if (self.terminal && self[kQuestionReject]) {
      const reject = self[kQuestionReject];
      self[kQuestionReject] = null;
      self[kQuestionCallback] = null;
      const { AbortError } = require('internal/abort_controller');
      reject(new AbortError('Aborted with Ctrl+D'));
    }
  }
  function onerror(err) { self.emit('error', err); }
  if (input) {
    input.on('error', onerror);
    input.on('data', ondata);
    input.on('end', onend);
    this.once('close', () => {
      input.removeListener('data', ondata);
      input.removeListener('error', onerror);
      input.removeListener('end', onend);
    });
  }
  if (signal) {
    const onAborted = () => self.close();
    if (signal.aborted) process.nextTick(onAborted);
    else signal.addEventListener('abort', onAborted, { once: true });
  }
  if (input && typeof input.resume === 'function') input.resume();
}
Object.setPrototypeOf(Interface.prototype, EE.prototype);
Object.setPrototypeOf(Interface, EE);

Object.defineProperty(Interface.prototype, 'columns', {
  configurable: true,
  enumerable: true,
  get() { return this.output && this.output.columns ? this.output.columns : Infinity; },
});

Interface.prototype.setPrompt = function (prompt) { this[kPrompt] = prompt; };
Interface.prototype.getPrompt = function () { return this[kPrompt]; };

Interface.prototype._writeToOutput = function (s) {
  if (this.output !== null && this.output !== undefined) this.output.write(s);
};

Interface.prototype.prompt = function (preserveCursor) {
  if (this.paused) this.resume();
  if (this.closed) {
    throw binding.nodeError('Error', 'ERR_USE_AFTER_CLOSE', 'readline was closed');
  }
  this._writeToOutput(this[kPrompt]);
};

Interface.prototype.question = function (query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (this.closed) {
    throw binding.nodeError('Error', 'ERR_USE_AFTER_CLOSE', 'readline was closed');
  }
  if (this[kQuestionCallback]) {
    this.prompt();
  } else {
    this[kOldPrompt] = this[kPrompt];
    this.setPrompt(query);
    this[kQuestionCallback] = cb;
    this.prompt();
  }
};

Interface.prototype._onLine = function (line) {
  if (this[kQuestionCallback]) {
    const cb = this[kQuestionCallback];
    this[kQuestionCallback] = null;
    this[kQuestionReject] = null;
    this.setPrompt(this[kOldPrompt]);
    cb(line);
  } else {
    this.emit('line', line);
  }
};

Interface.prototype._normalWrite = function (b) {
  if (b === undefined) return;
  let string = this[kDecoder].write(b);
  if (this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
    if (string.codePointAt(0) === 10) string = string.slice(1);
    this[kSawReturnAt] = 0;
  }
  lineEnding.lastIndex = 0;
  let newPartContainsEnding = lineEnding.exec(string);
  if (newPartContainsEnding !== null) {
    if (this[kLineBuffer]) {
      string = this[kLineBuffer] + string;
      this[kLineBuffer] = null;
      lineEnding.lastIndex = 0;
      newPartContainsEnding = lineEnding.exec(string);
    }
    this[kSawReturnAt] = string.endsWith('\r') ? Date.now() : 0;
    const indexes = [0, newPartContainsEnding.index, lineEnding.lastIndex];
    let nextMatch;
    while ((nextMatch = lineEnding.exec(string)) !== null) {
      indexes.push(nextMatch.index, lineEnding.lastIndex);
    }
    const lastIndex = indexes.length - 1;
    this[kLineBuffer] = string.slice(indexes[lastIndex]);
    for (let i = 1; i < lastIndex; i += 2) {
      this._onLine(string.slice(indexes[i - 1], indexes[i]));
    }
  } else if (string) {
    if (this[kLineBuffer]) this[kLineBuffer] += string;
    else this[kLineBuffer] = string;
  }
};

Interface.prototype.write = function (d) {
  if (this.paused) this.resume();
  if (typeof d === 'string' || d instanceof Uint8Array) this._normalWrite(d);
};

Interface.prototype.pause = function () {
  if (this.paused) return;
  if (this.input && typeof this.input.pause === 'function') this.input.pause();
  this.paused = true;
  this.emit('pause');
  return this;
};

Interface.prototype.resume = function () {
  if (!this.paused) return;
  if (this.input && typeof this.input.resume === 'function') this.input.resume();
  this.paused = false;
  this.emit('resume');
  return this;
};

Interface.prototype.close = function () {
  if (this.closed) return;
  this.pause();
  this.closed = true;
  this.emit('close');
};

Interface.prototype[Symbol.dispose] = function () { this.close(); };

Interface.prototype.getCursorPos = function () {
  return { rows: 0, cols: this.cursor };
};

// `for await (const line of rl)`: Node's events.on(this, 'line', { close: ['close'] }),
// pausing the input while 1024 lines wait.
Interface.prototype[Symbol.asyncIterator] = function () {
  if (this[kIterator]) return this[kIterator];
  const rl = this;
  const lines = [];
  const waiting = [];
  let done = this.closed;
  let error = null;
  const highWaterMark = 1024;
  const onLine = (line) => {
    const w = waiting.shift();
    if (w) w.resolve({ value: line, done: false });
    else {
      lines.push(line);
      if (lines.length >= highWaterMark && !rl.paused) rl.pause();
    }
  };
  const onClose = () => {
    done = true;
    cleanup();
    while (waiting.length) waiting.shift().resolve({ value: undefined, done: true });
  };
  const onError = (err) => {
    error = err;
    cleanup();
    while (waiting.length) waiting.shift().reject(err);
  };
  const cleanup = () => {
    rl.removeListener('line', onLine);
    rl.removeListener('close', onClose);
    rl.removeListener('error', onError);
  };
  if (!done) {
    rl.on('line', onLine);
    rl.on('close', onClose);
    rl.on('error', onError);
  }
  const iterator = {
    __proto__: binding.asyncIteratorPrototype,
    next() {
      if (lines.length) {
        const value = lines.shift();
        if (rl.paused && !rl.closed && lines.length < highWaterMark) rl.resume();
        return Promise.resolve({ value, done: false });
      }
      if (error) {
        const e = error;
        error = null;
        return Promise.reject(e);
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      done = true;
      cleanup();
      rl.close();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      done = true;
      cleanup();
      rl.close();
      return Promise.reject(err);
    },
  };
  this[kIterator] = iterator;
  return iterator;
};

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

// ---- readline/promises --------------------------------------------------------------------

function PromisesInterface(input, output, completer, terminal) {
  if (!(this instanceof PromisesInterface)) {
    return new PromisesInterface(input, output, completer, terminal);
  }
  Interface.call(this, input, output, completer, terminal);
}
Object.setPrototypeOf(PromisesInterface.prototype, Interface.prototype);
Object.setPrototypeOf(PromisesInterface, Interface);
Object.defineProperty(PromisesInterface, 'name', { value: 'Interface' });

PromisesInterface.prototype.question = function (query, options = {}) {
  return new Promise((resolve, reject) => {
    if (this.closed) {
      reject(binding.nodeError('Error', 'ERR_USE_AFTER_CLOSE', 'readline was closed'));
      return;
    }
    const signal = options && options.signal;
    const { AbortError } = require('internal/abort_controller');
    if (signal && signal.aborted) {
      reject(new AbortError(undefined, { cause: signal.reason }));
      return;
    }
    let cb = resolve;
    if (signal) {
      // Node's kQuestionCancel: the question is dropped, the prompt restored, and the
      // line cleared (a line break on the output).
      const onAbort = () => {
        if (this[kQuestionCallback]) {
          this[kQuestionCallback] = null;
          this.setPrompt(this[kOldPrompt]);
          if (this.output && typeof this.output.write === 'function') this.output.write('\r\n');
        }
        reject(new AbortError(undefined, { cause: signal.reason }));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      cb = (answer) => {
        signal.removeEventListener('abort', onAbort);
        resolve(answer);
      };
    }
    this[kQuestionReject] = reject;
    Interface.prototype.question.call(this, query, cb);
  });
};

class Readline {
  #stream;
  #todo = [];
  constructor(stream) { this.#stream = stream; }
  clearLine(dir) { this.#todo.push(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K'); return this; }
  clearScreenDown() { this.#todo.push('\x1b[0J'); return this; }
  cursorTo(x, y) { this.#todo.push(y === undefined ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`); return this; }
  moveCursor(dx, dy) {
    let s = '';
    if (dx < 0) s += `\x1b[${-dx}D`; else if (dx > 0) s += `\x1b[${dx}C`;
    if (dy < 0) s += `\x1b[${-dy}A`; else if (dy > 0) s += `\x1b[${dy}B`;
    this.#todo.push(s);
    return this;
  }
  commit() {
    const s = this.#todo.join('');
    this.#todo = [];
    return new Promise((resolve) => this.#stream.write(s, resolve));
  }
  rollback() { this.#todo = []; return this; }
}

const promises = {
  Interface: PromisesInterface,
  Readline,
  createInterface(input, output, completer, terminal) {
    return new PromisesInterface(input, output, completer, terminal);
  },
};

// ---- the terminal helpers -----------------------------------------------------------------

function cursorTo(stream, x, y, callback) {
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  const data = typeof y !== 'number' ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`;
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  let data = '';
  if (dx < 0) data += `\x1b[${-dx}D`; else if (dx > 0) data += `\x1b[${dx}C`;
  if (dy < 0) data += `\x1b[${-dy}A`; else if (dy > 0) data += `\x1b[${dy}B`;
  return stream.write(data, callback);
}

function clearLine(stream, dir, callback) {
  const type = dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K';
  return stream.write(type, callback);
}

function clearScreenDown(stream, callback) {
  return stream.write('\x1b[0J', callback);
}

function emitKeypressEvents() {}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
  promises,
};
