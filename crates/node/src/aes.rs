//! AES and the modes `crypto.createCipheriv` offers: ECB, CBC, CTR and GCM (NIST SP
//! 800-38A/38D). The block cipher is RustCrypto's `aes` and GCM's hash its `ghash` (the
//! well-kept crates for a solved problem); the modes are written here because the cipher
//! objects stream: the natives are stateless, and the objects in `modules/crypto.js` keep
//! the chaining value, the counter offset and GCM's ciphertext, and pass them in.

use aes::cipher::{BlockDecrypt, BlockEncrypt, KeyInit};

/// An AES key schedule of one of the three key sizes.
pub enum Aes {
    Aes128(Box<aes::Aes128>),
    Aes192(Box<aes::Aes192>),
    Aes256(Box<aes::Aes256>),
}

impl Aes {
    /// `None` unless the key is 16, 24 or 32 bytes.
    pub fn new(key: &[u8]) -> Option<Aes> {
        Some(match key.len() {
            16 => Aes::Aes128(Box::new(aes::Aes128::new_from_slice(key).ok()?)),
            24 => Aes::Aes192(Box::new(aes::Aes192::new_from_slice(key).ok()?)),
            32 => Aes::Aes256(Box::new(aes::Aes256::new_from_slice(key).ok()?)),
            _ => return None,
        })
    }

    pub fn encrypt_block(&self, b: &mut [u8; 16]) {
        let b = b.into();
        match self {
            Aes::Aes128(k) => k.encrypt_block(b),
            Aes::Aes192(k) => k.encrypt_block(b),
            Aes::Aes256(k) => k.encrypt_block(b),
        }
    }

    pub fn decrypt_block(&self, b: &mut [u8; 16]) {
        let b = b.into();
        match self {
            Aes::Aes128(k) => k.decrypt_block(b),
            Aes::Aes192(k) => k.decrypt_block(b),
            Aes::Aes256(k) => k.decrypt_block(b),
        }
    }
}

fn xor16(b: &mut [u8; 16], k: &[u8; 16]) {
    for (x, y) in b.iter_mut().zip(k) {
        *x ^= y;
    }
}

fn block(c: &[u8]) -> [u8; 16] {
    let mut b = [0u8; 16];
    b[..c.len().min(16)].copy_from_slice(&c[..c.len().min(16)]);
    b
}

/// ECB over whole blocks (a trailing partial block is ignored).
pub fn ecb(aes: &Aes, data: &[u8], decrypt: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for c in data.chunks_exact(16) {
        let mut b = block(c);
        if decrypt {
            aes.decrypt_block(&mut b);
        } else {
            aes.encrypt_block(&mut b);
        }
        out.extend_from_slice(&b);
    }
    out
}

/// CBC over whole blocks, chained from `iv` (the previous ciphertext block).
pub fn cbc(aes: &Aes, iv: &[u8], data: &[u8], decrypt: bool) -> Vec<u8> {
    let mut chain = block(iv);
    let mut out = Vec::with_capacity(data.len());
    for c in data.chunks_exact(16) {
        let mut b = block(c);
        if decrypt {
            aes.decrypt_block(&mut b);
            xor16(&mut b, &chain);
            chain = block(c);
        } else {
            xor16(&mut b, &chain);
            aes.encrypt_block(&mut b);
            chain = b;
        }
        out.extend_from_slice(&b);
    }
    out
}

/// The keystream XORed into `data`, which starts `offset` bytes into the stream whose first
/// counter block is `counter`; the counter is incremented as a 128-bit number (CTR mode) or
/// in its low 32 bits (GCM's inc32).
pub fn ctr(aes: &Aes, counter: &[u8], offset: u64, data: &[u8], inc32: bool) -> Vec<u8> {
    let start = u128::from_be_bytes(block(counter));
    let mut out = Vec::with_capacity(data.len());
    let mut ks = [0u8; 16];
    for (pos, (i, &byte)) in (offset..).zip(data.iter().enumerate()) {
        if i == 0 || pos.is_multiple_of(16) {
            let n = pos / 16;
            let ctr = if inc32 {
                let low = (start as u32).wrapping_add(n as u32);
                (start & !0xffff_ffffu128) | low as u128
            } else {
                start.wrapping_add(n as u128)
            };
            ks = ctr.to_be_bytes();
            aes.encrypt_block(&mut ks);
        }
        out.push(byte ^ ks[(pos % 16) as usize]);
    }
    out
}

