//! The natives behind `node:crypto` and the `crypto` global (`modules/crypto.js`): random
//! bytes from the operating system (`getrandom`) and message digests and HMACs from the
//! RustCrypto crates (`md-5`, `sha1`, `sha2`, `hmac`).
//!
//! A `Hash` object keeps the chunks it was given (in JavaScript) and the digest is computed
//! over all of them at once, so no hasher state lives on the Rust side.

use hmac::{Mac, SimpleHmac};
use jsgen_engine::interp::{Args, Interp};
use jsgen_engine::object::{Obj, PropKey};
use jsgen_engine::value::Value;
use sha2::Digest;

use crate::buffer::{new_uint8_array, view_bytes, with_view_mut};

/// The digest algorithms jsgen has, by OpenSSL's names for them (case-insensitive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sha512_224,
    Sha512_256,
}

/// OpenSSL's names (as `crypto.getHashes()` lists them) for the algorithms jsgen has.
pub const HASH_NAMES: &[(&str, Algorithm)] = &[
    ("RSA-MD5", Algorithm::Md5),
    ("RSA-SHA1", Algorithm::Sha1),
    ("RSA-SHA1-2", Algorithm::Sha1),
    ("RSA-SHA224", Algorithm::Sha224),
    ("RSA-SHA256", Algorithm::Sha256),
    ("RSA-SHA384", Algorithm::Sha384),
    ("RSA-SHA512", Algorithm::Sha512),
    ("RSA-SHA512/224", Algorithm::Sha512_224),
    ("RSA-SHA512/256", Algorithm::Sha512_256),
    ("md5", Algorithm::Md5),
    ("md5WithRSAEncryption", Algorithm::Md5),
    ("sha-1", Algorithm::Sha1),
    ("sha-224", Algorithm::Sha224),
    ("sha-256", Algorithm::Sha256),
    ("sha-384", Algorithm::Sha384),
    ("sha-512", Algorithm::Sha512),
    ("sha-512/224", Algorithm::Sha512_224),
    ("sha-512/256", Algorithm::Sha512_256),
    ("sha1", Algorithm::Sha1),
    ("sha1WithRSAEncryption", Algorithm::Sha1),
    ("sha2-224", Algorithm::Sha224),
    ("sha2-256", Algorithm::Sha256),
    ("sha2-384", Algorithm::Sha384),
    ("sha2-512", Algorithm::Sha512),
    ("sha2-512/224", Algorithm::Sha512_224),
    ("sha2-512/256", Algorithm::Sha512_256),
    ("sha224", Algorithm::Sha224),
    ("sha224WithRSAEncryption", Algorithm::Sha224),
    ("sha256", Algorithm::Sha256),
    ("sha256WithRSAEncryption", Algorithm::Sha256),
    ("sha384", Algorithm::Sha384),
    ("sha384WithRSAEncryption", Algorithm::Sha384),
    ("sha512", Algorithm::Sha512),
    ("sha512-224", Algorithm::Sha512_224),
    ("sha512-224WithRSAEncryption", Algorithm::Sha512_224),
    ("sha512-256", Algorithm::Sha512_256),
    ("sha512-256WithRSAEncryption", Algorithm::Sha512_256),
    ("sha512WithRSAEncryption", Algorithm::Sha512),
    ("ssl3-md5", Algorithm::Md5),
    ("ssl3-sha1", Algorithm::Sha1),
];

impl Algorithm {
    pub fn from_name(name: &str) -> Option<Algorithm> {
        HASH_NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, a)| *a)
    }
}

fn hash_with<D: Digest>(chunks: &[Vec<u8>]) -> Vec<u8> {
    let mut d = D::new();
    for c in chunks {
        d.update(c);
    }
    d.finalize().to_vec()
}

fn hmac_with<D>(key: &[u8], chunks: &[Vec<u8>]) -> Vec<u8>
where
    D: Digest + hmac::digest::core_api::BlockSizeUser,
{
    let mut m = <SimpleHmac<D> as hmac::digest::KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| <SimpleHmac<D> as hmac::digest::KeyInit>::new(&Default::default()));
    for c in chunks {
        m.update(c);
    }
    m.finalize().into_bytes().to_vec()
}

