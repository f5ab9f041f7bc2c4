'use strict';
// node:fs — the sync, callback and promise APIs over jsgen's natives (crates/node/src/fs.rs):
// `binding.fsSync(op, ...)` runs a call now, `binding.fsAsync(cb, op, ...)` on the I/O pool
// with `cb(err, value)` in a later poll phase. Classes, argument handling and the streams
// follow Node v24's lib/fs.js, lib/internal/fs/{utils,promises,dir,streams}.js (MIT).

const pathModule = require('path');

const constants = JSON.parse('{"UV_FS_SYMLINK_DIR":1,"UV_FS_SYMLINK_JUNCTION":2,"O_RDONLY":0,"O_WRONLY":1,"O_RDWR":2,"UV_DIRENT_UNKNOWN":0,"UV_DIRENT_FILE":1,"UV_DIRENT_DIR":2,"UV_DIRENT_LINK":3,"UV_DIRENT_FIFO":4,"UV_DIRENT_SOCKET":5,"UV_DIRENT_CHAR":6,"UV_DIRENT_BLOCK":7,"S_IFMT":61440,"S_IFREG":32768,"S_IFDIR":16384,"S_IFCHR":8192,"S_IFBLK":24576,"S_IFIFO":4096,"S_IFLNK":40960,"S_IFSOCK":49152,"O_CREAT":64,"O_EXCL":128,"UV_FS_O_FILEMAP":0,"UV_FS_O_TEMPORARY":0,"UV_FS_O_SHORT_LIVED":0,"UV_FS_O_SEQUENTIAL":0,"UV_FS_O_RANDOM":0,"O_NOCTTY":256,"O_TRUNC":512,"O_APPEND":1024,"O_DIRECTORY":65536,"O_NOATIME":262144,"O_NOFOLLOW":131072,"O_SYNC":1052672,"O_DSYNC":4096,"O_DIRECT":16384,"O_NONBLOCK":2048,"S_IRWXU":448,"S_IRUSR":256,"S_IWUSR":128,"S_IXUSR":64,"S_IRWXG":56,"S_IRGRP":32,"S_IWGRP":16,"S_IXGRP":8,"S_IRWXO":7,"S_IROTH":4,"S_IWOTH":2,"S_IXOTH":1,"F_OK":0,"R_OK":4,"W_OK":2,"X_OK":1,"UV_FS_COPYFILE_EXCL":1,"COPYFILE_EXCL":1,"UV_FS_COPYFILE_FICLONE":2,"COPYFILE_FICLONE":2,"UV_FS_COPYFILE_FICLONE_FORCE":4,"COPYFILE_FICLONE_FORCE":4}');
const {
  O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC,
  F_OK, COPYFILE_EXCL,
} = constants;
const kType = Symbol('type');
const kStats = Symbol('stats');

// ---- arguments -----------------------------------------------------------------------------

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags == null) return O_RDONLY;
  switch (flags) {
    case 'r': return O_RDONLY;
    case 'rs': case 'sr': return O_RDONLY | O_SYNC;
    case 'r+': return O_RDWR;
    case 'rs+': case 'sr+': return O_RDWR | O_SYNC;
    case 'w': return O_TRUNC | O_CREAT | O_WRONLY;
    case 'wx': case 'xw': return O_TRUNC | O_CREAT | O_WRONLY | O_EXCL;
    case 'w+': return O_TRUNC | O_CREAT | O_RDWR;
    case 'wx+': case 'xw+': return O_TRUNC | O_CREAT | O_RDWR | O_EXCL;
    case 'a': return O_APPEND | O_CREAT | O_WRONLY;
    case 'ax': case 'xa': return O_APPEND | O_CREAT | O_WRONLY | O_EXCL;
    case 'as': case 'sa': return O_APPEND | O_CREAT | O_WRONLY | O_SYNC;
    case 'a+': return O_APPEND | O_CREAT | O_RDWR;
    case 'ax+': case 'xa+': return O_APPEND | O_CREAT | O_RDWR | O_EXCL;
    case 'as+': case 'sa+': return O_APPEND | O_CREAT | O_RDWR | O_SYNC;
  }
  throw binding.nodeError('TypeError', 'ERR_INVALID_ARG_VALUE',
    `The argument '${name}' is invalid. Received ${binding.inspect(flags)}`);
}

function getValidatedPath(path, name = 'path') {
  if (typeof path === 'string') {
    if (path.includes('\u0000')) {
      throw binding.nodeError('TypeError', 'ERR_INVALID_ARG_VALUE',
        `The argument '${name}' must be a string, Uint8Array, or URL without null bytes. Received ${binding.inspect(path)}`);
    }
    return path;
  }
  if (path instanceof Uint8Array) return binding.decode(path, 'utf8');
  if (path != null && typeof path === 'object' && typeof path.href === 'string' &&
      path.protocol !== undefined) {
    if (path.protocol !== 'file:') {
      throw binding.nodeError('TypeError', 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    }
    return decodeURIComponent(path.pathname);
  }
  throw binding.invalidArgType(name, 'of type string or an instance of Buffer or URL', path);
}

function getValidatedFd(fd, name = 'fd') {
  if (typeof fd !== 'number') throw binding.invalidArgType(name, 'of type number', fd);
  if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) {
    throw binding.nodeError('RangeError', 'ERR_OUT_OF_RANGE',
      `The value of "${name}" is out of range. It must be >= 0 && <= 2147483647. Received ${fd}`);
  }
  return fd;
}

function getOptions(options, defaults = {}) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') return { ...defaults, encoding: options };
  if (typeof options !== 'object') {
    throw binding.invalidArgType('options', 'one of type string or an instance of Object', options);
  }
  if (options.encoding !== undefined && options.encoding !== null && options.encoding !== 'buffer') {
    assertEncoding(options.encoding);
  }
  return { ...defaults, ...options };
}

function assertEncoding(encoding) {
  if (encoding && !/^(utf-?8|latin1|binary|ascii|utf-?16le|ucs-?2|base64|base64url|hex|buffer)$/i.test(encoding)) {
    throw binding.nodeError('TypeError', 'ERR_INVALID_ARG_VALUE',
      `The argument 'encoding' is invalid encoding. Received '${encoding}'`);
  }
}

function maybeCallback(cb) {
  if (typeof cb !== 'function') throw binding.invalidArgType('cb', 'of type function', cb);
  return cb;
}

function parseMode(mode, def) {
  if (mode == null) return def;
  if (typeof mode === 'string') return parseInt(mode, 8);
  return mode;
}

let BufferCtor;
// Bytes as Node hands them out: a Buffer.
function bytes(v) {
  if (!(v instanceof Uint8Array)) return v;
  BufferCtor ??= require('buffer').Buffer;
  return v instanceof BufferCtor ? v : BufferCtor.from(v.buffer, v.byteOffset, v.byteLength);
}

function encodingOf(options) {
  const e = options.encoding;
  return e === 'buffer' ? null : (e ?? null);
}

// ---- Stats, Dirent, Dir ----------------------------------------------------------------------

function dateFromMs(ms) {
  return new Date(Math.round(Number(ms)));
}

