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

/// `internalBinding('crypto')`.
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
}
