// Encrypting and decrypting as tutorials do: AES-256-CBC helpers with hex and base64 output,
// CTR and GCM (with an auth tag and AAD), a cipher used as a stream, and OpenSSL's errors.
const crypto = require('crypto');
const { pipeline, Readable, Writable } = require('stream');

const key = crypto.scryptSync('my secret password', 'salt', 32);
const iv = Buffer.alloc(16, 1);

function encrypt(text) {
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  let encrypted = cipher.update(text, 'utf8', 'hex');
  encrypted += cipher.final('hex');
  return encrypted;
}
function decrypt(hex) {
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv);
  let decrypted = decipher.update(hex, 'hex', 'utf8');
  decrypted += decipher.final('utf8');
  return decrypted;
}
const secret = encrypt('Hello, World! Ünïcödé text spanning more than one block.');
console.log('encrypted:', secret);
console.log('decrypted:', decrypt(secret));

const c64 = crypto.createCipheriv('aes-128-cbc', key.subarray(0, 16), iv);
const parts = [c64.update('abcdefghijklmnopqrstu', 'utf8', 'base64'), c64.final('base64')];
console.log('base64 parts:', parts);

const ctr = crypto.createCipheriv('aes-192-ctr', key.subarray(0, 24), iv);
console.log('ctr:', Buffer.concat([ctr.update('str'), ctr.update('eam'), ctr.final()]).toString('hex'));
console.log('ecb:', crypto.createCipheriv('aes-256-ecb', key, null).update(Buffer.alloc(16)).toString('hex'));

const nonce = Buffer.alloc(12, 2);
const gcm = crypto.createCipheriv('aes-256-gcm', key, nonce);
gcm.setAAD(Buffer.from('header'));
const sealed = Buffer.concat([gcm.update('authenticated message'), gcm.final()]);
const tag = gcm.getAuthTag();
console.log('gcm:', sealed.toString('hex'), tag.toString('hex'));
const open = crypto.createDecipheriv('aes-256-gcm', key, nonce);
open.setAAD(Buffer.from('header')).setAuthTag(tag);
console.log('opened:', Buffer.concat([open.update(sealed), open.final()]).toString());

const t = (f) => {
  try {
    console.log(f());
  } catch (e) {
    console.log(e.stack.split('\n')[0], '|', e.code, e.reason);
  }
};
t(() => {
  const d = crypto.createDecipheriv('aes-256-gcm', key, nonce);
  d.setAuthTag(Buffer.alloc(16));
  d.update(sealed);
  return d.final();
});
t(() => decrypt(secret.slice(0, 32) + '00'.repeat(16)));
t(() => crypto.createDecipheriv('aes-256-cbc', key, iv).final());
t(() => crypto.createCipheriv('aes-256-cbc', key.subarray(0, 5), iv));
t(() => crypto.createCipheriv('aes-256-cbc', key, iv.subarray(0, 8)));
t(() => crypto.createCipheriv('aes-256-xyz', key, iv));
t(() => crypto.createCipheriv('aes-256-gcm', key, nonce).getAuthTag());
t(() => {
  const c = crypto.createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  c.update('short');
  return c.final();
});
t(() => {
  const c = crypto.createCipheriv('aes-256-cbc', key, iv);
  c.final();
  return c.update('more');
});
console.log(crypto.createCipheriv('aes-256-cbc', key, iv) instanceof crypto.Cipheriv);

const chunks = [];
pipeline(
  Readable.from(['streamed ', 'plain ', 'text']),
  crypto.createCipheriv('aes-256-cbc', key, iv),
  crypto.createDecipheriv('aes-256-cbc', key, iv),
  new Writable({
    write(chunk, enc, cb) {
      chunks.push(chunk);
      cb();
    },
  }),
  (err) => console.log('stream round trip:', err, Buffer.concat(chunks).toString()),
);
