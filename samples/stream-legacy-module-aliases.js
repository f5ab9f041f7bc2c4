// The legacy `_stream_*` modules export the stream classes themselves (old tutorials use them
// with util.inherits).
const Readable = require('_stream_readable');
const Transform = require('node:_stream_transform');
const stream = require('stream');
console.log(Readable === stream.Readable, Transform === stream.Transform, require('_stream_writable') === stream.Writable, require('_stream_duplex') === stream.Duplex, require('_stream_passthrough') === stream.PassThrough);
const util = require('util');
function Upper() { Transform.call(this); }
util.inherits(Upper, Transform);
Upper.prototype._transform = function (chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); };
const u = new Upper();
u.on('data', (d) => console.log(d.toString()));
u.end('old style stream');
