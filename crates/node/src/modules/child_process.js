'use strict';
// node:child_process, after Node v24's lib/child_process.js and
// lib/internal/child_process.js (MIT, Copyright Node.js contributors), over two natives: a
// spawn run to completion with its output collected, synchronously (spawnSync, execSync,
// execFileSync) or on the I/O pool (spawn, exec, execFile: 'spawn', the output as 'data',
// 'exit', then 'close', in a later poll phase). What differs from Node: the child's output
// arrives when it has exited (no streaming), stdin is what was written before the child
// starts (it starts once `stdin.end()` is called, or on the next tick if nothing was
// written), `pid` is set when it has exited, `kill()` only marks it, `fork` and IPC are
// missing. Under the permission model, spawning needs --allow-child-process (as Node).

const EventEmitter = require('events');
const { Readable, Writable } = require('stream');
const { Buffer } = require('buffer');
const signals = require('os').constants.signals;

const signalName = (n) => n === null ? null :
  Object.keys(signals).find((k) => signals[k] === n) ?? null;

function errnoException(errno, syscall, path, spawnargs) {
  const code = binding.errnoName(errno);
  const err = new Error(`${syscall} ${code}`);
  err.errno = -errno;
  err.code = code;
  err.syscall = syscall;
  if (path !== undefined) err.path = path;
  if (spawnargs !== undefined) err.spawnargs = spawnargs;
  return err;
}

const validateString = (v, name) => {
  if (typeof v !== 'string') throw binding.invalidArgType(name, 'of type string', v);
};

function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  if (file.length === 0) {
    throw binding.nodeError('TypeError', 'ERR_INVALID_ARG_VALUE',
                            "The argument 'file' cannot be empty. Received ''");
  }
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw binding.invalidArgType('args', 'an instance of Array', args);
  } else {
    options = args;
    args = [];
  }
  if (options === undefined) options = {};
  else if (options === null || typeof options !== 'object') {
    throw binding.invalidArgType('options', 'of type object', options);
  }
  let cwd = options.cwd;
  if (cwd != null && typeof cwd === 'object' && cwd.href !== undefined) cwd = require('url').fileURLToPath(cwd);
  if (cwd != null) validateString(cwd, 'options.cwd');
  if (options.shell) {
    const command = args.length > 0 ? `${file} ${args.join(' ')}` : file;
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  if (typeof options.argv0 === 'string') args.unshift(options.argv0);
  else args.unshift(file);
  const env = options.env || process.env;
  const envPairs = [];
  for (const key of Object.keys(env)) {
    const value = env[key];
    if (value !== undefined) envPairs.push(key, `${value}`);
  }
  return { ...options, file, args, cwd, envPairs };
}

function stdioOf(options, i) {
  const stdio = options.stdio;
  const s = typeof stdio === 'string' ? stdio : Array.isArray(stdio) ? stdio[i] : undefined;
  if (s === undefined || s === null) return 'pipe';
  if (s === process.stdout || s === process.stderr || s === 1 || s === 2 || s === 0) return 'inherit';
  return s;
}

function inputOf(input) {
  if (input === undefined || input === null) return undefined;
  if (typeof input === 'string') return Buffer.from(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw binding.invalidArgType('options.stdio[0]', 'of type string or an instance of Buffer, TypedArray, or DataView', input);
}

function encodeOut(buf, encoding) {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  return encoding && encoding !== 'buffer' && Buffer.isEncoding(encoding) ? b.toString(encoding) : b;
}

// ---- synchronous ------------------------------------------------------------------------

function spawnSync(file, args, options) {
  const opts = normalizeSpawnArguments(file, args, options);
  const input = inputOf(opts.input);
  const [status, signal, out, err, errno, pid] =
    binding.spawnSync(opts.file, opts.args, opts.cwd, opts.envPairs, input);
  const result = {};
  if (errno !== 0) {
    result.error = errnoException(errno, `spawnSync ${opts.file}`, opts.file, opts.args.slice(1));
    result.status = null;
    result.signal = null;
    result.output = null;
    result.pid = 0;
    result.stdout = null;
    result.stderr = null;
    return result;
  }
  const stdout = encodeOut(out, opts.encoding);
  const stderr = encodeOut(err, opts.encoding);
  if (stdioOf(opts, 1) === 'inherit') process.stdout.write(Buffer.from(out));
  if (stdioOf(opts, 2) === 'inherit') process.stderr.write(Buffer.from(err));
  result.status = status;
  result.signal = signalName(signal);
  result.output = [null, stdout, stderr];
  result.pid = pid;
  result.stdout = stdout;
  result.stderr = stderr;
  return result;
}

function checkExecSyncError(ret, args, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    Object.assign(err, ret);
  } else if (ret.status !== 0) {
    let msg = 'Command failed: ';
    msg += cmd || args.join(' ');
    if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
    err = new Error(msg);
    Object.assign(err, ret);
  }
  return err;
}

function execFileSync(file, args, options) {
  if (args !== null && typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  }
  const opts = { ...options };
  const ret = spawnSync(file, args, opts);
  // execFileSync/execSync: stderr goes to the parent's stderr unless stdio says otherwise.
  if (opts.stdio === undefined && ret.stderr && ret.stderr.length > 0) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, [file, ...(args || [])], undefined);
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  const opts = { ...options, shell: typeof options?.shell === 'string' ? options.shell : true };
  const ret = spawnSync(command, opts);
  if (opts.stdio === undefined && ret.stderr && ret.stderr.length > 0) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, [], command);
  if (err) throw err;
  return ret.stdout;
}