function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}
StatsBase.prototype.isDirectory = function () { return this._checkModeProperty(constants.S_IFDIR); };
StatsBase.prototype.isFile = function () { return this._checkModeProperty(constants.S_IFREG); };
StatsBase.prototype.isBlockDevice = function () { return this._checkModeProperty(constants.S_IFBLK); };
StatsBase.prototype.isCharacterDevice = function () { return this._checkModeProperty(constants.S_IFCHR); };
StatsBase.prototype.isSymbolicLink = function () { return this._checkModeProperty(constants.S_IFLNK); };
StatsBase.prototype.isFIFO = function () { return this._checkModeProperty(constants.S_IFIFO); };
StatsBase.prototype.isSocket = function () { return this._checkModeProperty(constants.S_IFSOCK); };

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
// The dates are made on first read and kept as own enumerable properties (Node's
// lazyDateFields), so `Object.keys(stats)` and console.log show the ones that were read.
for (const name of ['atime', 'mtime', 'ctime', 'birthtime']) {
  const setOwn = (self, value) => {
    Object.defineProperty(self, name, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(Stats.prototype, name, {
    enumerable: true,
    configurable: true,
    get() { return setOwn(this, dateFromMs(this[name + 'Ms'])); },
    set(value) { setOwn(this, value); },
  });
}
Stats.prototype._checkModeProperty = function (property) {
  return (this.mode & constants.S_IFMT) === property;
};

function makeStats(a) {
  return new Stats(...a);
}

// fs.statfs's result (Node's StatFs), numbers or, with `bigint: true`, bigints.
class StatFs {
  constructor(type, bsize, frsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.frsize = frsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}
function makeStatFs(a, bigint) {
  return new StatFs(...(bigint ? a.map(BigInt) : a));
}

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  maybeCallback(callback);
  path = getValidatedPath(path);
  const bigint = !!options?.bigint;
  call((err, a) => (err ? callback(err) : callback(null, makeStatFs(a, bigint))), 'statfs', path);
}

function statfsSync(path, options = { bigint: false }) {
  return makeStatFs(binding.fsSync('statfs', getValidatedPath(path)), !!options?.bigint);
}

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === constants.UV_DIRENT_DIR; }
  isFile() { return this[kType] === constants.UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === constants.UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === constants.UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === constants.UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === constants.UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === constants.UV_DIRENT_SOCKET; }
}

// A Dirent made from a Stats (fs.glob's `withFileTypes` results): its type questions go to
// the Stats, as Node's lib/internal/fs/utils.js does.
class DirentFromStats extends Dirent {
  constructor(name, stats, path) {
    super(name, null, path);
    this[kStats] = stats;
  }
}
for (const name of Reflect.ownKeys(Dirent.prototype)) {
  if (name === 'constructor') continue;
  DirentFromStats.prototype[name] = function () { return this[kStats][name](); };
}

function direntsOf(path, entries) {
  return entries.map(([name, type]) => new Dirent(name, type, path));
}

function dirClosed() {
  return binding.nodeError('Error', 'ERR_DIR_CLOSED', 'Directory handle was closed');
}

