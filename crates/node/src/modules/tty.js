'use strict';
// node:tty, after Node v24's lib/tty.js (MIT, Copyright Node.js contributors). The streams
// are fs streams on the descriptor (Node's are net.Sockets on a uv_tty handle); isatty,
// the window size and the color depth come from the system and the environment.

const fs = require('fs');
const { inherits } = require('util');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && binding.isatty(fd);
}

function checkFd(fd) {
  // eslint-disable-next-line no-bitwise
  if (fd >> 0 !== fd || fd < 0) {
    throw binding.nodeError('RangeError', 'ERR_INVALID_FD', `"fd" must be a positive integer: ${fd}`);
  }
  if (!binding.isatty(fd)) {
    const err = binding.nodeError('Error', 'ERR_TTY_INIT_FAILED',
                                  'TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)');
    err.errno = -22;
    err.syscall = 'uv_tty_init';
    throw err;
  }
}

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  checkFd(fd);
  fs.ReadStream.call(this, null, { highWaterMark: 0, ...options, fd, autoClose: false });
  this.isRaw = false;
  this.isTTY = true;
}
inherits(ReadStream, fs.ReadStream);

ReadStream.prototype.setRawMode = function(flag) {
  this.isRaw = !!flag;
  return this;
};

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  checkFd(fd);
  fs.WriteStream.call(this, null, { fd, autoClose: false });
  this.isTTY = true;
  const size = binding.windowSize(fd);
  if (size) {
    this.columns = size[0];
    this.rows = size[1];
  }
}
inherits(WriteStream, fs.WriteStream);

WriteStream.prototype.isTTY = true;

WriteStream.prototype.getColorDepth = function(env = process.env) {
  return binding.colorDepthOf(env);
};

WriteStream.prototype.hasColors = function(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else if (!Number.isInteger(count)) {
    throw binding.invalidArgType('count', 'of type number', count);
  } else if (count < 2) {
    throw binding.nodeError('RangeError', 'ERR_OUT_OF_RANGE',
                            `The value of "count" is out of range. It must be >= 2. Received ${count}`);
  }
  return count <= 2 ** this.getColorDepth(env);
};

WriteStream.prototype._refreshSize = function() {
  const size = binding.windowSize(this.fd);
  if (!size) return;
  const [newCols, newRows] = size;
  if (this.columns !== newCols || this.rows !== newRows) {
    this.columns = newCols;
    this.rows = newRows;
    this.emit('resize');
  }
};

WriteStream.prototype.getWindowSize = function() {
  return [this.columns, this.rows];
};

const readline = () => require('readline');
WriteStream.prototype.cursorTo = function(x, y, cb) { return readline().cursorTo(this, x, y, cb); };
WriteStream.prototype.moveCursor = function(dx, dy, cb) { return readline().moveCursor(this, dx, dy, cb); };
WriteStream.prototype.clearLine = function(dir, cb) { return readline().clearLine(this, dir, cb); };
WriteStream.prototype.clearScreenDown = function(cb) { return readline().clearScreenDown(this, cb); };

module.exports = { isatty, ReadStream, WriteStream };