/// The digest of `chunks`, keyed (HMAC) when `key` is given.
pub fn digest(alg: Algorithm, key: Option<&[u8]>, chunks: &[Vec<u8>]) -> Vec<u8> {
    macro_rules! run {
        ($t:ty) => {
            match key {
                Some(k) => hmac_with::<$t>(k, chunks),
                None => hash_with::<$t>(chunks),
            }
        };
    }
    match alg {
        Algorithm::Md5 => run!(md5::Md5),
        Algorithm::Sha1 => run!(sha1::Sha1),
        Algorithm::Sha224 => run!(sha2::Sha224),
        Algorithm::Sha256 => run!(sha2::Sha256),
        Algorithm::Sha384 => run!(sha2::Sha384),
        Algorithm::Sha512 => run!(sha2::Sha512),
        Algorithm::Sha512_224 => run!(sha2::Sha512_224),
        Algorithm::Sha512_256 => run!(sha2::Sha512_256),
    }
}

/// The output size of `alg`'s digest, in bytes.
pub fn digest_len(alg: Algorithm) -> usize {
    match alg {
        Algorithm::Md5 => 16,
        Algorithm::Sha1 => 20,
        Algorithm::Sha224 | Algorithm::Sha512_224 => 28,
        Algorithm::Sha256 | Algorithm::Sha512_256 => 32,
        Algorithm::Sha384 => 48,
        Algorithm::Sha512 => 64,
    }
}

fn hmac1(alg: Algorithm, key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let chunks: Vec<Vec<u8>> = parts.iter().map(|p| p.to_vec()).collect();
    digest(alg, Some(key), &chunks)
}

/// PBKDF2 (RFC 8018) with HMAC-`alg`: `keylen` bytes from `iterations` rounds.
pub fn pbkdf2(
    alg: Algorithm,
    password: &[u8],
    salt: &[u8],
    iterations: u32,
    keylen: usize,
) -> Vec<u8> {
    let hlen = digest_len(alg);
    let mut out = Vec::with_capacity(keylen);
    let mut block = 1u32;
    while out.len() < keylen {
        let mut u = hmac1(alg, password, &[salt, &block.to_be_bytes()]);
        let mut t = u.clone();
        for _ in 1..iterations {
            u = hmac1(alg, password, &[&u]);
            for (a, b) in t.iter_mut().zip(&u) {
                *a ^= b;
            }
        }
        let take = (keylen - out.len()).min(hlen);
        out.extend_from_slice(&t[..take]);
        block = block.wrapping_add(1);
    }
    out
}

/// HKDF (RFC 5869) with HMAC-`alg`: extract, then expand to `length` bytes (at most 255
/// digest lengths, checked by the caller).
pub fn hkdf(alg: Algorithm, key: &[u8], salt: &[u8], info: &[u8], length: usize) -> Vec<u8> {
    let zero = vec![0u8; digest_len(alg)];
    let prk = hmac1(alg, if salt.is_empty() { &zero } else { salt }, &[key]);
    let mut out = Vec::with_capacity(length);
    let mut t: Vec<u8> = Vec::new();
    let mut i = 1u8;
    while out.len() < length {
        t = hmac1(alg, &prk, &[&t, info, &[i]]);
        let take = (length - out.len()).min(t.len());
        out.extend_from_slice(&t[..take]);
        i = i.wrapping_add(1);
    }
    out
}

/// Why scrypt's parameters were refused, as Node words it (`ERR_CRYPTO_INVALID_SCRYPT_PARAMS`;
/// OpenSSL gives a reason only for the memory checks).
pub const SCRYPT_BAD_PARAMS: &str = "Invalid scrypt params";
pub const SCRYPT_MEMORY: &str =
    "Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded";

