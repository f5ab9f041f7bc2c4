//! The natives of `zlib` (`modules/zlib.js`): deflate/inflate in the zlib, raw and gzip
//! formats with `flate2` (its pure-Rust miniz_oxide backend), the gzip container (header,
//! CRC-32 and size trailer, concatenated members) by hand so that errors carry zlib's own
//! messages and codes (`incorrect header check`, `unexpected end of file`, ...), and CRC-32
//! with `crc32fast`. Whole buffers only: the JavaScript streams collect their input.

use crate::fs::Out;
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use jsgen_engine::interp::{Abrupt, Args, Interp, JsResult};
use jsgen_engine::object::{Attrs, Obj};
use jsgen_engine::value::Value;

/// Node's zlib modes (`zlib.constants.DEFLATE` ...).
const DEFLATE: u32 = 1;
const INFLATE: u32 = 2;
const GZIP: u32 = 3;
const GUNZIP: u32 = 4;
const DEFLATERAW: u32 = 5;
const INFLATERAW: u32 = 6;
const UNZIP: u32 = 7;

/// A zlib error: message, errno (`Z_DATA_ERROR` is -3) and code.
#[derive(Debug)]
pub struct ZlibError {
    message: &'static str,
    errno: i32,
    code: &'static str,
}

const fn data_error(message: &'static str) -> ZlibError {
    ZlibError {
        message,
        errno: -3,
        code: "Z_DATA_ERROR",
    }
}

const END_OF_FILE: ZlibError = ZlibError {
    message: "unexpected end of file",
    errno: -5,
    code: "Z_BUF_ERROR",
};

/// Compresses or decompresses `input` in `mode` at `level` (-1: zlib's default, 6).
pub fn run(mode: u32, input: &[u8], level: i32) -> Result<Vec<u8>, ZlibError> {
    let level = if (0..=9).contains(&level) {
        level as u32
    } else {
        6
    };
    match mode {
        DEFLATE => Ok(deflate(input, level, true)),
        DEFLATERAW => Ok(deflate(input, level, false)),
        GZIP => Ok(gzip(input, level)),
        INFLATE => inflate_zlib(input),
        INFLATERAW => inflate(input, false).map(|(out, _)| out),
        GUNZIP => gunzip(input),
        UNZIP if input.starts_with(&[0x1f, 0x8b]) => gunzip(input),
        UNZIP => inflate_zlib(input),
        _ => Err(data_error("invalid mode")),
    }
}

fn deflate(input: &[u8], level: u32, zlib_header: bool) -> Vec<u8> {
    let mut c = Compress::new(Compression::new(level), zlib_header);
    let mut out = Vec::with_capacity(input.len() / 2 + 64);
    loop {
        if out.capacity() - out.len() < 1024 {
            out.reserve(out.capacity().max(4096));
        }
        let consumed = c.total_in() as usize;
        let rest = input.get(consumed..).unwrap_or(&[]);
        match c.compress_vec(rest, &mut out, FlushCompress::Finish) {
            Ok(Status::StreamEnd) => return out,
            Ok(_) => continue,
            Err(_) => return out,
        }
    }
}

fn gzip(input: &[u8], level: u32) -> Vec<u8> {
    // zlib's header: no name, mtime 0, XFL from the level, OS 3 (Unix).
    let xfl = match level {
        9 => 2,
        0 | 1 => 4,
        _ => 0,
    };
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3];
    out.extend(deflate(input, level, false));
    let mut h = crc32fast::Hasher::new();
    h.update(input);
    out.extend(h.finalize().to_le_bytes());
    out.extend((input.len() as u32).to_le_bytes());
    out
}

/// Raw inflate of `input`: the output and how many input bytes the stream used.
fn inflate(input: &[u8], zlib_header: bool) -> Result<(Vec<u8>, usize), ZlibError> {
    let mut d = Decompress::new(zlib_header);
    let mut out = Vec::with_capacity(input.len() * 3 + 64);
    loop {
        if out.capacity() - out.len() < 1024 {
            out.reserve(out.capacity().max(4096));
        }
        let consumed = d.total_in() as usize;
        let before_out = d.total_out();
        let rest = input.get(consumed..).unwrap_or(&[]);
        // `Finish` would require the whole output to fit in one call (miniz_oxide then fails
        // with a data error on the next one); `None` lets the loop grow the buffer.
        match d.decompress_vec(rest, &mut out, FlushDecompress::None) {
            Ok(Status::StreamEnd) => return Ok((out, d.total_in() as usize)),
            Ok(_) => {
                let stalled = d.total_in() as usize == consumed && d.total_out() == before_out;
                if stalled && d.total_in() as usize >= input.len() {
                    return Err(END_OF_FILE);
                }
                if stalled && out.capacity() > out.len() {
                    return Err(END_OF_FILE);
                }
            }
            Err(e) => {
                if zlib_header && e.needs_dictionary().is_some() {
                    return Err(ZlibError {
                        message: "Missing dictionary",
                        errno: 2,
                        code: "Z_NEED_DICT",
                    });
                }
                return Err(data_error("invalid block type"));
            }
        }
    }
}

