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
