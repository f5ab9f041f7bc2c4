for (const l of ['utf8', ' UTF-8 ', 'latin1', 'ascii', 'utf-16le', 'utf-16', 'utf-16be', 'shift_jis', 'gbk', 'x-user-defined', 'replacement', 'iso-8859-2', 'bogus', 'koi8-r', 'big5', 'euc-jp']) {
  try { const d = new TextDecoder(l); console.log(l, d.encoding); } catch (e) { console.log(l, e.name, e.code, e.message); }
}
const d = new TextDecoder();
const bytes = new TextEncoder().encode('h€llo 😀!');
console.log(bytes, new TextEncoder().encodeInto('h€y', new Uint8Array(3)));
let out = '';
for (let i = 0; i < bytes.length; i += 2) out += '[' + d.decode(bytes.subarray(i, i + 2), { stream: true }) + ']';
out += '[' + d.decode() + ']';
console.log(out);
console.log(JSON.stringify(new TextDecoder().decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x41, 0xff, 0xC3]))));
console.log(JSON.stringify(new TextDecoder('utf-8', {ignoreBOM: true}).decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x41]))));
try { new TextDecoder('utf-8', {fatal: true}).decode(new Uint8Array([0xff])); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(new TextDecoder('utf-16le').decode(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x3d, 0xd8, 0, 0xde])), new TextDecoder('latin1').decode(new Uint8Array([0x80, 0xe9, 0x41])));
try { new TextDecoder().decode('abc'); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(new TextDecoder().decode(new Uint8Array([104, 105]).buffer), new TextDecoder().decode(new DataView(new Uint8Array([104, 105]).buffer)), new TextDecoder().decode(Buffer.from('buf')));
console.log(new TextEncoder().encode(), new TextEncoder().encode(undefined), new TextEncoder().encode(12), Object.prototype.toString.call(new TextEncoder()), TextEncoder.prototype);
try { TextDecoder.prototype.decode.call({}) } catch (e) { console.log(e.name, e.code, e.message); }
try { new TextDecoder('utf-8', 5) } catch (e) { console.log(e.name, e.code, e.message); }
const d2 = new TextDecoder('utf-16le'); console.log(JSON.stringify(d2.decode(new Uint8Array([0x3d, 0xd8, 0]), {stream: true}) + '|' + d2.decode(new Uint8Array([0xde]), {stream: true}) + '|' + d2.decode()));
console.log(new TextDecoder('shift_jis').decode(new Uint8Array([0x82, 0xa0])));
console.log(require('util').inspect(new TextDecoder(), {showHidden: true}));
