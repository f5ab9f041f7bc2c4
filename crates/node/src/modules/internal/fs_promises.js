'use strict';
// node:internal/fs/promises — fs.promises (node:fs/promises) and its FileHandle (Node v24's
// lib/internal/fs/promises.js, MIT) over node:fs's helpers. Loaded on first read of
// `fs.promises`, as Node's lib/fs.js does, so `require('fs')` parses none of it.

const EE = require('events');
const pathModule = require('path');
const {
  Dir, bytes, call, constants, cpAsync, diffSnapshots, direntsOf, encodingOf, getOptions,
  getValidatedPath, lazyStreams, makeStatFs, makeStats, mkdirArgs, parseMode, readdirRecursive,
  rmError, stringToFlags, toUnixTimestamp, validateCpOptions, validateId, watchSnapshot, writeArgs,
} = require('fs')._jsgen.internals;
const { F_OK } = constants;

function promised(op, ...args) {
  return new Promise((resolve, reject) => {
    call((err, v) => (err ? reject(err) : resolve(v)), op, ...args);
  });
}

const kFd = Symbol('kFd');
const kClosePromise = Symbol('kClosePromise');

class FileHandle extends EE {
  constructor(fd) {
    super();
    this[kFd] = fd;
    this[kClosePromise] = null;
  }
  get fd() { return this[kFd]; }
  getAsyncId() { return this[kFd]; }
  async read(buffer, offset, length, position) {
    if (buffer == null || !(buffer instanceof Uint8Array)) {
      const opts = buffer || {};
      buffer = opts.buffer ?? new Uint8Array(16384);
      offset = opts.offset ?? 0;
      length = opts.length ?? (buffer.byteLength - offset);
      position = opts.position ?? null;
    } else if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    offset = offset ?? 0;
    length = length ?? buffer.byteLength - offset;
    if (length === 0) return { bytesRead: 0, buffer };
    const got = await promised('read', this[kFd], length, position ?? -1);
    const bytesRead = binding.copyInto(buffer, offset, got);
    return { bytesRead, buffer };
  }
  async write(buffer, offsetOrOptions, length, position) {
    if (typeof buffer === 'string') {
      const bytesWritten = await promised('write', this[kFd], buffer, offsetOrOptions ?? -1, length || 'utf8');
      return { bytesWritten, buffer };
    }
    const a = writeArgs(buffer, offsetOrOptions, length, position);
    const bytesWritten = await promised('write', this[kFd], a.data, a.position, null);
    return { bytesWritten, buffer };
  }
  async readFile(options) {
    options = getOptions(options);
    return bytes(await promised('readFd', this[kFd], encodingOf(options)));
  }
  async writeFile(data, options) {
    options = getOptions(options, { encoding: 'utf8' });
    await promised('write', this[kFd], data, -1, options.encoding);
  }
  appendFile(data, options) { return this.writeFile(data, options); }
  async stat() { return makeStats(await promised('fstat', this[kFd])); }
  truncate(len = 0) { return promised('ftruncate', this[kFd], len); }
  sync() { return promised('fsync', this[kFd]); }
  datasync() { return promised('fdatasync', this[kFd]); }
  chmod(mode) { return promised('fchmod', this[kFd], parseMode(mode, 0)); }
  async chown(uid, gid) { return promised('fchown', this[kFd], validateId(uid, 'uid'), validateId(gid, 'gid')); }
  async utimes(atime, mtime) {
    return promised('futimes', this[kFd], toUnixTimestamp(atime), toUnixTimestamp(mtime));
  }
  close() {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];
    // As Node's FileHandle: the fd reads -1 and 'close' is emitted at once; the promise
    // settles when the descriptor is closed.
    const fd = this[kFd];
    this[kFd] = -1;
    this[kClosePromise] = promised('close', fd).finally(() => {
      this[kClosePromise] = null;
    });
    this.emit('close');
    return this[kClosePromise];
  }
  async [Symbol.asyncDispose]() { return this.close(); }
  createReadStream(options = undefined) {
    return new (lazyStreams().ReadStream)(undefined, { ...options, fd: this });
  }
  createWriteStream(options = undefined) {
    return new (lazyStreams().WriteStream)(undefined, { ...options, fd: this });
  }
  readLines(options = undefined) {
    const { Interface } = require('readline');
    return new Interface({
      input: this.createReadStream(options),
      crlfDelay: Infinity,
    });
  }
  async *[Symbol.asyncIterator]() {}
}
delete FileHandle.prototype[Symbol.asyncIterator];

