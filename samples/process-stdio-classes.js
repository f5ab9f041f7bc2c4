// process.stdout and process.stderr are named as Node's classes for their descriptors: a Socket
// for a pipe (the golden test's stdout and stderr), SyncWriteStream for a file, WriteStream for
// a terminal; `_type` says which. (Its .out was made with both on pipes, as the golden test
// runs it: `node X.js 2> >(cat >&2) | cat`.)
const s = process.stdout, e = process.stderr;
console.log(s.constructor.name, s._type, e.constructor.name, e._type, s instanceof require('stream').Writable, s._isStdio);
