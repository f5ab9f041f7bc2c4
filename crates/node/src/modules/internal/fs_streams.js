'use strict';
// node:internal/fs/streams — fs.ReadStream and fs.WriteStream (Node v24's
// lib/internal/fs/streams.js, MIT) and process.stdin's file stream. Loaded on first use, as
// Node's lib/fs.js does (`lazyLoadStreams()`): `require('fs')` alone must not load node:stream.

const stream = require('stream');
const { Readable, Writable } = stream;
const { toBuffer, errorOrDestroy } = stream._jsgen;
const { open, close, call, getOptions, getValidatedPath } = require('fs')._jsgen.internals;

const kIsPerformingIO = Symbol('kIsPerformingIO');
const kIoDone = Symbol('kIoDone');

function streamOpen(stream, callback) {
  if (typeof stream.fd === 'number') {
    callback();
    return;
  }
  open(stream.path, stream.flags, stream.mode, (er, fd) => {
    if (er) {
      callback(er);
    } else {
      stream.fd = fd;
      callback();
      stream.emit('open', stream.fd);
      stream.emit('ready');
    }
  });
}

const kFileHandle = Symbol('kHandle');

function streamClose(stream, err, cb) {
  const handle = stream[kFileHandle];
  if (handle !== undefined) {
    // A stream over a FileHandle (`filehandle.createReadStream()`, `readLines()`) closes
    // the handle itself, as Node's FileHandleOperations: its fd becomes -1, 'close' is emitted.
    stream.fd = null;
    handle.close().then(() => cb(err), (er) => cb(er || err));
  } else if (!stream.fd && stream.fd !== 0) {
    cb(err);
  } else {
    const fd = stream.fd;
    stream.fd = null;
    close(fd, (er) => { cb(er || err); });
  }
}

function checkRange(name, v) {
  if (!Number.isInteger(v) || v < 0) {
    if (typeof v !== 'number') throw binding.invalidArgType(name, 'of type number', v);
    throw binding.nodeError('RangeError', 'ERR_OUT_OF_RANGE',
      `The value of "${name}" is out of range. It must be >= 0 && <= 9007199254740991. Received ${v}`);
  }
}

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = { ...getOptions(options) };
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  if (options.autoDestroy === undefined) options.autoDestroy = false;
  if (options.fd == null) {
    this.fd = null;
    this.path = getValidatedPath(path);
    this.flags = options.flags === undefined ? 'r' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
  } else {
    this.fd = typeof options.fd === 'number' ? options.fd : options.fd.fd;
    if (typeof options.fd === 'object') this[kFileHandle] = options.fd;
  }
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  this.start = options.start;
  this.end = options.end;
  this.pos = undefined;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    checkRange('start', this.start);
    this.pos = this.start;
  }
  if (this.end === undefined) {
    this.end = Infinity;
  } else if (this.end !== Infinity) {
    checkRange('end', this.end);
    if (this.start !== undefined && this.start > this.end) {
      throw binding.nodeError('RangeError', 'ERR_OUT_OF_RANGE',
        `The value of "start" is out of range. It must be <= "end" (here: ${this.end}). Received ${this.start}`);
    }
  }
  Readable.call(this, options);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'autoClose', {
  get() { return this._readableState.autoDestroy; },
  set(val) { this._readableState.autoDestroy = val; },
});
Object.defineProperty(ReadStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

ReadStream.prototype._construct = function (callback) { streamOpen(this, callback); };

ReadStream.prototype._read = function (n) {
  n = this.pos !== undefined ?
    Math.min(this.end - this.pos + 1, n) :
    Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  this[kIsPerformingIO] = true;
  const id = call((er, got) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      errorOrDestroy(this, er);
    } else if (got.length > 0) {
      if (this.pos !== undefined) this.pos += got.length;
      this.bytesRead += got.length;
      this.push(toBuffer(got));
    } else {
      this.push(null);
    }
  }, 'read', this.fd, n, this.pos === undefined ? -1 : this.pos);
  if (this.fd === 0 && this[kStdinRef]) this[kStdinRef](id);
};

