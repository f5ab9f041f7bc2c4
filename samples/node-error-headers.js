// Errors Node creates in C++ carry a `code` but no `[code]` in their stack header; the
// chdir error quotes both directories.
for (const [enc, bytes] of [['utf-8', [0xff]], ['utf-16le', [0x00, 0xd8]]]) {
  try {
    new TextDecoder(enc, { fatal: true }).decode(new Uint8Array(bytes));
  } catch (e) {
    console.log(e.stack.split('\n')[0]);
    console.log(e.name, e.code, String(e));
  }
}
try {
  process.chdir('/nonexistent-dir-for-jsgen');
} catch (e) {
  console.log(e.message.replace(process.cwd(), '<cwd>'));
  console.log(e.code, e.syscall, e.dest);
}
const crypto = require('crypto');
for (const f of [
  () => crypto.createHmac('nope', 'key'),
  () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')),
  () => crypto.pbkdf2Sync('p', 's', 1, 1, 'nope'),
  () => crypto.scryptSync('p', 's', 1, { N: 3 }),
  () => crypto.scryptSync('p', 's', 1, { N: 2, cost: 2 }),
]) {
  try {
    f();
  } catch (e) {
    console.log(e.stack.split('\n')[0], '|', e.code);
  }
}