fn inflate_zlib(input: &[u8]) -> Result<Vec<u8>, ZlibError> {
    match input {
        [] | [_] => return Err(END_OF_FILE),
        [cmf, flg, ..] => {
            if (u16::from(*cmf) * 256 + u16::from(*flg)) % 31 != 0 {
                return Err(data_error("incorrect header check"));
            }
            if cmf & 0x0f != 8 {
                return Err(data_error("unknown compression method"));
            }
            if (cmf >> 4) + 8 > 15 {
                return Err(data_error("invalid window size"));
            }
        }
    }
    inflate(input, true).map(|(out, _)| out)
}

fn gunzip(input: &[u8]) -> Result<Vec<u8>, ZlibError> {
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        let member = input.get(at..).unwrap_or(&[]);
        let (data, used) = gunzip_member(member)?;
        out.extend(data);
        at += used;
        // As Node's zlib.cc: trailing zero bytes are padding; anything else is read as
        // another member (so garbage fails its header check).
        match input.get(at..) {
            None | Some([]) | Some([0, ..]) => return Ok(out),
            Some(_) => {}
        }
    }
}

fn gunzip_member(input: &[u8]) -> Result<(Vec<u8>, usize), ZlibError> {
    if input.len() < 10 {
        if input.len() >= 2 && !input.starts_with(&[0x1f, 0x8b]) {
            return Err(data_error("incorrect header check"));
        }
        return Err(END_OF_FILE);
    }
    if input[0] != 0x1f || input[1] != 0x8b {
        return Err(data_error("incorrect header check"));
    }
    if input[2] != 8 {
        return Err(data_error("unknown compression method"));
    }
    let flags = input[3];
    if flags & 0xe0 != 0 {
        return Err(data_error("unknown header flags set"));
    }
    let mut at = 10;
    let need = |at: usize| {
        if at > input.len() {
            Err(END_OF_FILE)
        } else {
            Ok(())
        }
    };
    if flags & 4 != 0 {
        need(at + 2)?;
        let xlen = usize::from(input[at]) | (usize::from(input[at + 1]) << 8);
        at += 2 + xlen;
        need(at)?;
    }
    for bit in [8u8, 16] {
        if flags & bit != 0 {
            let end = input[at..]
                .iter()
                .position(|&b| b == 0)
                .ok_or(END_OF_FILE)?;
            at += end + 1;
        }
    }
    if flags & 2 != 0 {
        at += 2;
        need(at)?;
    }
    let (data, used) = inflate(&input[at..], false)?;
    at += used;
    let trailer = input.get(at..at + 8).ok_or(END_OF_FILE)?;
    let crc = u32::from_le_bytes([trailer[0], trailer[1], trailer[2], trailer[3]]);
    let size = u32::from_le_bytes([trailer[4], trailer[5], trailer[6], trailer[7]]);
    let mut h = crc32fast::Hasher::new();
    h.update(&data);
    if h.finalize() != crc {
        return Err(data_error("incorrect data check"));
    }
    if size != data.len() as u32 {
        return Err(data_error("incorrect length check"));
    }
    Ok((data, at + 8))
}

/// The error object Node's zlib throws (`Error: incorrect header check` with `errno`, `code`).
fn zlib_error(it: &mut Interp, e: &ZlibError) -> Value {
    let p = it.intrinsics.error_prototype.clone();
    let o = it.make_error(&p, e.message);
    o.define("errno", Value::from(e.errno), Attrs::DEFAULT);
    o.define("code", Value::from(e.code), Attrs::DEFAULT);
    Value::Object(o)
}

/// `[error | null, bytes | undefined]` of a finished job.
pub fn result_to_js(it: &mut Interp, r: Result<Vec<u8>, ZlibError>) -> Value {
    let pair = match r {
        Ok(bytes) => {
            let b = crate::fs::new_uint8_array(it, bytes);
            vec![Value::Null, Value::Object(b)]
        }
        Err(e) => vec![zlib_error(it, &e), Value::Undefined],
    };
    Value::Object(it.new_array(pair))
}