ReadStream.prototype._destroy = function (err, cb) {
  if (this[kIsPerformingIO]) this.once(kIoDone, (er) => streamClose(this, err || er, cb));
  else streamClose(this, err, cb);
};

ReadStream.prototype.close = function (cb) {
  if (typeof cb === 'function') stream.finished(this, cb);
  this.destroy();
};

const kStdinRef = Symbol('kStdinRef');

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = { ...getOptions(options) };
  options.decodeStrings = true;
  if (options.fd == null) {
    this.fd = null;
    this.path = getValidatedPath(path);
    this.flags = options.flags === undefined ? 'w' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
  } else {
    this.fd = typeof options.fd === 'number' ? options.fd : options.fd.fd;
    if (typeof options.fd === 'object') this[kFileHandle] = options.fd;
  }
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  this.flush = options.flush ?? false;
  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    checkRange('start', this.start);
    this.pos = this.start;
  }
  Writable.call(this, options);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'autoClose', {
  get() { return this._writableState.autoDestroy; },
  set(val) { this._writableState.autoDestroy = val; },
});
Object.defineProperty(WriteStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

WriteStream.prototype._construct = function (callback) { streamOpen(this, callback); };

// One write of `data` at the stream's position (`_write` and `_writev`'s concatenated chunks).
function writeAll(stream, data, cb) {
  stream[kIsPerformingIO] = true;
  call((er, bytesWritten) => {
    stream[kIsPerformingIO] = false;
    if (stream.destroyed) {
      cb(er);
      return stream.emit(kIoDone, er);
    }
    if (er) return cb(er);
    stream.bytesWritten += bytesWritten;
    cb();
  }, 'write', stream.fd, data, stream.pos === undefined ? -1 : stream.pos, null);
  if (stream.pos !== undefined) stream.pos += data.length;
}

WriteStream.prototype._write = function (data, encoding, cb) {
  writeAll(this, data, cb);
};

WriteStream.prototype._writev = function (data, cb) {
  writeAll(this, binding.concatBytes(data.map((d) => d.chunk)), cb);
};

WriteStream.prototype._destroy = function (err, cb) {
  if (this[kIsPerformingIO]) this.once(kIoDone, (er) => streamClose(this, err || er, cb));
  else streamClose(this, err, cb);
};

WriteStream.prototype.close = function (cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};
WriteStream.prototype.destroySoon = WriteStream.prototype.end;


// process.stdin: a file stream on fd 0 (reads happen on the I/O pool). A read waiting on
// stdin keeps the process alive only while the stream wants data (not paused, not closed).
let stdin;
function getStdin() {
  if (stdin) return stdin;
  if (!binding.stdinAllowed()) {
    // --sandbox with a terminal: no input at all.
    stdin = new Readable({ read() { this.push(null); } });
    stdin.fd = 0;
    return stdin;
  }
  stdin = new ReadStream(null, { fd: 0, highWaterMark: 65536, autoClose: false });
  let pending = 0;
  let refed = true;
  stdin[kStdinRef] = (id) => {
    pending = id;
    binding.ioRef(id, refed);
  };
  const setRef = (r) => {
    refed = r;
    if (pending) binding.ioRef(pending, r);
  };
  stdin.on('pause', () => setRef(false));
  stdin.on('resume', () => setRef(true));
  const onEnd = () => { setRef(false); pending = 0; };
  stdin.on('end', onEnd);
  stdin.on('close', onEnd);
  const destroy = stdin._destroy;
  stdin._destroy = function (err, cb) {
    setRef(false);
    // A read may never finish (a terminal): close without waiting for it.
    this[kIsPerformingIO] = false;
    cb(err);
  };
  void destroy;
  stdin.isTTY = binding.stdinIsTTY() || undefined;
  stdin.setRawMode = function () { return this; };
  return stdin;
}


module.exports = { ReadStream, WriteStream, getStdin };