// ---- asynchronous -----------------------------------------------------------------------

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._handle = null;
    this.spawnargs = [];
    this.pid = undefined;
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this.stdio = [null, null, null];
  }

  spawn(opts) {
    this.spawnfile = opts.file;
    this.spawnargs = opts.args;
    const chunks = [];
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      const input = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      binding.spawnAsync((e, r) => this._completed(r, opts), opts.file, opts.args, opts.cwd, opts.envPairs, input);
    };
    if (stdioOf(opts, 0) === 'pipe') {
      this.stdin = new Writable({
        write(chunk, encoding, cb) { chunks.push(Buffer.from(chunk, encoding)); cb(); },
        final(cb) { start(); cb(); },
      });
    }
    for (const i of [1, 2]) {
      if (stdioOf(opts, i) === 'pipe') {
        const r = new Readable({ read() {} });
        if (i === 1) this.stdout = r; else this.stderr = r;
        this._closesNeeded++;
        r.on('close', () => this._maybeClose());
      }
    }
    this.stdio = [this.stdin, this.stdout, this.stderr];
    // Started when stdin ends, or on the next tick if nothing was written to it.
    process.nextTick(() => { if (chunks.length === 0 || !this.stdin) start(); });
  }

  _completed([status, signal, out, err, errno, pid], opts) {
    if (errno !== 0) {
      this._handle = null;
      const e = errnoException(errno, `spawn ${opts.file}`, opts.file, opts.args.slice(1));
      this.exitCode = -errno;
      this.emit('error', e);
      for (const s of [this.stdout, this.stderr]) s?.destroy();
      this._maybeClose();
      return;
    }
    this.pid = pid;
    this.emit('spawn');
    if (stdioOf(opts, 1) === 'inherit') process.stdout.write(Buffer.from(out));
    if (stdioOf(opts, 2) === 'inherit') process.stderr.write(Buffer.from(err));
    if (this.stdout) {
      if (out.length > 0) this.stdout.push(Buffer.from(out));
      this.stdout.push(null);
    }
    if (this.stderr) {
      if (err.length > 0) this.stderr.push(Buffer.from(err));
      this.stderr.push(null);
    }
    this.exitCode = status;
    this.signalCode = signalName(signal);
    this.emit('exit', this.exitCode, this.signalCode);
    // Node's flushStdio: streams nobody reads are resumed, so they end and close.
    for (const s of [this.stdout, this.stderr]) {
      if (s && !s.readableFlowing && s.listenerCount('data') === 0 && s.listenerCount('readable') === 0) s.resume();
    }
    this._maybeClose();
  }

  _maybeClose() {
    this._closesGot++;
    if (this._closesGot === this._closesNeeded) this.emit('close', this.exitCode, this.signalCode);
  }

  kill(sig) {
    this.killed = true;
    return false;
  }

  ref() {}
  unref() {}
}

function spawn(file, args, options) {
  const opts = normalizeSpawnArguments(file, args, options);
  binding.checkChildProcess(opts.file);
  const child = new ChildProcess();
  child.spawn(opts);
  return child;
}

function execFile(file, args, options, callback) {
  if (typeof args === 'function') { callback = args; args = []; options = {}; }
  else if (args !== null && typeof args === 'object' && !Array.isArray(args)) { callback = options; options = args; args = []; }
  if (typeof options === 'function') { callback = options; options = {}; }
  options = { encoding: 'utf8', ...options };
  const child = spawn(file, args, options);
  const stdout = [];
  const stderr = [];
  let done = false;
  const decode = (parts) => {
    const b = Buffer.concat(parts);
    return options.encoding && options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding) ?
      b.toString(options.encoding) : b;
  };
  const cmd = [file, ...(args || [])].join(' ');
  const exithandler = (code, signal) => {
    if (done) return;
    done = true;
    if (!callback) return;
    const so = decode(stdout);
    const se = decode(stderr);
    if (code === 0 && signal === null) {
      callback(null, so, se);
      return;
    }
    const ex = new Error(`Command failed: ${options.shell ? file : cmd}\n${se}`);
    ex.code = code < 0 ? binding.errnoName(code) : code;
    ex.killed = child.killed;
    ex.signal = signal;
    ex.cmd = options.shell ? file : cmd;
    callback(ex, so, se);
  };
  child.stdout?.on('data', (c) => stdout.push(c));
  child.stderr?.on('data', (c) => stderr.push(c));
  child.on('close', exithandler);
  child.on('error', (e) => {
    if (done) return;
    done = true;
    if (callback) callback(e, decode(stdout), decode(stderr));
  });
  return child;
}

function exec(command, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  const opts = { ...options, shell: typeof options?.shell === 'string' ? options.shell : true };
  return execFile(command, opts, callback);
}

const customPromisify = require('util').promisify.custom;
const promisified = (fn) => (...args) => new Promise((resolve, reject) => {
  fn(...args, (err, stdout, stderr) => {
    if (err) {
      err.stdout = stdout;
      err.stderr = stderr;
      reject(err);
    } else {
      resolve({ stdout, stderr });
    }
  });
});
Object.defineProperty(exec, customPromisify, { __proto__: null, enumerable: false, value: promisified(exec) });
Object.defineProperty(execFile, customPromisify, { __proto__: null, enumerable: false, value: promisified(execFile) });

function fork() {
  throw binding.nodeError('Error', 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
                          "The feature child_process.fork is unavailable on the current platform, which is being used to run Node.js");
}

module.exports = {
  _forkChild() {},
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
};