fn mode_input_level(it: &mut Interp, a: &Args, at: usize) -> JsResult<(u32, Vec<u8>, i32)> {
    let mode = it.to_number(&a.get(at))? as u32;
    let input = crate::fs::view_bytes(&a.get(at + 1)).unwrap_or_default();
    let level = it.to_number(&a.get(at + 2))?;
    let level = if level.is_finite() { level as i32 } else { -1 };
    Ok((mode, input, level))
}

/// Installs `zlibSync`, `zlibAsync` and `crc32` on the core modules' binding.
pub fn install(it: &mut Interp, b: &Obj) {
    // `zlibSync(mode, input, level)`: the output bytes, or throws zlib's error.
    let sync = it.define_method_obj(b, "zlibSync", 3, |it, a| {
        let (mode, input, level) = mode_input_level(it, a, 0)?;
        match run(mode, &input, level) {
            Ok(bytes) => Ok(Value::Object(crate::fs::new_uint8_array(it, bytes))),
            Err(e) => Err(Abrupt::Throw(zlib_error(it, &e))),
        }
    });
    it.mark_frameless(&sync);
    // `zlibAsync(callback, mode, input, level)`: on the I/O pool; `callback(null, [err,
    // bytes])` in a later poll phase.
    it.define_method(b, "zlibAsync", 4, |it, a| {
        let cb = a.get(0);
        let (mode, input, level) = mode_input_level(it, a, 1)?;
        let id = crate::io::submit(
            it,
            cb,
            Box::new(move || Ok(Out::Zlib(run(mode, &input, level)))),
        );
        Ok(Value::Number(id as f64))
    });
    // `crc32(bytes, initial)`.
    it.define_method(b, "crc32", 2, |it, a| {
        let input = crate::fs::view_bytes(&a.get(0)).unwrap_or_default();
        let initial = it.to_number(&a.get(1))?;
        let initial = if initial.is_finite() {
            initial as u32
        } else {
            0
        };
        let mut h = crc32fast::Hasher::new_with_initial(initial);
        h.update(&input);
        Ok(Value::Number(f64::from(h.finalize())))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_format() {
        let text = b"hello hello hello world".repeat(50);
        for (c, d) in [(DEFLATE, INFLATE), (DEFLATERAW, INFLATERAW), (GZIP, GUNZIP)] {
            let packed = run(c, &text, -1).unwrap_or_default();
            assert_eq!(run(d, &packed, -1).ok(), Some(text.clone()));
        }
        let gz = run(GZIP, b"x", 6).unwrap_or_default();
        assert_eq!(run(UNZIP, &gz, -1).ok(), Some(b"x".to_vec()));
        // Output far larger than the first buffer (inflate once failed past it).
        let big = vec![b'x'; 300_000];
        for (c, d) in [(DEFLATE, INFLATE), (DEFLATERAW, INFLATERAW), (GZIP, GUNZIP)] {
            let packed = run(c, &big, -1).unwrap_or_default();
            assert_eq!(run(d, &packed, -1).ok().map(|v| v.len()), Some(big.len()));
        }
    }

    #[test]
    fn gzip_members_and_trailing_bytes() {
        let mut two = run(GZIP, b"a", -1).unwrap_or_default();
        two.extend(run(GZIP, b"b", -1).unwrap_or_default());
        two.extend([0, 0]);
        assert_eq!(run(GUNZIP, &two, -1).ok(), Some(b"ab".to_vec()));
        let mut junk = run(GZIP, b"a", -1).unwrap_or_default();
        junk.extend(b"junk");
        let e = run(GUNZIP, &junk, -1).err().map(|e| e.message);
        assert_eq!(e, Some("incorrect header check"));
    }

    #[test]
    fn errors_are_zlibs() {
        let e = run(GUNZIP, b"nope", -1).err().map(|e| e.message);
        assert_eq!(e, Some("incorrect header check"));
        let e = run(INFLATE, b"nope", -1).err().map(|e| e.message);
        assert_eq!(e, Some("incorrect header check"));
        let gz = run(GZIP, b"hello world", 6).unwrap_or_default();
        let e = run(GUNZIP, &gz[..gz.len() - 4], -1)
            .err()
            .map(|e| e.message);
        assert_eq!(e, Some("unexpected end of file"));
    }
}