/// GHASH of the parts, each zero-padded to whole blocks (the `ghash` crate).
fn ghash(h: u128, parts: &[&[u8]]) -> u128 {
    use ghash::universal_hash::UniversalHash;
    let mut g = ghash::GHash::new(&h.to_be_bytes().into());
    for part in parts {
        g.update_padded(part);
    }
    u128::from_be_bytes(g.finalize().into())
}

fn hash_key(aes: &Aes) -> u128 {
    let mut h = [0u8; 16];
    aes.encrypt_block(&mut h);
    u128::from_be_bytes(h)
}

/// GCM's pre-counter block J0 for `iv`.
pub fn gcm_j0(aes: &Aes, iv: &[u8]) -> [u8; 16] {
    if iv.len() == 12 {
        let mut j = [0u8; 16];
        j[..12].copy_from_slice(iv);
        j[15] = 1;
        return j;
    }
    let h = hash_key(aes);
    let mut lens = [0u8; 16];
    lens[8..].copy_from_slice(&((iv.len() as u64) * 8).to_be_bytes());
    ghash(h, &[iv, &lens]).to_be_bytes()
}

/// GCM's 16-byte tag over `aad` and `ciphertext`.
pub fn gcm_tag(aes: &Aes, j0: &[u8], aad: &[u8], ciphertext: &[u8]) -> [u8; 16] {
    let h = hash_key(aes);
    let mut lens = [0u8; 16];
    lens[..8].copy_from_slice(&((aad.len() as u64) * 8).to_be_bytes());
    lens[8..].copy_from_slice(&((ciphertext.len() as u64) * 8).to_be_bytes());
    let s = ghash(h, &[aad, ciphertext, &lens]);
    let mut t = block(j0);
    aes.encrypt_block(&mut t);
    (u128::from_be_bytes(t) ^ s).to_be_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap_or(0))
            .collect()
    }

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn fips197_vectors() {
        let pt = unhex("00112233445566778899aabbccddeeff");
        for (key, ct) in [
            (
                "000102030405060708090a0b0c0d0e0f",
                "69c4e0d86a7b0430d8cdb78070b4c55a",
            ),
            (
                "000102030405060708090a0b0c0d0e0f1011121314151617",
                "dda97ca4864cdfe06eaf70a0ec0d7191",
            ),
            (
                "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                "8ea2b7ca516745bfeafc49904b496089",
            ),
        ] {
            let aes = Aes::new(&unhex(key)).expect("key size");
            let enc = ecb(&aes, &pt, false);
            assert_eq!(hex(&enc), ct);
            assert_eq!(ecb(&aes, &enc, true), pt);
        }
    }

    #[test]
    fn gcm_vector() {
        // SP 800-38D test case 3 (AES-128, 96-bit IV).
        let aes = Aes::new(&unhex("feffe9928665731c6d6a8f9467308308")).expect("key");
        let pt = unhex(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72\
             1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
        );
        let j0 = gcm_j0(&aes, &unhex("cafebabefacedbaddecaf888"));
        let mut first = u128::from_be_bytes(j0);
        first = (first & !0xffff_ffff) | ((first as u32).wrapping_add(1) as u128);
        let ct = ctr(&aes, &first.to_be_bytes(), 0, &pt, true);
        assert_eq!(
            hex(&ct),
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e\
             21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985"
        );
        assert_eq!(
            hex(&gcm_tag(&aes, &j0, &[], &ct)),
            "4d5c2af327cd64a62cf35abd2ba6fab4"
        );
    }
}