class Dir {
  #path;
  #entries;
  #closed = false;
  constructor(path, entries) {
    this.#path = path;
    this.#entries = entries;
  }
  get path() { return this.#path; }
  readSync() {
    if (this.#closed) throw dirClosed();
    const e = this.#entries.shift();
    return e === undefined ? null : new Dirent(e[0], e[1], this.#path);
  }
  read(callback) {
    if (typeof callback === 'function') {
      let r, err = null;
      try { r = this.readSync(); } catch (e) { err = e; }
      process.nextTick(callback, err, r);
      return;
    }
    return new Promise((resolve) => resolve(this.readSync()));
  }
  closeSync() {
    if (this.#closed) throw dirClosed();
    this.#closed = true;
  }
  close(callback) {
    if (typeof callback === 'function') {
      let err = null;
      try { this.closeSync(); } catch (e) { err = e; }
      process.nextTick(callback, err);
      return;
    }
    return new Promise((resolve) => { this.closeSync(); resolve(); });
  }
  async *entries() {
    try {
      while (true) {
        const result = await this.read();
        if (result === null) break;
        yield result;
      }
    } finally {
      if (!this.#closed) await this.close();
    }
  }
  [Symbol.asyncIterator]() { return this.entries(); }
  [Symbol.dispose]() { if (!this.#closed) this.closeSync(); }
  async [Symbol.asyncDispose]() { if (!this.#closed) await this.close(); }
}

// ---- the callback API ------------------------------------------------------------------------

function call(cb, op, ...args) {
  return binding.fsAsync(cb, op, ...args);
}

function readFile(path, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { flag: 'r' });
  if (typeof path === 'number') {
    call((err, data) => callback(err, bytes(data)), 'readFd', path, encodingOf(options));
    return;
  }
  path = getValidatedPath(path);
  // As Node: open, fstat, read, close, each a trip to the pool.
  const flags = stringToFlags(options.flag);
  call((err, fd) => {
    if (err) return callback(err);
    call((err) => {
      if (err) return close(fd, () => callback(err));
      call((err, data) => {
        close(fd, (err2) => {
          if (err || err2) return callback(err || err2);
          callback(null, bytes(data));
        });
      }, 'readFd', fd, encodingOf(options));
    }, 'fstat', fd);
  }, 'open', path, flags, 0o666);
}

function writeFile(path, data, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  if (typeof path === 'number') {
    call((err) => callback(err), 'write', path, data, -1, options.encoding);
    return;
  }
  path = getValidatedPath(path);
  call((err) => callback(err), 'writeFile', path, data, stringToFlags(options.flag),
    parseMode(options.mode, 0o666), options.encoding);
}

function appendFile(path, data, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  writeFile(path, data, { ...options, flag: options.flag || 'a' }, callback);
}

function readdirRecursive(path, options, sync, callback) {
  const withFileTypes = !!options.withFileTypes;
  const results = [];
  const queue = [path];
  const handle = (dir, entries) => {
    for (const [name, type] of entries) {
      if (withFileTypes) {
        const d = new Dirent(name, type, dir);
        results.push(d);
        if (d.isDirectory()) queue.push(pathModule.join(dir, name));
      } else {
        const full = pathModule.join(dir, name);
        results.push(pathModule.relative(path, full));
        let isDir = type === constants.UV_DIRENT_DIR;
        if (type === constants.UV_DIRENT_LINK) {
          try { isDir = makeStats(binding.fsSync('stat', full)).isDirectory(); } catch {}
        }
        if (isDir) queue.push(full);
      }
    }
  };
  if (sync) {
    for (let i = 0; i < queue.length; i++) handle(queue[i], binding.fsSync('readdir', queue[i]));
    return results;
  }
  let i = 0;
  const next = () => {
    if (i >= queue.length) return callback(null, results);
    const dir = queue[i++];
    call((err, entries) => {
      if (err) return callback(err);
      handle(dir, entries);
      next();
    }, 'readdir', dir);
  };
  next();
}

function readdir(path, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive) return readdirRecursive(path, options, false, callback);
  call((err, entries) => {
    if (err) return callback(err);
    callback(null, options.withFileTypes ? direntsOf(path, entries) : entries.map((e) => e[0]));
  }, 'readdir', path);
}

function statLike(op) {
  return function (path, options, callback) {
    callback = maybeCallback(callback || options);
    path = op === 'fstat' ? getValidatedFd(path) : getValidatedPath(path);
    call((err, a) => (err ? callback(err) : callback(null, makeStats(a))), op, path);
  };
}

// mkdir's options (a mode, or `{recursive, mode}`) as the binding's [recursive, mode].
function mkdirArgs(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') mode = parseMode(options, 0o777);
  else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = parseMode(options.mode, 0o777);
  }
  return [recursive, mode];
}

function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const [recursive, mode] = mkdirArgs(options);
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  call((err, first) => (err ? callback(err) : callback(null, first)), 'mkdir', path, recursive, mode);
}

function simple(op, nPaths = 1) {
  return function (...args) {
    const callback = maybeCallback(args.pop());
    for (let i = 0; i < nPaths; i++) args[i] = getValidatedPath(args[i], i === 0 ? (nPaths === 2 ? 'oldPath' : 'path') : 'newPath');
    call((err, v) => (err ? callback(err) : callback(null, v)), op, ...args);
  };
}

// Node's `rm` of a directory without `recursive`: lib/internal/fs/utils.js turns the
// EISDIR into a SystemError `ERR_FS_EISDIR` (`Path is a directory: rm returned EISDIR (is
// a directory) <path>`), with `info` and a positive errno.
class SystemError extends Error {
  get name() { return 'SystemError'; }
  toString() { return `${this.name} [${this.code}]: ${this.message}`; }
  // Node's SystemError shows its accessors' values (`errno: [Getter/Setter: 21]`).
  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return require('util').inspect(this, { ...ctx, getters: true, customInspect: false });
  }
}
function rmError(err, path) {
  if (!err || err.code !== 'EISDIR') return err;
  return systemError('ERR_FS_EISDIR', 'Path is a directory',
    { code: 'EISDIR', message: 'is a directory', path: `${path}`, syscall: 'rm', errno: 21 });
}

// A SystemError as lib/internal/errors.js makes them: `${prefix}: ${syscall} returned ${code}
// (${message}) ${path}`, `info` holding the context, errno/syscall/path as accessors over it.
function systemError(key, prefix, info) {
  let message = `${prefix}: ${info.syscall} returned ${info.code} (${info.message})`;
  if (info.path !== undefined) message += ` ${info.path}`;
  const e = new SystemError(message);
  e.code = key;
  e.info = info;
  for (const k of ['errno', 'syscall', 'path']) {
    Object.defineProperty(e, k, {
      get() { return info[k]; },
      set(value) { info[k] = value; },
      enumerable: true,
      configurable: true,
    });
  }
  Object.defineProperty(e, 'stack', {
    value: e.stack.replace(/^SystemError:/, `SystemError [${key}]:`),
    writable: true, enumerable: false, configurable: true,
  });
  return e;
}

// ---- cp / cpSync / promises.cp (lib/internal/fs/cp/cp.js and cp-sync.js) ---------------------
// Copies files, symlinks and, with `recursive`, directories. The asynchronous form reports
// its checks as SystemErrors; the synchronous one as Node's C++ checks word them (plain
// errors with a code), except for `errorOnExist`, which both word alike.

const cpErrors = {
  ERR_FS_CP_EINVAL: 'Invalid src or dest',
  ERR_FS_CP_DIR_TO_NON_DIR: 'Cannot overwrite non-directory with directory',
  ERR_FS_CP_NON_DIR_TO_DIR: 'Cannot overwrite directory with non-directory',
  ERR_FS_CP_EEXIST: 'Target already exists',
  ERR_FS_EISDIR: 'Path is a directory',
  ERR_FS_CP_SOCKET: 'Cannot copy a socket file',
  ERR_FS_CP_FIFO_PIPE: 'Cannot copy a FIFO pipe',
  ERR_FS_CP_UNKNOWN: 'Cannot copy an unknown file type',
  ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY: 'Cannot copy symlink to subdirectory of self',
};
const cpErrno = { EINVAL: 22, EISDIR: 21, ENOTDIR: 20, EEXIST: 17 };
function cpError(key, code, message, path) {
  return systemError(key, cpErrors[key], { message, path, syscall: 'cp', errno: cpErrno[code], code });
}
// The synchronous checks' errors (Node's C++: an Error with a code, no context).
function cpSyncError(key, message) {
  return binding.nodeError('Error', key, message);
}

function validateCpOptions(options) {
  if (options === undefined) options = {};
  else if (options === null || typeof options !== 'object') throw binding.invalidArgType('options', 'of type object', options);
  const opts = {
    dereference: false, errorOnExist: false, filter: undefined, force: true,
    preserveTimestamps: false, recursive: false, verbatimSymlinks: false, mode: 0, ...options,
  };
  for (const k of ['dereference', 'errorOnExist', 'force', 'preserveTimestamps', 'recursive', 'verbatimSymlinks']) {
    if (typeof opts[k] !== 'boolean') throw binding.invalidArgType(`options.${k}`, 'of type boolean', opts[k]);
  }
  if (opts.filter !== undefined && typeof opts.filter !== 'function') {
    throw binding.invalidArgType('options.filter', 'of type function', opts.filter);
  }
  return opts;
}

const cpPathArray = (p) => pathModule.resolve(p).split(pathModule.sep).filter(Boolean);
function isSrcSubdir(src, dest) {
  const srcArr = cpPathArray(src);
  const destArr = cpPathArray(dest);
  return srcArr.every((cur, i) => destArr[i] === cur);
}
function areIdentical(srcStat, destStat) {
  return destStat.ino && destStat.dev && destStat.ino === srcStat.ino && destStat.dev === srcStat.dev;
}

// The work shared by both forms once the checks passed: `ops` are the file operations to
// use (promises or sync functions wrapped in promises' shape).
function cpMachine(ops, sync) {
  const run = sync ? (v, f) => f(v) : (v, f) => Promise.resolve(v).then(f);
  const seq = sync ? (fns) => { for (const f of fns) f(); } : async (fns) => { for (const f of fns) await f(); };
  function getStatsForCopy(destStat, src, dest, opts) {
    return run((opts.dereference ? ops.stat : ops.lstat)(src), (srcStat) => {
      if (srcStat.isDirectory() && opts.recursive) return onDir(srcStat, destStat, src, dest, opts);
      if (srcStat.isDirectory()) {
        throw cpError('ERR_FS_EISDIR', 'EISDIR', `${src} is a directory (not copied)`, src);
      }
      if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
        return onFile(srcStat, destStat, src, dest, opts);
      }
      if (srcStat.isSymbolicLink()) return onLink(destStat, src, dest, opts);
      if (srcStat.isSocket()) throw cpError('ERR_FS_CP_SOCKET', 'EINVAL', `cannot copy a socket file: ${dest}`, dest);
      if (srcStat.isFIFO()) throw cpError('ERR_FS_CP_FIFO_PIPE', 'EINVAL', `cannot copy a FIFO pipe: ${dest}`, dest);
      throw cpError('ERR_FS_CP_UNKNOWN', 'EINVAL', `cannot copy an unknown file type: ${dest}`, dest);
    });
  }
  function onFile(srcStat, destStat, src, dest, opts) {
    if (!destStat) return copyOne(srcStat, src, dest, opts);
    if (opts.force) return run(ops.unlink(dest), () => copyOne(srcStat, src, dest, opts));
    if (opts.errorOnExist) {
      throw cpError('ERR_FS_CP_EEXIST', 'EEXIST', `${dest} already exists`, dest);
    }
  }
  function copyOne(srcStat, src, dest, opts) {
    return run(ops.copyFile(src, dest, opts.mode), () => {
      if (!opts.preserveTimestamps) return ops.chmod(dest, srcStat.mode);
      const writable = (srcStat.mode & 0o200) !== 0;
      return run(writable ? undefined : ops.chmod(dest, srcStat.mode | 0o200),
        () => run(setDestTimestamps(src, dest), () => ops.chmod(dest, srcStat.mode)));
    });
  }
  function setDestTimestamps(src, dest) {
    return run(ops.stat(src), (st) => ops.utimes(dest, st.atime, st.mtime));
  }
  function onDir(srcStat, destStat, src, dest, opts) {
    if (!destStat) {
      return run(ops.mkdir(dest), () => run(copyDir(src, dest, opts), () =>
        run(opts.preserveTimestamps ? setDestTimestamps(src, dest) : undefined,
          () => ops.chmod(dest, srcStat.mode))));
    }
    if (opts.errorOnExist && !opts.force) {
      throw cpError('ERR_FS_CP_EEXIST', 'EEXIST', `${dest} already exists`, dest);
    }
    return run(copyDir(src, dest, opts),
      () => (opts.preserveTimestamps ? setDestTimestamps(src, dest) : undefined));
  }
  function copyDir(src, dest, opts) {
    return run(ops.readdir(src), (names) => seq(names.map((name) => () => {
      const srcItem = pathModule.join(src, name);
      const destItem = pathModule.join(dest, name);
      return run(checkPaths(srcItem, destItem, opts), ({ destStat, skipped }) =>
        (skipped ? undefined : getStatsForCopy(destStat, srcItem, destItem, opts)));
    })));
  }
  function onLink(destStat, src, dest, opts) {
    return run(ops.readlink(src), (resolvedSrc) => {
      if (!opts.verbatimSymlinks && !pathModule.isAbsolute(resolvedSrc)) {
        resolvedSrc = pathModule.resolve(pathModule.dirname(src), resolvedSrc);
      }
      let srcIsDir = false;
      try { srcIsDir = statSync(src).isDirectory(); } catch {}
      const type = srcIsDir ? 'dir' : 'file';
      if (!destStat) return ops.symlink(resolvedSrc, dest, type);
      let resolvedDest;
      const readDest = sync ? (() => { try { return ops.readlink(dest); } catch (err) { return { err }; } })()
        : ops.readlink(dest).then((v) => v, (err) => ({ err }));
      return run(readDest, (got) => {
        if (got && got.err) {
          if (got.err.code === 'EINVAL' || got.err.code === 'UNKNOWN') return ops.symlink(resolvedSrc, dest, type);
          throw got.err;
        }
        resolvedDest = pathModule.isAbsolute(got) ? got : pathModule.resolve(pathModule.dirname(dest), got);
        if (srcIsDir && isSrcSubdir(resolvedSrc, resolvedDest)) {
          throw cpError('ERR_FS_CP_EINVAL', 'EINVAL',
            `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest);
        }
        if (srcIsDir && isSrcSubdir(resolvedDest, resolvedSrc)) {
          throw cpError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'EINVAL',
            `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest);
        }
        return run(ops.unlink(dest), () => ops.symlink(resolvedSrc, dest, type));
      });
    });
  }
  // The asynchronous form's checks of one pair (and the synchronous form's, below the top).
  function checkPaths(src, dest, opts) {
    return run(opts.filter ? opts.filter(src, dest) : true, (keep) => {
      if (!keep) return { skipped: true };
      const statFn = opts.dereference ? ops.stat : ops.lstat;
      const destStat = sync
        ? (() => { try { return statFn(dest); } catch (err) { if (err.code === 'ENOENT') return null; throw err; } })()
        : statFn(dest).then((v) => v, (err) => { if (err.code === 'ENOENT') return null; throw err; });
      return run(statFn(src), (srcStat) => run(destStat, (destStat) => {
        if (destStat) {
          if (areIdentical(srcStat, destStat)) {
            throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', 'src and dest cannot be the same', dest);
          }
          if (srcStat.isDirectory() && !destStat.isDirectory()) {
            throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', 'EISDIR',
              `cannot overwrite non-directory ${dest} with directory ${src}`, dest);
          }
          if (!srcStat.isDirectory() && destStat.isDirectory()) {
            throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', 'ENOTDIR',
              `cannot overwrite directory ${dest} with non-directory ${src}`, dest);
          }
        }
        if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
          throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
        }
        return { srcStat, destStat, skipped: false };
      }));
    });
  }
  return { checkPaths, getStatsForCopy };
}