const promises = {
  async access(path, mode = F_OK) {
    return promised('access', getValidatedPath(path), mode | 0);
  },
  async copyFile(src, dest, mode) {
    return promised('copyFile', getValidatedPath(src, 'src'), getValidatedPath(dest, 'dest'), mode | 0);
  },
  async cp(src, dest, options) {
    const opts = validateCpOptions(options);
    src = pathModule.toNamespacedPath(getValidatedPath(src, 'src'));
    dest = pathModule.toNamespacedPath(getValidatedPath(dest, 'dest'));
    return cpAsync(src, dest, opts);
  },
  glob(pattern, options) {
    const { Glob } = require('internal/fs/glob');
    return new Glob(pattern, options).glob();
  },
  async open(path, flags, mode) {
    const fd = await promised('open', getValidatedPath(path), stringToFlags(flags ?? 'r'), parseMode(mode, 0o666));
    return new FileHandle(fd);
  },
  async opendir(path) {
    path = getValidatedPath(path);
    return new Dir(path, await promised('readdir', path));
  },
  async rename(from, to) {
    return promised('rename', getValidatedPath(from, 'oldPath'), getValidatedPath(to, 'newPath'));
  },
  async truncate(path, len = 0) { return promised('truncate', getValidatedPath(path), len); },
  async rm(path, options) {
    options = options || {};
    path = getValidatedPath(path);
    try {
      return await promised('rm', path, !!options.recursive, !!options.force);
    } catch (err) {
      throw rmError(err, path);
    }
  },
  async rmdir(path, options) {
    if (options && options.recursive) return promises.rm(path, { recursive: true });
    return promised('rmdir', getValidatedPath(path));
  },
  async mkdir(path, options) {
    const [recursive, mode] = mkdirArgs(options);
    return promised('mkdir', getValidatedPath(path), recursive, mode);
  },
  async readdir(path, options) {
    options = getOptions(options);
    path = getValidatedPath(path);
    if (options.recursive) {
      return new Promise((resolve, reject) => readdirRecursive(path, options, false,
        (err, r) => (err ? reject(err) : resolve(r))));
    }
    const entries = await promised('readdir', path);
    return options.withFileTypes ? direntsOf(path, entries) : entries.map((e) => e[0]);
  },
  async readlink(path) { return promised('readlink', getValidatedPath(path)); },
  async symlink(target, path) {
    return promised('symlink', getValidatedPath(target, 'target'), getValidatedPath(path));
  },
  async lstat(path) { return makeStats(await promised('lstat', getValidatedPath(path))); },
  async stat(path) { return makeStats(await promised('stat', getValidatedPath(path))); },
  async statfs(path, options = { bigint: false }) {
    return makeStatFs(await promised('statfs', getValidatedPath(path)), !!options?.bigint);
  },
  async link(existingPath, newPath) {
    return promised('link', getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath'));
  },
  async unlink(path) { return promised('unlink', getValidatedPath(path)); },
  async chmod(path, mode) { return promised('chmod', getValidatedPath(path), parseMode(mode, 0)); },
  // Only on systems with O_SYMLINK (macOS), as Node: elsewhere it rejects.
  async lchmod(path, mode) {
    throw binding.nodeError('Error', 'ERR_METHOD_NOT_IMPLEMENTED', 'The lchmod() method is not implemented');
  },
  async lchown(path, uid, gid) {
    return promised('lchown', getValidatedPath(path), validateId(uid, 'uid'), validateId(gid, 'gid'));
  },
  async chown(path, uid, gid) {
    return promised('chown', getValidatedPath(path), validateId(uid, 'uid'), validateId(gid, 'gid'));
  },
  async utimes(path, atime, mtime) {
    return promised('utimes', getValidatedPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime));
  },
  async lutimes(path, atime, mtime) {
    return promised('lutimes', getValidatedPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime));
  },
  async realpath(path) { return promised('realpath', getValidatedPath(path)); },
  async mkdtemp(prefix) { return promised('mkdtemp', getValidatedPath(prefix, 'prefix')); },
  // A temporary directory removed (recursively) by `await remove()` or `await using`.
  async mkdtempDisposable(prefix, options) {
    const path = await promised('mkdtemp', getValidatedPath(prefix, 'prefix'));
    const fullPath = pathModule.resolve(process.cwd(), path);
    const remove = async () => { await promised('rm', fullPath, true, false); };
    return {
      path,
      remove,
      async [Symbol.asyncDispose]() { await remove(); },
    };
  },
  async writeFile(path, data, options) {
    options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
    if (path instanceof FileHandle) return path.writeFile(data, options);
    if (typeof data !== 'string' && !(data instanceof Uint8Array) && data != null &&
        (typeof data[Symbol.asyncIterator] === 'function' || typeof data[Symbol.iterator] === 'function')) {
      const parts = [];
      for await (const chunk of data) parts.push(typeof chunk === 'string' ? binding.encode(chunk, options.encoding) : chunk);
      data = binding.concatBytes(parts);
    }
    return promised('writeFile', getValidatedPath(path), data, stringToFlags(options.flag),
      parseMode(options.mode, 0o666), options.encoding);
  },
  async appendFile(path, data, options) {
    options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
    return (rawPromises.writeFile || promises.writeFile)(path, data, { ...options, flag: options.flag || 'a' });
  },
  async readFile(path, options) {
    options = getOptions(options, { flag: 'r' });
    if (path instanceof FileHandle) return path.readFile(options);
    // As Node: open, fstat, read, close, each a trip to the pool.
    const fd = await promised('open', getValidatedPath(path), stringToFlags(options.flag), 0o666);
    try {
      await promised('fstat', fd);
      return bytes(await promised('readFd', fd, encodingOf(options)));
    } finally {
      await promised('close', fd);
    }
  },
  watch(filename, options = {}) {
    filename = getValidatedPath(filename, 'filename');
    const interval = options.interval || 100;
    let snap = watchSnapshot(filename);
    let timer = null;
    const queue = [];
    let waiting = null;
    let closed = false;
    const signal = options.signal;
    const start = () => {
      timer = setInterval(() => {
        const now = watchSnapshot(filename);
        for (const e of diffSnapshots(snap, now)) {
          if (waiting) {
            const w = waiting;
            waiting = null;
            w({ value: e, done: false });
          } else {
            queue.push(e);
          }
        }
        snap = now;
      }, interval);
      if (options.persistent === false) timer.unref();
    };
    const stop = () => {
      closed = true;
      if (timer) clearInterval(timer);
      if (waiting) {
        const w = waiting;
        waiting = null;
        w({ value: undefined, done: true });
      }
    };
    if (signal) {
      if (signal.aborted) closed = true;
      else signal.addEventListener('abort', stop, { once: true });
    }
    return {
      __proto__: binding.asyncIteratorPrototype,
      next() {
        if (queue.length) return Promise.resolve({ value: queue.shift(), done: false });
        if (closed) {
          if (signal && signal.aborted) {
            return Promise.reject(binding.nodeError('Error', 'ABORT_ERR', 'The operation was aborted'));
          }
          return Promise.resolve({ value: undefined, done: true });
        }
        if (!timer) start();
        return new Promise((resolve) => { waiting = resolve; }).then((r) => {
          if (r.done && signal && signal.aborted) {
            const e = binding.nodeError('Error', 'ABORT_ERR', 'The operation was aborted');
            e.name = 'AbortError';
            throw e;
          }
          return r;
        });
      },
      return() {
        stop();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  },
  constants,
};

// Node's fs.promises rejects with a system error whose stack is recaptured in a promise
// reaction (`handleErrorFromBinding`), so it holds only async frames: Node's own functions
// (v24.22.3, below) and then the script's awaiting async functions. jsgen's errors come from
// the event loop without frames; a failing call gets Node's frames and the caller's async
// frames. Functions Node prints no frames for (`rm`, `opendir`, ...) are left out.
const kOpen = 'async open (node:internal/fs/promises:1345:25)';
const kNodeFrames = {
  __proto__: null,
  access: ['async Object.access (node:internal/fs/promises:1312:10)'],
  appendFile: [kOpen, 'async writeFile (node:internal/fs/promises:1972:14)'],
  chmod: ['async Object.chmod (node:internal/fs/promises:1804:10)'],
  copyFile: ['async Object.copyFile (node:internal/fs/promises:1327:10)'],
  lstat: ['async Object.lstat (node:internal/fs/promises:1741:18)'],
  mkdir: ['async Object.mkdir (node:internal/fs/promises:1571:10)'],
  open: ['async Object.open (node:internal/fs/promises:1345:25)'],
  readFile: [kOpen, 'async Object.readFile (node:internal/fs/promises:2003:14)'],
  readdir: ['async Object.readdir (node:internal/fs/promises:1668:18)'],
  readlink: ['async Object.readlink (node:internal/fs/promises:1686:10)'],
  realpath: ['async Object.realpath (node:internal/fs/promises:1896:10)'],
  rename: ['async Object.rename (node:internal/fs/promises:1491:10)'],
  rmdir: ['async Object.rmdir (node:internal/fs/promises:1531:10)'],
  stat: ['async Object.stat (node:internal/fs/promises:1750:18)'],
  truncate: [kOpen, 'async Object.truncate (node:internal/fs/promises:1499:14)'],
  unlink: ['async Object.unlink (node:internal/fs/promises:1782:10)'],
  utimes: ['async Object.utimes (node:internal/fs/promises:1856:10)'],
  writeFile: [kOpen, 'async Object.writeFile (node:internal/fs/promises:1972:14)'],
};

function withNodeFrames(err, frames) {
  if (err === null || typeof err !== 'object' || typeof err.syscall !== 'string' ||
      typeof err.stack !== 'string' || err.stack.includes('\n    at ')) {
    return err;
  }
  // The script's frames: the async functions awaiting this call (jsgen's own are dropped).
  const holder = {};
  Error.captureStackTrace(holder);
  const callers = holder.stack.split('\n').slice(1).filter((l) => !l.includes('(node:'));
  const lines = frames.map((f) => `    at ${f}`).concat(callers)
    .slice(0, Math.max(0, Number(Error.stackTraceLimit) || 0));
  const header = err.stack.split('\n')[0];
  Object.defineProperty(err, 'stack', {
    value: [header, ...lines].join('\n'), writable: true, configurable: true, enumerable: false,
  });
  return err;
}

// The functions before the wrapping, for calls between them (appendFile → writeFile).
const rawPromises = { __proto__: null };
for (const name of Object.keys(kNodeFrames)) {
  const inner = promises[name];
  rawPromises[name] = inner;
  const frames = kNodeFrames[name];
  const wrapped = {
    async [name](...args) {
      try {
        return await inner.apply(this, args);
      } catch (err) {
        throw withNodeFrames(err, frames);
      }
    },
  }[name];
  Object.defineProperty(wrapped, 'length', { value: inner.length });
  promises[name] = wrapped;
}

module.exports = promises;