/// OpenSSL's `EVP_PBE_scrypt_ex` checks of `N`, `r`, `p` and the memory bound.
pub fn scrypt_check(n: u64, r: u64, p: u64, maxmem: u64) -> Result<(), &'static str> {
    if r == 0 || p == 0 || n < 2 || n & (n - 1) != 0 {
        return Err(SCRYPT_BAD_PARAMS);
    }
    if 16 * r <= 63 && n >= 1u64 << (16 * r) {
        return Err(SCRYPT_BAD_PARAMS);
    }
    const PR_MAX: u64 = (1 << 30) - 1;
    if p > PR_MAX / r {
        return Err(SCRYPT_MEMORY);
    }
    let blen = p * 128 * r;
    let limit = u64::MAX / 128;
    if n + 2 > limit / r {
        return Err(SCRYPT_MEMORY);
    }
    let vlen = 32 * r * (n + 2) * 4;
    let maxmem = if maxmem == 0 {
        1024 * 1024 * 32
    } else {
        maxmem
    };
    if blen.checked_add(vlen).is_none_or(|total| total > maxmem) {
        return Err(SCRYPT_MEMORY);
    }
    Ok(())
}

fn salsa20_8(b: &mut [u32; 16]) {
    let mut x = *b;
    for _ in 0..4 {
        macro_rules! qr {
            ($a:expr, $b:expr, $c:expr, $d:expr) => {
                x[$b] ^= x[$a].wrapping_add(x[$d]).rotate_left(7);
                x[$c] ^= x[$b].wrapping_add(x[$a]).rotate_left(9);
                x[$d] ^= x[$c].wrapping_add(x[$b]).rotate_left(13);
                x[$a] ^= x[$d].wrapping_add(x[$c]).rotate_left(18);
            };
        }
        qr!(0, 4, 8, 12);
        qr!(5, 9, 13, 1);
        qr!(10, 14, 2, 6);
        qr!(15, 3, 7, 11);
        qr!(0, 1, 2, 3);
        qr!(5, 6, 7, 4);
        qr!(10, 11, 8, 9);
        qr!(15, 12, 13, 14);
    }
    for (o, v) in b.iter_mut().zip(x) {
        *o = o.wrapping_add(v);
    }
}

/// scrypt's BlockMix over `2r` 64-byte blocks (`b`, 32r words), into `out`.
fn block_mix(b: &[u32], out: &mut [u32], r: usize) {
    let mut x = [0u32; 16];
    x.copy_from_slice(&b[(2 * r - 1) * 16..2 * r * 16]);
    for i in 0..2 * r {
        for (xv, bv) in x.iter_mut().zip(&b[i * 16..(i + 1) * 16]) {
            *xv ^= bv;
        }
        salsa20_8(&mut x);
        // Even blocks first, then odd ones.
        let dst = if i % 2 == 0 { i / 2 } else { r + i / 2 };
        out[dst * 16..(dst + 1) * 16].copy_from_slice(&x);
    }
}

/// scrypt (RFC 7914), after `scrypt_check` accepted the parameters; `Err` when the memory
/// for `N` blocks cannot be had.
pub fn scrypt(
    password: &[u8],
    salt: &[u8],
    n: u64,
    r: u64,
    p: u64,
    keylen: usize,
) -> Result<Vec<u8>, &'static str> {
    let (n, r, p) = (n as usize, r as usize, p as usize);
    let words = 32 * r;
    let mut b = pbkdf2(Algorithm::Sha256, password, salt, 1, p * 128 * r);
    let mut v: Vec<u32> = Vec::new();
    v.try_reserve_exact(words * n).map_err(|_| SCRYPT_MEMORY)?;
    v.resize(words * n, 0);
    let mut x = vec![0u32; words];
    let mut y = vec![0u32; words];
    for chunk in b.chunks_mut(128 * r) {
        for (w, c) in x.iter_mut().zip(chunk.chunks(4)) {
            *w = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        }
        for i in 0..n {
            v[i * words..(i + 1) * words].copy_from_slice(&x);
            block_mix(&x, &mut y, r);
            std::mem::swap(&mut x, &mut y);
        }
        for _ in 0..n {
            let last = (2 * r - 1) * 16;
            let j = ((x[last] as u64 | ((x[last + 1] as u64) << 32)) % n as u64) as usize;
            for (xv, vv) in x.iter_mut().zip(&v[j * words..(j + 1) * words]) {
                *xv ^= vv;
            }
            block_mix(&x, &mut y, r);
            std::mem::swap(&mut x, &mut y);
        }
        for (w, c) in x.iter().zip(chunk.chunks_mut(4)) {
            c.copy_from_slice(&w.to_le_bytes());
        }
    }
    Ok(pbkdf2(Algorithm::Sha256, password, &b, 1, keylen))
}