// The parents of dest must not be src itself (a copy into its own subdirectory).
function cpCheckParentPaths(src, srcStat, dest) {
  const srcParent = pathModule.resolve(pathModule.dirname(src));
  let destParent = pathModule.resolve(pathModule.dirname(dest));
  while (destParent !== srcParent && destParent !== pathModule.parse(destParent).root) {
    let destStat;
    try {
      destStat = statSync(destParent);
    } catch (err) {
      if (err.code === 'ENOENT') return;
      throw err;
    }
    if (areIdentical(srcStat, destStat)) {
      throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
    }
    destParent = pathModule.resolve(pathModule.dirname(destParent));
  }
}

const cpSyncOps = {
  stat: (p) => statSync(p), lstat: (p) => lstatSync(p), unlink: (p) => sync.unlinkSync(p),
  copyFile: (s, d, m) => sync.copyFileSync(s, d, m), chmod: (p, m) => sync.chmodSync(p, m),
  utimes: (p, a, m) => sync.utimesSync(p, a, m), mkdir: (p) => mkdirSync(p),
  readdir: (p) => readdirSync(p), readlink: (p) => sync.readlinkSync(p),
  symlink: (t, p, type) => sync.symlinkSync(t, p, type),
};

function cpSync(src, dest, options) {
  const opts = validateCpOptions(options);
  src = pathModule.toNamespacedPath(getValidatedPath(src, 'src'));
  dest = pathModule.toNamespacedPath(getValidatedPath(dest, 'dest'));
  if (opts.filter) {
    const keep = opts.filter(src, dest);
    if (keep instanceof Promise) {
      throw binding.nodeError('TypeError', 'ERR_INVALID_RETURN_VALUE',
        `Expected a boolean to be returned from the "filter" function, but got an instance of Promise.`);
    }
    if (!keep) return;
  }
  // The checks Node makes in C++ (fsBinding.cpSyncCheckPaths), worded as it words them.
  const srcStat = opts.dereference ? statSync(src) : lstatSync(src);
  let destStat = null;
  try {
    destStat = opts.dereference ? statSync(dest) : lstatSync(dest);
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  const srcIsDir = srcStat.isDirectory();
  const srcWithSep = src.endsWith(pathModule.sep) ? src : src + pathModule.sep;
  if (destStat) {
    if (areIdentical(srcStat, destStat)) {
      throw cpSyncError('ERR_FS_CP_EINVAL', `src and dest cannot be the same ${dest}`);
    }
    if (srcIsDir && !destStat.isDirectory()) {
      throw cpSyncError('ERR_FS_CP_DIR_TO_NON_DIR', `Cannot overwrite non-directory ${dest} with directory ${src}`);
    }
    if (!srcIsDir && destStat.isDirectory()) {
      throw cpSyncError('ERR_FS_CP_NON_DIR_TO_DIR', `Cannot overwrite directory ${dest} with non-directory ${src}`);
    }
  }
  if (srcIsDir && pathModule.resolve(dest).startsWith(pathModule.resolve(srcWithSep))) {
    throw cpSyncError('ERR_FS_CP_EINVAL', `Cannot copy ${srcWithSep} to a subdirectory of self ${dest}`);
  }
  if (srcIsDir && !opts.recursive) {
    throw cpSyncError('ERR_FS_EISDIR', `Recursive option not enabled, cannot copy a directory: ${srcWithSep}`);
  }
  mkdirSync(pathModule.dirname(dest), { recursive: true });
  cpMachine(cpSyncOps, true).getStatsForCopy(destStat, src, dest, opts);
}

async function cpAsync(src, dest, opts) {
  const promises = lazyPromises();
  const m = cpMachine(promises, false);
  const { srcStat, destStat, skipped } = await m.checkPaths(src, dest, opts);
  if (skipped) return;
  cpCheckParentPaths(src, srcStat, dest);
  await promises.mkdir(pathModule.dirname(dest), { recursive: true });
  return m.getStatsForCopy(destStat, src, dest, opts);
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = maybeCallback(callback);
  const opts = validateCpOptions(options);
  src = pathModule.toNamespacedPath(getValidatedPath(src, 'src'));
  dest = pathModule.toNamespacedPath(getValidatedPath(dest, 'dest'));
  cpAsync(src, dest, opts).then(() => callback(null), callback);
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = maybeCallback(callback);
  options = options || {};
  path = getValidatedPath(path);
  call((err) => callback(rmError(err, path)), 'rm', path, !!options.recursive, !!options.force);
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') callback = options;
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  if (options && options.recursive) return rm(path, { recursive: true }, callback);
  call((err) => callback(err), 'rmdir', path);
}

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  callback = maybeCallback(callback);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  call((err) => callback(err), 'copyFile', src, dest, mode | 0);
}

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  call((err) => callback(err), 'access', path, mode | 0);
}

