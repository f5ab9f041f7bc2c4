// Printing Buffers and typed arrays, and reading binary records, as tutorials do.
const packet = Buffer.alloc(16);
packet.writeUInt16BE(0xCAFE, 0);        // magic
packet.writeUInt8(2, 2);                // version
packet.writeInt32LE(-42, 4);            // temperature * 10
packet.writeFloatBE(3.5, 8);
packet.write('OK', 12, 'latin1');
console.log(packet);
console.log(packet.readUInt16BE(0).toString(16), packet.readUInt8(2), packet.readInt32LE(4), packet.readFloatBE(8));
console.log(packet.toString('latin1', 12, 14), packet.toJSON().data.length);

const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
console.log(view.getUint16(0).toString(16), view.getInt32(4, true));

const u8 = new Uint8Array([72, 101, 108, 108, 111]);
console.log(u8, Buffer.from(u8), Buffer.from(u8).toString());
console.log(new Uint16Array([1, 256, 65535]), new Float32Array([0.5, 1.25]));
console.log([Buffer.from('a'), Buffer.from('b')], { big: Buffer.alloc(60, 0xff) });

const shared = Buffer.from('hello world');
const word = shared.subarray(6);
word[0] = 0x57; // 'W'
console.log(shared.toString(), word.toString(), word.byteOffset - shared.byteOffset);

console.log(Buffer.compare(Buffer.from('apple'), Buffer.from('banana')),
  [Buffer.from('b'), Buffer.from('a'), Buffer.from('c')].sort(Buffer.compare).map(String));
console.log(shared.indexOf('o'), shared.lastIndexOf('o'), shared.includes('World'));
for (const [i, byte] of Buffer.from('hi!').entries()) console.log(i, byte, String.fromCharCode(byte));
try {
  packet.readUInt32LE(14);
} catch (e) {
  console.log(`${e.name} [${e.code}]: ${e.message}`);
}
console.log(Buffer.byteLength('héllo'), 'héllo'.length, Buffer.from('aGVsbG8=', 'base64').toString());
