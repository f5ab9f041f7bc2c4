// string_decoder as Node's native decoder: characters split across chunks (UTF-8, UTF-16
// surrogate pairs, base64 groups), lastNeed/lastTotal/lastChar, end(), and the decoder's
// inspected state (Symbol(kNativeDecoder)).
const { StringDecoder } = require('string_decoder');
const d = new StringDecoder('utf16le');
const b = Buffer.from('😀a', 'utf16le');
console.log(JSON.stringify(d.write(b.subarray(0, 2))), d.lastNeed, d.lastTotal, d.lastChar);
console.log(JSON.stringify(d.write(b.subarray(2, 3))), d.lastNeed, d.lastTotal);
console.log(JSON.stringify(d.write(b.subarray(3))), JSON.stringify(d.end()));
const u = new StringDecoder('utf8');
console.log(JSON.stringify(u.write(Buffer.from([0xf0, 0x9f]))), u.lastNeed, u.lastTotal, u.lastChar, u);
console.log(JSON.stringify(u.end()));
const b64 = new StringDecoder('base64');
console.log(b64.write(Buffer.from('ab')), b64.lastNeed, b64.lastTotal, b64.end());
console.log(JSON.stringify(u.write(Buffer.from([0xe2]))), JSON.stringify(u.write(Buffer.from([0x41]))), JSON.stringify(u.end(Buffer.from([0xc3]))));
const h = new StringDecoder('hex'); console.log(h.write(Buffer.from([255])), h);
console.log(new StringDecoder('latin1'), new StringDecoder('ucs2').encoding, new StringDecoder().encoding);
try { new StringDecoder('nope'); } catch (e) { console.log(e.name, e.code, e.message); }
const { Readable } = require('node:stream');
const text = Buffer.from('héllo wörld 😀 ✓', 'utf16le');
const chunks = [];
for (let i = 0; i < text.length; i += 3) chunks.push(text.subarray(i, i + 3));
const r = Readable.from(chunks);
r.setEncoding('utf16le');
let out = '';
r.on('data', (s) => { out += s; });
r.on('end', () => console.log(JSON.stringify(out)));