function exists(path, callback) {
  maybeCallback(callback);
  let p;
  try { p = getValidatedPath(path); } catch { return process.nextTick(callback, false); }
  call((err, v) => callback(err ? false : v), 'exists', p);
}
Object.defineProperty(exists, Symbol.for('nodejs.util.promisify.custom'), {
  value: (path) => new Promise((resolve) => exists(path, resolve)),
});

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  }
  callback = maybeCallback(callback);
  call(callback, 'open', path, stringToFlags(flags), parseMode(mode, 0o666));
}

function close(fd, callback = () => {}) {
  fd = getValidatedFd(fd);
  call((err) => callback(err), 'close', fd);
}

function readArgs(fd, buffer, offsetOrOptions, length, position) {
  let offset = offsetOrOptions;
  if (offset !== null && typeof offset === 'object') {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
  }
  if (offset == null) offset = 0;
  if (length === undefined) length = buffer.byteLength - offset;
  if (position == null || position === -1) position = -1;
  return { offset, length, position: Number(position) };
}

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  if (typeof buffer === 'function') {
    callback = buffer;
    buffer = new Uint8Array(16384);
    offsetOrOptions = undefined;
  } else if (typeof offsetOrOptions === 'function') {
    callback = offsetOrOptions;
    offsetOrOptions = undefined;
  } else if (typeof length === 'function') {
    callback = length;
    length = undefined;
  } else if (typeof position === 'function') {
    callback = position;
    position = undefined;
  }
  if (buffer && !(buffer instanceof Uint8Array) && typeof buffer === 'object' && buffer.buffer) {
    ({ buffer, offset: offsetOrOptions, length, position } = { offset: 0, ...buffer });
  }
  const a = readArgs(fd, buffer, offsetOrOptions, length, position);
  callback = maybeCallback(callback);
  if (a.length === 0) return process.nextTick(callback, null, 0, buffer);
  call((err, got) => {
    if (err) return callback(err);
    const n = binding.copyInto(buffer, a.offset, got);
    callback(null, n, buffer);
  }, 'read', fd, a.length, a.position);
}

function writeArgs(buffer, offsetOrOptions, length, position) {
  if (typeof buffer === 'string') {
    // write(fd, string, position, encoding)
    return { data: buffer, position: offsetOrOptions ?? -1, encoding: length || 'utf8' };
  }
  let offset = offsetOrOptions;
  if (offset !== null && typeof offset === 'object') {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
  }
  if (offset == null) offset = 0;
  if (length == null) length = buffer.byteLength - offset;
  return { data: buffer.subarray(offset, offset + length), position: position ?? -1, encoding: null };
}

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  const args = [offsetOrOptions, length, position, callback];
  while (args.length && typeof args[args.length - 1] !== 'function') args.pop();
  callback = maybeCallback(args.pop());
  const a = writeArgs(buffer, ...args);
  call((err, n) => (err ? callback(err) : callback(null, n, buffer)), 'write', fd, a.data, a.position, a.encoding);
}

function fstat(fd, options, callback) {
  return statLike('fstat')(fd, options, callback);
}

function ftruncate(fd, len, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  call((err) => callback(err), 'ftruncate', getValidatedFd(fd), len);
}

function truncate(path, len, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  callback = maybeCallback(callback);
  call((err) => callback(err), 'truncate', getValidatedPath(path), len || 0);
}

function realpath(path, options, callback) {
  callback = maybeCallback(callback || options);
  call(callback, 'realpath', getValidatedPath(path));
}
realpath.native = realpath;

function mkdtemp(prefix, options, callback) {
  callback = maybeCallback(callback || options);
  call(callback, 'mkdtemp', getValidatedPath(prefix, 'prefix'));
}

function opendir(path, options, callback) {
  callback = maybeCallback(callback || options);
  path = getValidatedPath(path);
  call((err, entries) => {
    if (err) return callback(err);
    callback(null, new Dir(path, entries));
  }, 'readdir', path);
}

function symlink(target, path, type, callback) {
  if (typeof type === 'function') callback = type;
  callback = maybeCallback(callback);
  call((err) => callback(err), 'symlink', getValidatedPath(target, 'target'), getValidatedPath(path));
}

function chmod(path, mode, callback) {
  callback = maybeCallback(callback);
  call((err) => callback(err), 'chmod', getValidatedPath(path), parseMode(mode, 0));
}

function fsync(fd, callback) {
  call((err) => callback(err), 'fsync', getValidatedFd(fd));
}

// Times for utimes/futimes/lutimes, in seconds (lib/internal/fs/utils.js toUnixTimestamp):
// a numeric string, a finite number (a negative one means now), or a Date.
function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time; // eslint-disable-line eqeqeq
  if (Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (binding.kindOf(time) === 'date') return time.getTime() / 1000;
  throw binding.invalidArgType(name, 'an instance of Date or an Time in seconds', time);
}

// uid/gid: integers from -1 (unchanged) to 2^32 - 1.
function validateId(id, name) {
  require('internal/errors').validateInteger(id, name, -1, 4294967295);
  return id >>> 0;
}

function fdatasync(fd, callback) {
  callback = maybeCallback(callback);
  call((err) => callback(err), 'fdatasync', getValidatedFd(fd));
}

function fchmod(fd, mode, callback) {
  callback = maybeCallback(callback);
  call((err) => callback(err), 'fchmod', getValidatedFd(fd), parseMode(mode, 0));
}

function link(existingPath, newPath, callback) {
  callback = maybeCallback(callback);
  call((err) => callback(err), 'link', getValidatedPath(existingPath, 'existingPath'),
    getValidatedPath(newPath, 'newPath'));
}

function timesOp(op) {
  return function (target, atime, mtime, callback) {
    callback = maybeCallback(callback);
    target = op === 'futimes' ? getValidatedFd(target) : getValidatedPath(target);
    call((err) => callback(err), op, target, toUnixTimestamp(atime),
      toUnixTimestamp(mtime));
  };
}

function chownOp(op) {
  return function (target, uid, gid, callback) {
    callback = maybeCallback(callback);
    target = op === 'fchown' ? getValidatedFd(target) : getValidatedPath(target);
    call((err) => callback(err), op, target, validateId(uid, 'uid'), validateId(gid, 'gid'));
  };
}

// ---- the sync API ----------------------------------------------------------------------------

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  if (typeof path === 'number') return bytes(binding.fsSync('readFd', path, encodingOf(options)));
  path = getValidatedPath(path);
  return bytes(binding.fsSync('readFile', path, stringToFlags(options.flag), encodingOf(options)));
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  if (typeof path === 'number') {
    binding.fsSync('write', path, data, -1, options.encoding);
    return;
  }
  path = getValidatedPath(path);
  binding.fsSync('writeFile', path, data, stringToFlags(options.flag),
    parseMode(options.mode, 0o666), options.encoding);
}

function appendFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  writeFileSync(path, data, { ...options, flag: options.flag || 'a' });
}

function readdirSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive) return readdirRecursive(path, options, true);
  const entries = binding.fsSync('readdir', path);
  return options.withFileTypes ? direntsOf(path, entries) : entries.map((e) => e[0]);
}

function statSync(path, options) {
  path = getValidatedPath(path);
  try {
    return makeStats(binding.fsSync('stat', path));
  } catch (e) {
    if (options && options.throwIfNoEntry === false && e.code === 'ENOENT') return undefined;
    throw e;
  }
}

function lstatSync(path, options) {
  path = getValidatedPath(path);
  try {
    return makeStats(binding.fsSync('lstat', path));
  } catch (e) {
    if (options && options.throwIfNoEntry === false && e.code === 'ENOENT') return undefined;
    throw e;
  }
}

function fstatSync(fd) {
  return makeStats(binding.fsSync('fstat', getValidatedFd(fd)));
}

function mkdirSync(path, options) {
  const [recursive, mode] = mkdirArgs(options);
  return binding.fsSync('mkdir', getValidatedPath(path), recursive, mode);
}

function rmSync(path, options) {
  options = options || {};
  path = getValidatedPath(path);
  try {
    binding.fsSync('rm', path, !!options.recursive, !!options.force);
  } catch (err) {
    throw rmError(err, path);
  }
}

function rmdirSync(path, options) {
  if (options && options.recursive) return rmSync(path, { recursive: true });
  binding.fsSync('rmdir', getValidatedPath(path));
}

function existsSync(path) {
  let p;
  try { p = getValidatedPath(path); } catch { return false; }
  return binding.fsSync('exists', p);
}

function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  const a = readArgs(fd, buffer, offsetOrOptions, length, position);
  if (a.length === 0) return 0;
  const got = binding.fsSync('read', fd, a.length, a.position);
  return binding.copyInto(buffer, a.offset, got);
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  const a = writeArgs(buffer, offsetOrOptions, length, position);
  return binding.fsSync('write', fd, a.data, a.position, a.encoding);
}

function opendirSync(path) {
  path = getValidatedPath(path);
  return new Dir(path, binding.fsSync('readdir', path));
}

const sync = {
  readFileSync,
  writeFileSync,
  appendFileSync,
  readdirSync,
  statSync,
  lstatSync,
  fstatSync,
  mkdirSync,
  rmSync,
  rmdirSync,
  existsSync,
  readSync,
  writeSync,
  opendirSync,
  openSync(path, flags, mode) {
    return binding.fsSync('open', getValidatedPath(path), stringToFlags(flags ?? 'r'), parseMode(mode, 0o666));
  },
  closeSync(fd) { binding.fsSync('close', getValidatedFd(fd)); },
  unlinkSync(path) { binding.fsSync('unlink', getValidatedPath(path)); },
  renameSync(from, to) {
    binding.fsSync('rename', getValidatedPath(from, 'oldPath'), getValidatedPath(to, 'newPath'));
  },
  copyFileSync(src, dest, mode) {
    binding.fsSync('copyFile', getValidatedPath(src, 'src'), getValidatedPath(dest, 'dest'), mode | 0);
  },
  accessSync(path, mode) { binding.fsSync('access', getValidatedPath(path), (mode ?? F_OK) | 0); },
  realpathSync(path) { return binding.fsSync('realpath', getValidatedPath(path)); },
  mkdtempSync(prefix) { return binding.fsSync('mkdtemp', getValidatedPath(prefix, 'prefix')); },
  truncateSync(path, len) { binding.fsSync('truncate', getValidatedPath(path), len || 0); },
  ftruncateSync(fd, len) { binding.fsSync('ftruncate', getValidatedFd(fd), len || 0); },
  symlinkSync(target, path) {
    binding.fsSync('symlink', getValidatedPath(target, 'target'), getValidatedPath(path));
  },
  readlinkSync(path) { return binding.fsSync('readlink', getValidatedPath(path)); },
  chmodSync(path, mode) { binding.fsSync('chmod', getValidatedPath(path), parseMode(mode, 0)); },
  fsyncSync(fd) { binding.fsSync('fsync', getValidatedFd(fd)); },
  fdatasyncSync(fd) { binding.fsSync('fdatasync', getValidatedFd(fd)); },
  fchmodSync(fd, mode) { binding.fsSync('fchmod', getValidatedFd(fd), parseMode(mode, 0)); },
  linkSync(existingPath, newPath) {
    binding.fsSync('link', getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath'));
  },
  utimesSync(path, atime, mtime) {
    binding.fsSync('utimes', getValidatedPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime));
  },
  lutimesSync(path, atime, mtime) {
    binding.fsSync('lutimes', getValidatedPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime));
  },
  futimesSync(fd, atime, mtime) {
    binding.fsSync('futimes', getValidatedFd(fd), toUnixTimestamp(atime), toUnixTimestamp(mtime));
  },
  chownSync(path, uid, gid) {
    binding.fsSync('chown', getValidatedPath(path), validateId(uid, 'uid'), validateId(gid, 'gid'));
  },
  lchownSync(path, uid, gid) {
    binding.fsSync('lchown', getValidatedPath(path), validateId(uid, 'uid'), validateId(gid, 'gid'));
  },
  fchownSync(fd, uid, gid) {
    binding.fsSync('fchown', getValidatedFd(fd), validateId(uid, 'uid'), validateId(gid, 'gid'));
  },
};
sync.realpathSync.native = sync.realpathSync;

// ---- watch (polling) -------------------------------------------------------------------------

function watchSnapshot(path) {
  const out = new Map();
  try {
    const st = makeStats(binding.fsSync('stat', path));
    if (st.isDirectory()) {
      for (const [name] of binding.fsSync('readdir', path)) {
        try {
          const s = makeStats(binding.fsSync('stat', pathModule.join(path, name)));
          out.set(name, s.mtimeMs + ':' + s.size);
        } catch {}
      }
    } else {
      out.set(pathModule.basename(path), st.mtimeMs + ':' + st.size);
    }
  } catch {}
  return out;
}

function diffSnapshots(before, after) {
  const events = [];
  for (const [name, v] of after) {
    if (!before.has(name)) events.push({ eventType: 'rename', filename: name });
    else if (before.get(name) !== v) events.push({ eventType: 'change', filename: name });
  }
  for (const name of before.keys()) {
    if (!after.has(name)) events.push({ eventType: 'rename', filename: name });
  }
  return events;
}

let FSWatcher;
function lazyWatcher() {
  if (FSWatcher) return FSWatcher;
  const EE = require('events');
  // A polling watcher (an EventEmitter: node:events is loaded by watch(), not require('fs')).
  FSWatcher = class FSWatcher extends EE {
    #timer;
    constructor(path, options, listener) {
      super();
      path = getValidatedPath(path);
      binding.fsSync('stat', path);
      let snap = watchSnapshot(path);
      const interval = (options && options.interval) || 100;
      this.#timer = setInterval(() => {
        const now = watchSnapshot(path);
        for (const e of diffSnapshots(snap, now)) this.emit('change', e.eventType, e.filename);
        snap = now;
      }, interval);
      if (options && options.persistent === false) this.#timer.unref();
      if (listener) this.on('change', listener);
    }
    close() {
      clearInterval(this.#timer);
      process.nextTick(() => this.emit('close'));
    }
    ref() { this.#timer.ref(); return this; }
    unref() { this.#timer.unref(); return this; }
  };
  return FSWatcher;
}

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  options = getOptions(options);
  return new (lazyWatcher())(filename, options, listener);
}