/// `internalBinding('crypto')`.
/// The AES key schedule of the natives' first argument (`None` unless it is 16, 24 or 32
/// bytes).
fn aes_key(key: &Value) -> Option<crate::aes::Aes> {
    crate::aes::Aes::new(&view_bytes(key).unwrap_or_default())
}

pub fn binding(it: &mut Interp) -> Obj {
    let b = it.new_object();
    // randomFillSync(view): fills the view's bytes from the operating system.
    it.define_method(&b, "randomFillSync", 1, |it, a| {
        let v = a.get(0);
        let ok = with_view_mut(&v, |d| getrandom::fill(d).is_ok());
        if ok == Some(false) {
            return Err(it.plain_error("The operating system's random source failed"));
        }
        Ok(v)
    });
    it.define_method(&b, "hashSupported", 1, |it, a| {
        let name = it.to_string(&a.get(0))?.to_rust_string();
        Ok(Value::Bool(Algorithm::from_name(&name).is_some()))
    });
    it.define_method(&b, "getHashes", 0, |it, _| {
        let names = HASH_NAMES.iter().map(|(n, _)| Value::from(*n)).collect();
        Ok(Value::Object(it.new_array(names)))
    });
    // digest(algorithm, key | undefined, chunks): a Uint8Array, or undefined for an unknown
    // algorithm. Each chunk is a view.
    it.define_method(&b, "digest", 3, |it, a| {
        let name = it.to_string(&a.get(0))?.to_rust_string();
        let Some(alg) = Algorithm::from_name(&name) else {
            return Ok(Value::Undefined);
        };
        let key = match a.get(1) {
            Value::Undefined => None,
            k => Some(view_bytes(&k).unwrap_or_default()),
        };
        let mut chunks = Vec::new();
        if let Value::Object(list) = a.get(2) {
            let n = it.get(&list, &jsgen_engine::static_key!("length"))?;
            let n = it.to_number(&n)? as u32;
            for i in 0..n {
                let c = it.get(&list, &PropKey::Index(i))?;
                chunks.push(view_bytes(&c).unwrap_or_default());
            }
        }
        let out = digest(alg, key.as_deref(), &chunks);
        Ok(Value::Object(new_uint8_array(it, &out)?))
    });
    // pbkdf2(digest, password, salt, iterations, keylen): a Uint8Array, or undefined for an
    // unknown digest. The arguments were checked by crypto.js.
    it.define_method(&b, "pbkdf2", 5, |it, a| {
        let name = it.to_string(&a.get(0))?.to_rust_string();
        let Some(alg) = Algorithm::from_name(&name) else {
            return Ok(Value::Undefined);
        };
        let password = view_bytes(&a.get(1)).unwrap_or_default();
        let salt = view_bytes(&a.get(2)).unwrap_or_default();
        let iterations = it.to_number(&a.get(3))?.clamp(1.0, i32::MAX as f64) as u32;
        let keylen = it.to_number(&a.get(4))?.clamp(0.0, i32::MAX as f64) as usize;
        let out = pbkdf2(alg, &password, &salt, iterations, keylen);
        Ok(Value::Object(new_uint8_array(it, &out)?))
    });
    // hkdf(digest, key, salt, info, length): a Uint8Array, undefined for an unknown digest,
    // or null when `length` is more than 255 digests.
    it.define_method(&b, "hkdf", 5, |it, a| {
        let name = it.to_string(&a.get(0))?.to_rust_string();
        let Some(alg) = Algorithm::from_name(&name) else {
            return Ok(Value::Undefined);
        };
        let length = it.to_number(&a.get(4))?.max(0.0) as usize;
        if length > 255 * digest_len(alg) {
            return Ok(Value::Null);
        }
        let key = view_bytes(&a.get(1)).unwrap_or_default();
        let salt = view_bytes(&a.get(2)).unwrap_or_default();
        let info = view_bytes(&a.get(3)).unwrap_or_default();
        let out = hkdf(alg, &key, &salt, &info, length);
        Ok(Value::Object(new_uint8_array(it, &out)?))
    });
    // scrypt(password, salt, N, r, p, maxmem, keylen): a Uint8Array, or the message of
    // ERR_CRYPTO_INVALID_SCRYPT_PARAMS (a string) when OpenSSL would refuse the parameters.
    // A negative `keylen` only checks them (undefined when they are fine).
    it.define_method(&b, "scrypt", 7, |it, a| {
        let check_only = it.to_number(&a.get(6))? < 0.0;
        let mut num = |i: usize| -> jsgen_engine::interp::JsResult<u64> {
            Ok(it.to_number(&a.get(i))?.clamp(0.0, u32::MAX as f64) as u64)
        };
        let (n, r, p, maxmem, keylen) = (num(2)?, num(3)?, num(4)?, num(5)?, num(6)?);
        if let Err(m) = scrypt_check(n, r, p, maxmem) {
            return Ok(Value::from(m));
        }
        if check_only {
            return Ok(Value::Undefined);
        }
        let password = view_bytes(&a.get(0)).unwrap_or_default();
        let salt = view_bytes(&a.get(1)).unwrap_or_default();
        match scrypt(&password, &salt, n, r, p, keylen as usize) {
            Ok(out) => Ok(Value::Object(new_uint8_array(it, &out)?)),
            Err(m) => Ok(Value::from(m)),
        }
    });
    // AES for the Cipheriv/Decipheriv objects (crypto.js keeps their state; see aes.rs).
    // Each takes the key first (16, 24 or 32 bytes: undefined otherwise) and returns a
    // Uint8Array.
    it.define_method(&b, "aesEcb", 3, |it, a| {
        let Some(aes) = aes_key(&a.get(0)) else {
            return Ok(Value::Undefined);
        };
        let data = view_bytes(&a.get(1)).unwrap_or_default();
        let out = crate::aes::ecb(&aes, &data, a.get(2).to_boolean());
        Ok(Value::Object(new_uint8_array(it, &out)?))
    });
    it.define_method(&b, "aesCbc", 4, |it, a| {
        let Some(aes) = aes_key(&a.get(0)) else {
            return Ok(Value::Undefined);
        };
        let iv = view_bytes(&a.get(1)).unwrap_or_default();
        let data = view_bytes(&a.get(2)).unwrap_or_default();
        let out = crate::aes::cbc(&aes, &iv, &data, a.get(3).to_boolean());
        Ok(Value::Object(new_uint8_array(it, &out)?))
    });
    // aesCtr(key, counter, offset, data, inc32)
    it.define_method(&b, "aesCtr", 5, |it, a| {
        let Some(aes) = aes_key(&a.get(0)) else {
            return Ok(Value::Undefined);
        };
        let counter = view_bytes(&a.get(1)).unwrap_or_default();
        let offset = it.to_number(&a.get(2))?.max(0.0) as u64;
        let data = view_bytes(&a.get(3)).unwrap_or_default();
        let out = crate::aes::ctr(&aes, &counter, offset, &data, a.get(4).to_boolean());
        Ok(Value::Object(new_uint8_array(it, &out)?))
    });
    it.define_method(&b, "aesGcmJ0", 2, |it, a| {
        let Some(aes) = aes_key(&a.get(0)) else {
            return Ok(Value::Undefined);
        };
        let iv = view_bytes(&a.get(1)).unwrap_or_default();
        let out = crate::aes::gcm_j0(&aes, &iv);
        Ok(Value::Object(new_uint8_array(it, &out)?))
    });
    // aesGcmTag(key, j0, aad, ciphertext): the full 16-byte tag.
    it.define_method(&b, "aesGcmTag", 4, |it, a| {
        let Some(aes) = aes_key(&a.get(0)) else {
            return Ok(Value::Undefined);
        };
        let j0 = view_bytes(&a.get(1)).unwrap_or_default();
        let aad = view_bytes(&a.get(2)).unwrap_or_default();
        let ct = view_bytes(&a.get(3)).unwrap_or_default();
        let out = crate::aes::gcm_tag(&aes, &j0, &aad, &ct);
        Ok(Value::Object(new_uint8_array(it, &out)?))
    });
    // domException(message, name): a DOMException with the legacy code of its name.
    it.define_method(&b, "domException", 2, |it, a| {
        let message = it.to_string(&a.get(0))?.to_rust_string();
        let name = it.to_string(&a.get(1))?.to_rust_string();
        let code = match name.as_str() {
            "NotSupportedError" => 9,
            "InvalidAccessError" => 15,
            "TypeMismatchError" => 17,
            "QuotaExceededError" => 22,
            _ => 0,
        };
        match crate::structured_clone::dom_exception(it, &name, code, &message) {
            jsgen_engine::interp::Abrupt::Throw(v) => Ok(v),
            _ => Ok(Value::Undefined),
        }
    });
    it.define_method(&b, "timingSafeEqual", 2, |_, a: &Args| {
        let x = view_bytes(&a.get(0)).unwrap_or_default();
        let y = view_bytes(&a.get(1)).unwrap_or_default();
        // Constant time in the contents: every byte is looked at.
        let diff = x.iter().zip(&y).fold(0u8, |acc, (p, q)| acc | (p ^ q));
        Ok(Value::Bool(diff == 0 && x.len() == y.len()))
    });
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn known_digests() {
        let data = vec![b"hel".to_vec(), b"lo".to_vec()];
        assert_eq!(
            hex(&digest(Algorithm::Sha256, None, &data)),
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        );
        assert_eq!(
            hex(&digest(Algorithm::Md5, None, &[b"abc".to_vec()])),
            "900150983cd24fb0d6963f7d28e17f72"
        );
        assert_eq!(
            hex(&digest(Algorithm::Sha256, Some(b"key"), &[b"msg".to_vec()])),
            "2d93cbc1be167bcb1637a4a23cbff01a7878f0c50ee833954ea5221bb1b8c628"
        );
    }

    #[test]
    fn names_are_case_insensitive() {
        assert_eq!(Algorithm::from_name("SHA256"), Some(Algorithm::Sha256));
        assert_eq!(
            Algorithm::from_name("rsa-sha512/256"),
            Some(Algorithm::Sha512_256)
        );
        assert_eq!(Algorithm::from_name("sha3-256"), None);
    }
    #[test]
    fn key_derivation_vectors() {
        // RFC 6070 (PBKDF2-HMAC-SHA1).
        assert_eq!(
            hex(&pbkdf2(Algorithm::Sha1, b"password", b"salt", 2, 20)),
            "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"
        );
        // RFC 7914 §12 (scrypt).
        assert_eq!(
            hex(&scrypt(b"", b"", 16, 1, 1, 64).unwrap_or_default()),
            "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442\
             fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"
        );
        // RFC 5869 test case 1 (HKDF-SHA256).
        let ikm = [0x0bu8; 22];
        let salt: Vec<u8> = (0u8..=12).collect();
        let info: Vec<u8> = (0xf0u8..=0xf9).collect();
        assert_eq!(
            hex(&hkdf(Algorithm::Sha256, &ikm, &salt, &info, 42)),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf\
             34007208d5b887185865"
        );
        assert_eq!(scrypt_check(1000, 8, 1, 0), Err(SCRYPT_BAD_PARAMS));
        assert_eq!(scrypt_check(1 << 20, 8, 1, 0), Err(SCRYPT_MEMORY));
        assert_eq!(scrypt_check(16384, 8, 1, 0), Ok(()));
    }
}
