const crypto = require('crypto');
const h = crypto.createHash('sha256');
console.log(h);
console.log(h.update('hello').digest('hex'));
try { h.digest() } catch (e) { console.log(e.name, e.code, e.message) }
try { h.update('x') } catch (e) { console.log(e.name, e.code, e.message) }
try { crypto.createHash('nope') } catch (e) { console.log(e.name, e.code, e.message, Object.keys(e)) }
console.log(crypto.createHash('md5').update('a').update(Buffer.from('b')).digest());
console.log(crypto.createHash('sha1').update('68656c6c6f', 'hex').digest('base64'));
console.log(crypto.createHash('SHA512').update(new Uint8Array([1,2])).digest('base64url'));
console.log(crypto.createHash('sha384').update('é', 'latin1').digest('latin1').length);
const hm = crypto.createHmac('sha256', 'key'); console.log(hm); console.log(hm.update('msg').digest('hex'));
console.log(crypto.getHashes().includes("sha256"));
console.log(crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('a')));
try { crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')) } catch (e) { console.log(e.name, e.code, e.message) }
try { crypto.randomBytes(-1) } catch (e) { console.log(e.name, e.code, e.message) }
try { crypto.randomInt(10, 5) } catch (e) { console.log(e.name, e.code, e.message) }
try { crypto.randomInt(1.5) } catch (e) { console.log(e.name, e.code, e.message) }
try { crypto.getRandomValues(new Float64Array(2)) } catch (e) { console.log(e.name, e.code, e.message) }
try { crypto.getRandomValues(new Uint8Array(70000)) } catch (e) { console.log(e.name, e.code, e.message) }
try { globalThis.crypto.getRandomValues.call({}, new Uint8Array(2)) } catch (e) { console.log(e.name, e.code, e.message) }
const c = crypto.createHash('sha256').update('a'); const c2 = c.copy(); console.log(c.digest('hex') === c2.digest('hex'));
console.log(crypto.createHash('sha256').digest('binary').length, crypto.createHash('sha256').digest('utf8').length);
crypto.randomBytes(4, (err, b) => console.log('cb', err, b.length));
console.log(crypto.hash('sha1', 'abc'), crypto.hash('md5', 'abc', 'base64'));
console.log(globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(1)) instanceof Promise);
globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')).then((d) => console.log(d));
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(crypto.subtle)));
try { new (globalThis.crypto.constructor)() } catch (e) { console.log(e.name, e.code, e.message) }
setTimeout(() => crypto.randomInt(10, (e, n) => console.log('randint cb', e, typeof n, n >= 0 && n < 10)), 5);