// fs.watchFile / fs.unwatchFile live in node:internal/fs/watchers, loaded by the first
// watchFile (no watcher can exist before it).
let watchers;
function watchFile(filename, options, listener) {
  watchers ??= require('internal/fs/watchers');
  return watchers.watchFile(filename, options, listener);
}

function unwatchFile(filename, listener) {
  if (watchers === undefined) {
    getValidatedPath(filename);
    return;
  }
  watchers.unwatchFile(filename, listener);
}

// fs.openAsBlob: a Blob whose bytes are read from the file when the Blob is read (the file
// is stat'ed now: a missing file throws), NotReadableError if it changed in between.
function openAsBlob(path, options = {}) {
  if (options === null || typeof options !== 'object') {
    throw binding.invalidArgType('options', 'of type object', options);
  }
  const type = options.type || '';
  if (typeof type !== 'string') throw binding.invalidArgType('options.type', 'of type string', type);
  path = getValidatedPath(path);
  return Promise.resolve(require('internal/blob').createBlobFromFilePath(path, { type }));
}

// ---- glob ---------------------------------------------------------------------------------------

function glob(pattern, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  if (typeof callback !== 'function') throw binding.invalidArgType('cb', 'of type function', callback);
  const { Glob } = require('internal/fs/glob');
  Array.fromAsync(new Glob(pattern, options).glob()).then((res) => callback(null, res), callback);
}

function globSync(pattern, options) {
  const { Glob } = require('internal/fs/glob');
  return new Glob(pattern, options).globSync();
}

// ---- readv / writev ---------------------------------------------------------------------------

function validateBufferArray(buffers, name = 'buffers') {
  if (!Array.isArray(buffers) || !buffers.every((b) => ArrayBuffer.isView(b))) {
    throw binding.invalidArgType(name, 'an ArrayBufferView[]', buffers);
  }
  return buffers;
}

function viewBytes(v) {
  return v instanceof Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  const pos = typeof position === 'number' ? position : -1;
  return binding.fsSync('write', fd, binding.concatBytes(buffers.map(viewBytes)), pos, null);
}

function writev(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback = maybeCallback(callback || position);
  if (buffers.length === 0) {
    process.nextTick(callback, null, 0, buffers);
    return;
  }
  const pos = typeof position === 'number' ? position : -1;
  call((err, n) => (err ? callback(err) : callback(null, n, buffers)),
    'write', fd, binding.concatBytes(buffers.map(viewBytes)), pos, null);
}

// libuv's read with no buffers: EINVAL (Node throws it; readv's callback gets it at once).
function readvEinval() {
  const e = new Error('EINVAL: invalid argument, read');
  e.errno = -22;
  e.code = 'EINVAL';
  e.syscall = 'read';
  return e;
}

// Each buffer is filled in turn (one read each, as the readv(2) Node calls); a short read
// ends it, as end of file.
function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) throw readvEinval();
  let pos = typeof position === 'number' ? position : -1;
  let total = 0;
  for (const b of buffers) {
    const view = viewBytes(b);
    if (view.byteLength === 0) continue;
    const got = binding.fsSync('read', fd, view.byteLength, pos);
    const n = binding.copyInto(view, 0, got);
    total += n;
    if (pos !== -1) pos += n;
    if (n < view.byteLength) break;
  }
  return total;
}

function readv(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback = maybeCallback(callback || position);
  if (buffers.length === 0) {
    callback(readvEinval(), 0, buffers);
    return;
  }
  let pos = typeof position === 'number' ? position : -1;
  let total = 0;
  let i = 0;
  const next = () => {
    while (i < buffers.length && buffers[i].byteLength === 0) i++;
    if (i === buffers.length) {
      callback(null, total, buffers);
      return;
    }
    const view = viewBytes(buffers[i++]);
    call((err, got) => {
      if (err) return callback(err, 0, buffers);
      const n = binding.copyInto(view, 0, got);
      total += n;
      if (pos !== -1) pos += n;
      if (n < view.byteLength) callback(null, total, buffers);
      else next();
    }, 'read', fd, view.byteLength, pos);
  };
  next();
}

// A temporary directory removed (recursively) by `remove()` or `using`.
function mkdtempDisposableSync(prefix, options) {
  const path = binding.fsSync('mkdtemp', getValidatedPath(prefix, 'prefix'));
  const fullPath = pathModule.resolve(process.cwd(), path);
  const remove = () => { binding.fsSync('rm', fullPath, true, false); };
  return {
    path,
    remove,
    [Symbol.dispose]() { remove(); },
  };
}

// ---- exports --------------------------------------------------------------------------------

// ReadStream and WriteStream load node:stream, which costs far more than the rest of fs: they
// are made on first use, as Node's lib/fs.js does (`lazyLoadStreams()`), and the exports are
// getter/setter pairs so a monkey patch (`fs.ReadStream = X`, graceful-fs) replaces what
// createReadStream makes.
let ReadStream;
let WriteStream;
let FileReadStream;
let FileWriteStream;
let streamsModule;
let promises;

// fs.promises (node:internal/fs/promises) is made on first use too, as in Node.
function lazyPromises() {
  promises ??= require('internal/fs/promises');
  return promises;
}

function lazyStreams() {
  streamsModule ??= require('internal/fs/streams');
  return streamsModule;
}

function lazyLoadStreams() {
  if (!ReadStream) {
    ({ ReadStream, WriteStream } = lazyStreams());
    FileReadStream = ReadStream;
    FileWriteStream = WriteStream;
  }
}

function createReadStream(path, options) {
  lazyLoadStreams();
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  lazyLoadStreams();
  return new WriteStream(path, options);
}

module.exports = {
  appendFile,
  appendFileSync,
  access,
  accessSync: sync.accessSync,
  chown: chownOp('chown'),
  chownSync: sync.chownSync,
  chmod,
  chmodSync: sync.chmodSync,
  close,
  closeSync: sync.closeSync,
  copyFile,
  copyFileSync: sync.copyFileSync,
  cp,
  cpSync,
  createReadStream,
  createWriteStream,
  exists,
  existsSync,
  fchown: chownOp('fchown'),
  fchownSync: sync.fchownSync,
  fchmod,
  fchmodSync: sync.fchmodSync,
  fdatasync,
  fdatasyncSync: sync.fdatasyncSync,
  fstat,
  fstatSync,
  fsync,
  fsyncSync: sync.fsyncSync,
  ftruncate,
  ftruncateSync: sync.ftruncateSync,
  futimes: timesOp('futimes'),
  futimesSync: sync.futimesSync,
  glob,
  globSync,
  lchown: chownOp('lchown'),
  lchownSync: sync.lchownSync,
  // Only on systems with O_SYMLINK (macOS), as in Node: the keys exist, undefined, on Linux.
  lchmod: undefined,
  lchmodSync: undefined,
  link,
  linkSync: sync.linkSync,
  lstat: statLike('lstat'),
  lstatSync,
  lutimes: timesOp('lutimes'),
  lutimesSync: sync.lutimesSync,
  mkdir,
  mkdirSync,
  mkdtemp,
  mkdtempSync: sync.mkdtempSync,
  mkdtempDisposableSync,
  open,
  openSync: sync.openSync,
  openAsBlob,
  readdir,
  readdirSync,
  read,
  readSync,
  readv,
  readvSync,
  readFile,
  readFileSync,
  readlink: simple('readlink'),
  readlinkSync: sync.readlinkSync,
  realpath,
  realpathSync: sync.realpathSync,
  rename: simple('rename', 2),
  renameSync: sync.renameSync,
  rm,
  rmSync,
  rmdir,
  rmdirSync,
  stat: statLike('stat'),
  statfs,
  statSync,
  statfsSync,
  symlink,
  symlinkSync: sync.symlinkSync,
  truncate,
  truncateSync: sync.truncateSync,
  unwatchFile,
  unlink: simple('unlink'),
  unlinkSync: sync.unlinkSync,
  utimes: timesOp('utimes'),
  utimesSync: sync.utimesSync,
  watch,
  watchFile,
  writeFile,
  writeFileSync,
  write,
  writeSync,
  writev,
  writevSync,
  Dirent,
  Stats,

  get ReadStream() {
    lazyLoadStreams();
    return ReadStream;
  },
  set ReadStream(val) {
    ReadStream = val;
  },
  get WriteStream() {
    lazyLoadStreams();
    return WriteStream;
  },
  set WriteStream(val) {
    WriteStream = val;
  },
  // Separate from ReadStream/WriteStream, as in Node: graceful-fs patches them apart.
  get FileReadStream() {
    lazyLoadStreams();
    return FileReadStream;
  },
  set FileReadStream(val) {
    FileReadStream = val;
  },
  get FileWriteStream() {
    lazyLoadStreams();
    return FileWriteStream;
  },
  set FileWriteStream(val) {
    FileWriteStream = val;
  },

  _toUnixTimestamp: toUnixTimestamp,
  Dir,
  opendir,
  opendirSync,
};

