// The Web Crypto classes are globals, as in Node 24: `crypto` is a Crypto, `crypto.subtle`
// a SubtleCrypto; none of them can be constructed by a script.
console.log(Crypto, SubtleCrypto, CryptoKey);
console.log(crypto instanceof Crypto, crypto.subtle instanceof SubtleCrypto);
console.log(Object.prototype.toString.call(crypto), String(crypto.subtle));
for (const C of [Crypto, SubtleCrypto, CryptoKey]) {
  try {
    new C();
  } catch (e) {
    console.log(C.name, C.length, e.name, e.code, e.message);
  }
}
console.log(Object.getOwnPropertyNames(CryptoKey.prototype));
const methods = SubtleCrypto.prototype;
console.log(Object.keys(methods).map((k) => `${k}/${methods[k].length}`).join(' '));
console.log(SubtleCrypto.supports('digest', 'SHA-256'), SubtleCrypto.supports('digest', { name: 'SHA-512' }),
  SubtleCrypto.supports('digest', 'MD5'));
try {
  SubtleCrypto.supports('digest');
} catch (e) {
  console.log(e.code, e.message);
}
const bad = crypto.subtle.digest.call({}, 'SHA-256', new Uint8Array(1));
console.log(bad instanceof Promise);
bad.catch((e) => console.log('rejected:', e.code));
crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')).then((h) => {
  console.log(Buffer.from(h).toString('hex'));
});
console.log(Object.getOwnPropertyDescriptor(globalThis, 'SubtleCrypto'));
