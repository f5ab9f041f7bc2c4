console.log(Buffer.from('hi'), [Buffer.alloc(60)], {b: Buffer.from('abc')});
const b = Buffer.from('hey'); b.foo = 1; console.log(b);
const x = Buffer.from('héllo wörld €😀');
console.log(x, x.length, x.toString(), x.toString('hex'), x.toString('base64'), x.toString('base64url'), x.toString('latin1'), x.toString('ascii'), x.toString('utf16le'));
console.log(Buffer.from('68656c6c6f', 'hex').toString(), Buffer.from('aGVsbG8=', 'base64').toString(), Buffer.from('hello', 'utf16le'));
console.log(Buffer.from([1, 2, 3, 256, -1]), Buffer.from(new Uint16Array([1, 0x102])), Buffer.from({length: 2, 0: 5}));
const ab = new ArrayBuffer(8); const v = Buffer.from(ab, 2, 4); v[0] = 9; console.log(new Uint8Array(ab), v.byteOffset);
console.log(Buffer.concat([Buffer.from('a'), Buffer.from('bc')]), Buffer.byteLength('€'), Buffer.isBuffer(b), Buffer.isEncoding('UTF-8'), Buffer.compare(Buffer.from('a'), Buffer.from('b')));
const s = Buffer.from('abcdef'); const sl = s.slice(1, 3); sl[0] = 0x7a; console.log(s.toString(), sl.toString(), s.subarray(-2).toString());
console.log(s.equals(Buffer.from('azcdef')), s.compare(Buffer.from('b')), s.indexOf('cd'), s.indexOf(0x64), s.lastIndexOf('c'), s.includes('zz'), s.indexOf(Buffer.from('ef')));
console.log(JSON.stringify(Buffer.from('hi')), Buffer.from('hi').toJSON());
const w = Buffer.alloc(16);
w.writeUInt32BE(0xdeadbeef, 0); w.writeInt16LE(-2, 4); w.writeDoubleLE(1.5, 8); console.log(w);
console.log(w.readUInt32BE(0).toString(16), w.readInt16LE(4), w.readDoubleLE(8), w.readBigUInt64LE(8), w.readUIntBE(0, 3));
for (const e of [() => w.readUInt32BE(14), () => w.writeUInt8(300), () => Buffer.from(5), () => Buffer.alloc(-1), () => Buffer.from('x', 'nope'), () => w.toString('bad'), () => Buffer.from('ab').swap32(), () => w.readInt8(1.5)]) {
  try { e(); } catch (err) { console.log(err.name, err.code, err.message); }
}
console.log(Buffer.alloc(5, 'ab'), Buffer.alloc(4).fill(0x41, 1), Buffer.from('1234').swap16(), [...Buffer.from('ab')], Buffer.from('ab').entries().next());
const c = Buffer.alloc(4); Buffer.from('xyz').copy(c, 1); console.log(c, c.write('hi', 2), c);
console.log(Buffer.of(1,2), Buffer.allocUnsafe(3).length, Buffer.from('hi').buffer.byteLength, typeof Buffer, Buffer.name, Buffer.length);
console.log(require('buffer').isUtf8(Buffer.from([0xff])), require('buffer').isAscii(Buffer.from('a')), require('buffer').transcode(Buffer.from('€'), 'utf8', 'utf16le'));
console.log(Buffer.from('hello').toString('utf8', 1, 3), Buffer.from(new Uint8Array([1,2])) instanceof Uint8Array, Object.prototype.toString.call(Buffer.alloc(1)));
