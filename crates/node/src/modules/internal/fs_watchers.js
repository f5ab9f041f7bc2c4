'use strict';
// node:internal/fs/watchers — fs.watchFile's StatWatcher (Node 24's lib/internal/fs/watchers.js)
// over a polling handle that does what libuv's uv_fs_poll does: stat the file now, then every
// `interval` ms from the start; call back with (status, prev, curr) when a stat differs from
// the last good one (times, size, mode, owner, inode, device), when a stat first fails (prev:
// the last good stat, curr: zeros) and when it succeeds again. The first good stat only sets
// `prev`. Loaded by the first fs.watchFile, so `require('fs')` does not parse it.

const EE = require('events');
const pathModule = require('path');
const { call, getValidatedPath, makeStats } = require('fs')._jsgen.internals;
const { validateUint32 } = require('internal/errors');

const ownerSymbol = Symbol('owner_symbol');
const kOldStatus = Symbol('kOldStatus');
const kUseBigint = Symbol('kUseBigint');
const kFSStatWatcherStart = Symbol('kFSStatWatcherStart');
const KFSStatWatcherRefCount = Symbol('KFSStatWatcherRefCount');
const KFSStatWatcherMaxRefCount = Symbol('KFSStatWatcherMaxRefCount');
const kFSStatWatcherAddOrCleanRef = Symbol('kFSStatWatcherAddOrCleanRef');

// The stat fields uv_fs_poll compares (binding order: dev, mode, nlink, uid, gid, rdev,
// blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs).
const kCompared = [0, 1, 3, 4, 7, 8, 11, 12, 13];
const kZeroStat = Object.freeze([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

// The native handle's part (Node's C++ StatWatcher, which inspect shows as `[StatWatcher]`).
const Handle = class StatWatcher {
  #path = '';
  #interval = 1;
  #refed = true;
  #closed = false;
  #timer = null;
  #start = 0;
  // uv_fs_poll's busy_polling: 0 before the first stat, 1 after a good one, else the error.
  #busy = 0;
  #last = kZeroStat;

  start(path, interval) {
    this.#path = path;
    this.#interval = interval || 1;
    this.#poll();
  }

  #poll() {
    this.#timer = null;
    this.#start = Date.now();
    // A stat in flight keeps the process alive even when the watcher is unref'd, as libuv's
    // requests do.
    call((err, stat) => this.#polled(err, stat), 'stat', this.#path);
  }

  #polled(err, stat) {
    if (this.#closed) return;
    if (err) {
      if (this.#busy !== err.errno) {
        this.#busy = err.errno;
        this.onchange(err.errno, kZeroStat, this.#last);
      }
    } else {
      const changed = this.#busy < 0 ||
        (this.#busy !== 0 && kCompared.some((i) => this.#last[i] !== stat[i]));
      const prev = this.#last;
      this.#last = stat;
      this.#busy = 1;
      if (changed) this.onchange(0, stat, prev);
    }
    if (this.#closed) return;
    const elapsed = Math.max(Date.now() - this.#start, 0);
    this.#timer = setTimeout(() => this.#poll(), this.#interval - (elapsed % this.#interval));
    if (!this.#refed) this.#timer.unref();
  }

  ref() {
    this.#refed = true;
    this.#timer?.ref();
  }

  unref() {
    this.#refed = false;
    this.#timer?.unref();
  }

  close() {
    this.#closed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
};

function emitStop(self) {
  self.emit('stop');
}

// Node's onchange (called on the handle): the listener gets (current, previous) Stats.
function onchange(newStatus, curr, prev) {
  const self = this[ownerSymbol];
  if (self[kOldStatus] === -1 && newStatus === -1 && curr[2] === prev[2]) return;
  self[kOldStatus] = newStatus;
  self.emit('change', makeStats(curr), makeStats(prev));
}

function StatWatcher(bigint) {
  Reflect.apply(EE, this, []);
  this._handle = null;
  this[kOldStatus] = -1;
  this[kUseBigint] = bigint;
  this[KFSStatWatcherRefCount] = 1;
  this[KFSStatWatcherMaxRefCount] = 1;
}
Object.setPrototypeOf(StatWatcher.prototype, EE.prototype);
Object.setPrototypeOf(StatWatcher, EE);

StatWatcher.prototype[kFSStatWatcherStart] = function (filename, persistent, interval) {
  if (this._handle !== null) return;
  this._handle = new Handle();
  this._handle[ownerSymbol] = this;
  this._handle.onchange = onchange;
  if (!persistent) this.unref();
  this[kOldStatus] = -1;
  validateUint32(interval, 'interval');
  this._handle.start(filename, interval + 0);
};

// Node's watchers start when made; `start()` is kept for compatibility and does nothing.
StatWatcher.prototype.start = () => {};

// Stops polling and emits 'stop' on the next tick (fs.unwatchFile calls it).
StatWatcher.prototype.stop = function () {
  if (this._handle === null) return;
  process.nextTick(emitStop, this);
  this._handle.close();
  this._handle = null;
};

StatWatcher.prototype[kFSStatWatcherAddOrCleanRef] = function (operate) {
  if (operate === 'add') {
    this[KFSStatWatcherRefCount]++;
    this[KFSStatWatcherMaxRefCount]++;
  } else if (operate === 'clean') {
    this[KFSStatWatcherMaxRefCount]--;
    this.unref();
  } else if (operate === 'cleanAll') {
    this[KFSStatWatcherMaxRefCount] = 0;
    this[KFSStatWatcherRefCount] = 0;
    this._handle?.unref();
  }
};

StatWatcher.prototype.ref = function () {
  if (this[KFSStatWatcherRefCount] === this[KFSStatWatcherMaxRefCount]) return this;
  if (this._handle && this[KFSStatWatcherRefCount]++ === 0) this._handle.ref();
  return this;
};

StatWatcher.prototype.unref = function () {
  if (this[KFSStatWatcherRefCount] === 0) return this;
  if (this._handle && --this[KFSStatWatcherRefCount] === 0) this._handle.unref();
  return this;
};

// fs.watchFile / fs.unwatchFile (Node 24's lib/fs.js): one StatWatcher per resolved path.
const statWatchers = new Map();
function watchFile(filename, options, listener) {
  filename = pathModule.resolve(getValidatedPath(filename));
  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }
  options = { interval: 5007, persistent: true, ...options };
  if (typeof listener !== 'function') throw binding.invalidArgType('listener', 'of type function', listener);
  let stat = statWatchers.get(filename);
  if (stat === undefined) {
    stat = new StatWatcher(options.bigint);
    stat[kFSStatWatcherStart](filename, options.persistent, options.interval);
    statWatchers.set(filename, stat);
  } else {
    stat[kFSStatWatcherAddOrCleanRef]('add');
  }
  stat.addListener('change', listener);
  return stat;
}

function unwatchFile(filename, listener) {
  filename = pathModule.resolve(getValidatedPath(filename));
  const stat = statWatchers.get(filename);
  if (stat === undefined) return;
  if (typeof listener === 'function') {
    const before = stat.listenerCount('change');
    stat.removeListener('change', listener);
    if (stat.listenerCount('change') < before) stat[kFSStatWatcherAddOrCleanRef]('clean');
  } else {
    stat.removeAllListeners('change');
    stat[kFSStatWatcherAddOrCleanRef]('cleanAll');
  }
  if (stat.listenerCount('change') === 0) {
    stat.stop();
    statWatchers.delete(filename);
  }
}

module.exports = {
  StatWatcher,
  watchFile,
  unwatchFile,
};
