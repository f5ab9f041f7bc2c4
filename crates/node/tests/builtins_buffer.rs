//! `Buffer`, `TextEncoder`/`TextDecoder` and `crypto`, run end to end through the Node host.
//! Each `tests/bytes/NAME.js` is compared with `NAME.out`, what the reference Node 24 prints
//! for it (regenerate with `node NAME.js > NAME.out`; random values are never printed).

use jsgen_node::run::run_captured;

fn check(name: &str) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bytes/");
    let code = std::fs::read_to_string(format!("{dir}{name}.js")).expect("script");
    let expected = std::fs::read_to_string(format!("{dir}{name}.out")).expect("expected output");
    let (got, status) = run_captured(&code);
    assert_eq!(status, 0, "{name}: exit status");
    if got != expected {
        for (i, (g, e)) in got.lines().zip(expected.lines()).enumerate() {
            assert_eq!(g, e, "{name}: line {}", i + 1);
        }
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn buffer_api_matches_node() {
    check("buffer_api");
}

#[test]
fn text_encoder_decoder_match_node() {
    check("text_codec");
}

#[test]
fn crypto_matches_node() {
    check("crypto_api");
}

#[test]
fn structured_clone_and_inspect_of_buffers() {
    check("clone_inspect");
}

/// Checks written out here, each against the reference Node's output.
fn out(code: &str) -> String {
    run_captured(code).0
}

#[test]
fn buffer_errors_and_numbers() {
    let o = out(r#"
        const b = Buffer.alloc(8);
        b.writeBigInt64BE(-2n); console.log(b.readBigInt64BE(), b.readBigUInt64LE());
        b.writeFloatBE(0.1); console.log(b.readFloatBE(), b.readUInt8(1));
        b.writeIntLE(-123456, 2, 3); console.log(b.readIntLE(2, 3), b.readUIntLE(2, 3));
        for (const f of [() => b.writeInt8(128), () => b.readUIntLE(0, 7), () => b.writeBigUInt64LE(-1n),
                         () => b.fill('zz', 'hex'), () => Buffer.concat([1]), () => b.copy({}),
                         () => Buffer.from(new ArrayBuffer(4), 5), () => Buffer.alloc(2).write('x', 3)]) {
          try { f(); } catch (e) { console.log(e.name, e.code, e.message); }
        }
    "#);
    assert_eq!(
        o,
        "-2n 18374686479671623679n\n\
         0.10000000149011612 204\n\
         -123456 16653760\n\
         RangeError ERR_OUT_OF_RANGE The value of \"value\" is out of range. It must be >= -128 and <= 127. Received 128\n\
         RangeError ERR_OUT_OF_RANGE The value of \"byteLength\" is out of range. It must be >= 1 and <= 6. Received 7\n\
         RangeError ERR_OUT_OF_RANGE The value of \"value\" is out of range. It must be >= 0n and < 2n ** 64n. Received -1n\n\
         TypeError ERR_INVALID_ARG_VALUE The argument 'value' is invalid. Received 'zz'\n\
         TypeError ERR_INVALID_ARG_TYPE The \"list[0]\" argument must be an instance of Buffer or Uint8Array. Received type number (1)\n\
         TypeError ERR_INVALID_ARG_TYPE The \"target\" argument must be an instance of Buffer or Uint8Array. Received an instance of Object\n\
         RangeError ERR_BUFFER_OUT_OF_BOUNDS \"offset\" is outside of buffer bounds\n\
         RangeError ERR_OUT_OF_RANGE The value of \"offset\" is out of range. It must be >= 0 && <= 2. Received 3\n"
    );
}
