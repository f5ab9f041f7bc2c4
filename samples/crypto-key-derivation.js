// Password hashing as tutorials show it: pbkdf2, scrypt and hkdf (sync, callback and
// promisified forms), with Node's validation errors.
const crypto = require('crypto');
const { promisify } = require('util');

const t = (f) => {
  try {
    console.log(f());
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
};

function hashPassword(password) {
  const salt = 'a1b2c3d4e5f60718';
  const hash = crypto.scryptSync(password, salt, 32).toString('hex');
  return `${salt}:${hash}`;
}
function verifyPassword(password, stored) {
  const [salt, hash] = stored.split(':');
  const candidate = crypto.scryptSync(password, salt, 32);
  return crypto.timingSafeEqual(candidate, Buffer.from(hash, 'hex'));
}
const stored = hashPassword('correct horse');
console.log(stored);
console.log(verifyPassword('correct horse', stored), verifyPassword('wrong', stored));

t(() => crypto.pbkdf2Sync('password', 'salt', 4096, 32, 'sha256').toString('hex'));
t(() => crypto.pbkdf2Sync('pw', 'salt', 10, 100, 'sha512').toString('base64'));
t(() => crypto.pbkdf2Sync(Buffer.from('pw'), new Uint8Array([1, 2]), 5, 20, 'md5'));
t(() => crypto.pbkdf2Sync('pw', 'salt', 1, 0, 'sha1'));
t(() => crypto.pbkdf2Sync('pw', 'salt', 0, 20, 'sha1'));
t(() => crypto.pbkdf2Sync('pw', 'salt', 1, 20, 'nope'));
t(() => crypto.pbkdf2Sync('pw', 'salt', 1, 20));
t(() => crypto.pbkdf2Sync(5, 'salt', 1, 20, 'sha1'));
t(() => crypto.pbkdf2('pw', 'salt', 1, 20, 'sha1'));
t(() => crypto.scryptSync('pw', 'salt', 16, { N: 1024, r: 4, p: 2 }).toString('hex'));
t(() => crypto.scryptSync('pw', 'salt', 16, { cost: 16, blockSize: 1, parallelization: 1 }));
t(() => crypto.scryptSync('pw', 'salt', 16, { N: 1000 }));
t(() => crypto.scryptSync('pw', 'salt', 16, { N: 2 ** 20 }));
t(() => crypto.scryptSync('pw', 'salt', 16, { N: 16, cost: 16 }));
t(() => crypto.scryptSync('', '', 0));
t(() => crypto.hkdfSync('sha256', 'key', 'salt', 'info', 16));
t(() => crypto.hkdfSync('sha256', 'key', 'salt', 'info', 255 * 32 + 1));
t(() => crypto.hkdfSync('sha1', 'key', '', '', 0));
t(() => crypto.hkdfSync('nope', 'key', 'salt', 'info', 4));
t(() => crypto.hkdfSync('sha256', 'key', 'salt', 'x'.repeat(1025), 4));

(async () => {
  const key = await new Promise((resolve, reject) => {
    crypto.pbkdf2('secret', 'salt', 1000, 16, 'sha256', (err, k) => (err ? reject(err) : resolve(k)));
  });
  console.log('pbkdf2 callback', key.toString('hex'), key.constructor.name);
  console.log('scrypt promisified', await promisify(crypto.scrypt)('secret', 'salt', 16));
  console.log('scrypt options', await promisify(crypto.scrypt)('secret', 'salt', 8, { N: 64 }));
  console.log('hkdf', await promisify(crypto.hkdf)('sha512', 'k', 's', 'i', 8));
  crypto.pbkdf2('secret', 'salt', 1, 0, 'sha1', (err) => console.log('callback error', err.message));
})();