// F_OK, R_OK, W_OK, X_OK: non-enumerable getters warning once (DEP0176), as Node 24's.
let accessWarned = false;
for (const name of ['F_OK', 'R_OK', 'W_OK', 'X_OK']) {
  const value = constants[name];
  Object.defineProperty(module.exports, name, {
    get: function deprecated() {
      if (!accessWarned) {
        accessWarned = true;
        binding.emitWarning('[DEP0176] DeprecationWarning',
          `fs.${name} is deprecated, use fs.constants.${name} instead`);
      }
      return value;
    },
    enumerable: false,
    configurable: false,
  });
}

// A failing sync call's stack as Node 24 prints it (v24.22.3): Node's own fs frames, then the
// script's. jsgen's fs.js has other lines (and sometimes other helpers), so the common
// functions are wrapped: a system error gets the frames Node's function shows for it (they
// depend on its fast paths: a utf8 readFileSync is one native call, others go through
// openSync), and the caller's frames recaptured below the wrapper. Errors whose frames in
// Node are not known here keep jsgen's.
const kOpenSyncFrame = 'Object.openSync (node:fs:621:18)';
function utf8Option(options) {
  const e = typeof options === 'string' ? options : options && options.encoding;
  return e === 'utf8' || e === 'utf-8';
}
function utf8Write(data, options) {
  return typeof data === 'string' &&
    (options == null || utf8Option(options) || (typeof options === 'object' && options.encoding === undefined));
}
const bySyscall = (syscall, frame) => (err) => (err.syscall === syscall ? [frame] : null);
const kSyncFrames = {
  __proto__: null,
  readFileSync: (err, path, options) => {
    if (utf8Option(options)) return ['Object.readFileSync (node:fs:483:20)'];
    return err.syscall === 'open' ? [kOpenSyncFrame, 'Object.readFileSync (node:fs:487:35)'] : null;
  },
  writeFileSync: (err, path, data, options) => {
    if (err.syscall !== 'open') return null;
    return utf8Write(data, options) ? ['Object.writeFileSync (node:fs:2482:20)']
      : [kOpenSyncFrame, 'Object.writeFileSync (node:fs:2496:35)'];
  },
  appendFileSync: (err, path, data, options) => {
    if (err.syscall !== 'open') return null;
    const write = utf8Write(data, options) ? ['Object.writeFileSync (node:fs:2482:20)']
      : [kOpenSyncFrame, 'Object.writeFileSync (node:fs:2496:35)'];
    return [...write, 'Object.appendFileSync (node:fs:2564:6)'];
  },
  accessSync: bySyscall('access', 'Object.accessSync (node:fs:244:11)'),
  chmodSync: bySyscall('chmod', 'Object.chmodSync (node:fs:2110:11)'),
  copyFileSync: bySyscall('copyfile', 'Object.copyFileSync (node:fs:3210:11)'),
  lstatSync: bySyscall('lstat', 'Object.lstatSync (node:fs:1770:25)'),
  mkdirSync: bySyscall('mkdir', 'Object.mkdirSync (node:fs:1410:26)'),
  openSync: bySyscall('open', kOpenSyncFrame),
  readdirSync: bySyscall('scandir', 'Object.readdirSync (node:fs:1630:26)'),
  readlinkSync: bySyscall('readlink', 'Object.readlinkSync (node:fs:1839:18)'),
  renameSync: bySyscall('rename', 'Object.renameSync (node:fs:1073:11)'),
  rmSync: bySyscall('lstat', 'Object.rmSync (node:fs:1281:16)'),
  rmdirSync: bySyscall('rmdir', 'Object.rmdirSync (node:fs:1236:11)'),
  statSync: bySyscall('stat', 'Object.statSync (node:fs:1794:25)'),
  unlinkSync: bySyscall('unlink', 'Object.unlinkSync (node:fs:2000:11)'),
};
for (const name of Object.keys(kSyncFrames)) {
  const inner = module.exports[name];
  const framesFor = kSyncFrames[name];
  const wrapped = {
    [name](...args) {
      try {
        return inner.apply(this, args);
      } catch (err) {
        if (err !== null && typeof err === 'object' && typeof err.syscall === 'string' &&
            typeof err.stack === 'string') {
          let frames = framesFor(err, ...args);
          if (frames === null) {
            // Not known: jsgen's own frames, without the wrapper's.
            frames = [];
            for (const l of err.stack.split('\n').slice(1)) {
              if (!l.includes('(node:')) break;
              frames.push(l.replace(/^ {4}at /, ''));
            }
            frames.pop();
          }
          {
            const holder = {};
            Error.captureStackTrace(holder, wrapped);
            const lines = frames.map((f) => `    at ${f}`).concat(holder.stack.split('\n').slice(1))
              .slice(0, Math.max(0, Number(Error.stackTraceLimit) || 0));
            Object.defineProperty(err, 'stack', {
              value: [err.stack.split('\n')[0], ...lines].join('\n'),
              writable: true, configurable: true, enumerable: false,
            });
          }
        }
        throw err;
      }
    },
  }[name];
  Object.defineProperty(wrapped, 'length', { value: inner.length });
  module.exports[name] = wrapped;
}

Object.defineProperties(module.exports, {
  constants: { value: constants, enumerable: true, configurable: false, writable: false },
  promises: { get: function get() { return lazyPromises(); }, enumerable: true, configurable: true },
});

Object.defineProperty(module.exports, '_jsgen', {
  value: {
    getStdin: () => lazyStreams().getStdin(),
    DirentFromStats,
    // For node:internal/fs/streams and node:internal/fs/promises.
    internals: {
      open, close, call, getOptions, makeStatFs, getValidatedPath, Dir, bytes, constants, cpAsync,
      diffSnapshots, direntsOf, encodingOf, lazyStreams, makeStats, mkdirArgs, parseMode,
      readdirRecursive, rmError, stringToFlags, toUnixTimestamp, validateCpOptions, validateId,
      watchSnapshot, writeArgs,
    },
  },
});
