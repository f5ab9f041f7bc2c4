//! The `Math` namespace object: constants and the ES2023 functions.

use std::cell::Cell;

use crate::builtins::define_global;
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, PropKey};
use crate::value::{to_int32, to_uint32, Value};

/// Defines a one-argument function `Math.name(x) = f(ToNumber(x))`.
macro_rules! unary {
    ($it:expr, $m:expr, $name:literal, $f:expr) => {
        $it.define_method($m, $name, 1, |it, a| {
            let x = it.to_number(&a.get(0))?;
            let f: fn(f64) -> f64 = $f;
            Ok(Value::Number(f(x)))
        });
    };
}

pub fn init(it: &mut Interp) {
    let m = it.new_object();
    unary!(it, &m, "abs", f64::abs);
    unary!(it, &m, "acos", libm::acos);
    unary!(it, &m, "acosh", libm::acosh);
    unary!(it, &m, "asin", libm::asin);
    unary!(it, &m, "asinh", math_asinh);
    unary!(it, &m, "atan", libm::atan);
    unary!(it, &m, "atanh", libm::atanh);
    it.define_method(&m, "atan2", 2, |it, a| {
        let y = it.to_number(&a.get(0))?;
        let x = it.to_number(&a.get(1))?;
        Ok(Value::Number(libm::atan2(y, x)))
    });
    unary!(it, &m, "ceil", f64::ceil);
    unary!(it, &m, "cbrt", fdlibm_cbrt);
    unary!(it, &m, "expm1", libm::expm1);
    it.define_method(&m, "clz32", 1, |it, a| {
        let n = it.to_number(&a.get(0))?;
        Ok(Value::from(to_uint32(n).leading_zeros()))
    });
    unary!(it, &m, "cos", fdlibm_cos);
    unary!(it, &m, "cosh", fdlibm_cosh);
    unary!(it, &m, "exp", fdlibm_exp);
    unary!(it, &m, "floor", f64::floor);
    unary!(it, &m, "fround", |x| x as f32 as f64);
    it.define_method(&m, "hypot", 2, math_hypot);
    it.define_method(&m, "imul", 2, |it, a| {
        let x = it.to_number(&a.get(0))?;
        let y = it.to_number(&a.get(1))?;
        Ok(Value::from(to_int32(x).wrapping_mul(to_int32(y))))
    });
    unary!(it, &m, "log", libm::log);
    unary!(it, &m, "log1p", libm::log1p);
    unary!(it, &m, "log2", f64::log2);
    unary!(it, &m, "log10", f64::log10);
    it.define_method(&m, "max", 2, math_max);
    it.define_method(&m, "min", 2, math_min);
    it.define_method(&m, "pow", 2, |it, a| {
        let x = it.to_number(&a.get(0))?;
        let y = it.to_number(&a.get(1))?;
        Ok(Value::Number(math_pow(x, y)))
    });
    it.define_method(&m, "random", 0, |_, _| Ok(Value::Number(random())));
    unary!(it, &m, "round", math_round);
    unary!(it, &m, "sign", |x| if x.is_nan() || x == 0.0 {
        x
    } else {
        x.signum()
    });
    unary!(it, &m, "sin", fdlibm_sin);
    unary!(it, &m, "sinh", v8_sinh);
    unary!(it, &m, "sqrt", f64::sqrt);
    it.define_method(&m, "sumPrecise", 1, math_sum_precise);
    unary!(it, &m, "tan", libm::tan);
    unary!(it, &m, "tanh", f64::tanh);
    unary!(it, &m, "trunc", f64::trunc);
    let consts: [(&str, f64); 8] = [
        ("E", std::f64::consts::E),
        ("LN10", std::f64::consts::LN_10),
        ("LN2", std::f64::consts::LN_2),
        ("LOG10E", std::f64::consts::LOG10_E),
        ("LOG2E", std::f64::consts::LOG2_E),
        ("PI", std::f64::consts::PI),
        ("SQRT1_2", std::f64::consts::FRAC_1_SQRT_2),
        ("SQRT2", std::f64::consts::SQRT_2),
    ];
    for (name, v) in consts {
        m.define(name, Value::Number(v), Attrs::NONE);
    }
    // Math.f16round(x): the nearest binary16 value, ties to even (V8 installs it last).
    unary!(
        it,
        &m,
        "f16round",
        crate::builtins::array_buffer::round_to_f16
    );
    m.define(
        PropKey::Sym(it.symbols.to_string_tag.clone()),
        Value::from("Math"),
        Attrs::CONFIGURABLE_ONLY,
    );
    it.intrinsics.math = m.clone();
    define_global(it, "Math", Value::Object(m));
}

/// Whether Math's function `key`, given numbers, computes a number and nothing else, so
/// the call node may call it without a stack entry (`Interp::call_pure_native`; marked
/// when the lazily made function is built). All but `random`, which changes the
/// generator's state: a REPL preview must refuse it, and its side-effect check is on the
/// call path.
pub fn pure_for_numbers(key: &PropKey) -> bool {
    *key != PropKey::from("random")
}

/// `Math.sumPrecise(items)`: the exact sum of the Numbers of an iterable, rounded once.
fn math_sum_precise(it: &mut Interp, a: &Args) -> JsResult<Value> {
    #[derive(PartialEq)]
    enum State {
        MinusZero,
        Finite,
        PlusInfinity,
        MinusInfinity,
        NotANumber,
    }
    let items = a.get(0);
    // 1. Perform ? RequireObjectCoercible(items).
    if items.is_nullish() {
        return Err(it.type_error("Math.sumPrecise called on null or undefined"));
    }
    // 2. Let iteratorRecord be ? GetIterator(items, sync).
    let mut rec = it.get_iterator(&items)?;
    let mut state = State::MinusZero;
    let mut sum = ExactSum::default();
    let mut count: u64 = 0;
    // 7. Repeat, while next is not done.
    while let Some(next) = it.iterator_step_value(&mut rec)? {
        // ii. If count ≥ 2^53, close the iterator with a RangeError.
        count += 1;
        if count >= 1 << 53 {
            let e = it.range_error("Too many values passed to Math.sumPrecise");
            return it.iterator_close(&rec, Err(e));
        }
        // iv. If next is not a Number, close the iterator with a TypeError.
        let Value::Number(n) = next else {
            let s = crate::interp::brief::brief(it, &next);
            let e = it.type_error(format!("{s} is not a number"));
            return it.iterator_close(&rec, Err(e));
        };
        // vi. Track NaN and the infinities; add finite values other than -0.
        if state == State::NotANumber {
            continue;
        }
        if n.is_nan() {
            state = State::NotANumber;
        } else if n == f64::INFINITY {
            state = if state == State::MinusInfinity {
                State::NotANumber
            } else {
                State::PlusInfinity
            };
        } else if n == f64::NEG_INFINITY {
            state = if state == State::PlusInfinity {
                State::NotANumber
            } else {
                State::MinusInfinity
            };
        } else if !(n == 0.0 && n.is_sign_negative())
            && matches!(state, State::MinusZero | State::Finite)
        {
            state = State::Finite;
            sum.add(n);
        }
    }
    // 8-12.
    Ok(Value::Number(match state {
        State::NotANumber => f64::NAN,
        State::PlusInfinity => f64::INFINITY,
        State::MinusInfinity => f64::NEG_INFINITY,
        State::MinusZero => -0.0,
        State::Finite => sum.to_f64(),
    }))
}

/// Limbs of [`ExactSum`]: 2^2098 bounds a double in units of 2^-1074, and at most 2^53
/// values are added, so 2151 bits plus a sign bit suffice.
const SUM_LIMBS: usize = 34;

/// An exact sum of doubles: a two's-complement fixed-point integer counting units of
/// 2^-1074 (every finite double is a whole number of them).
struct ExactSum {
    limbs: [u64; SUM_LIMBS],
}

impl Default for ExactSum {
    fn default() -> Self {
        ExactSum {
            limbs: [0; SUM_LIMBS],
        }
    }
}

impl ExactSum {
    /// Adds a finite double exactly.
    fn add(&mut self, x: f64) {
        let bits = x.to_bits();
        let negative = bits >> 63 == 1;
        let exp = ((bits >> 52) & 0x7ff) as usize;
        let frac = bits & ((1 << 52) - 1);
        // x = mant × 2^shift units: a normal number is (2^52 + frac) × 2^(exp - 1075).
        let (mant, shift) = if exp == 0 {
            (frac, 0)
        } else {
            (frac | (1 << 52), exp - 1)
        };
        let wide = (mant as u128) << (shift % 64);
        let parts = [wide as u64, (wide >> 64) as u64];
        let mut i = shift / 64;
        let mut carry = false;
        for (k, part) in parts.into_iter().enumerate() {
            if i >= SUM_LIMBS {
                break;
            }
            if negative {
                let (d, b1) = self.limbs[i].overflowing_sub(part);
                let (d, b2) = d.overflowing_sub(carry as u64);
                self.limbs[i] = d;
                carry = b1 || b2;
            } else {
                let (s, c1) = self.limbs[i].overflowing_add(part);
                let (s, c2) = s.overflowing_add(carry as u64);
                self.limbs[i] = s;
                carry = c1 || c2;
            }
            i += 1;
            if k == 1 {
                break;
            }
        }
        // Propagate the carry (or borrow) upwards.
        while carry && i < SUM_LIMBS {
            if negative {
                let (d, b) = self.limbs[i].overflowing_sub(1);
                self.limbs[i] = d;
                carry = b;
            } else {
                let (s, c) = self.limbs[i].overflowing_add(1);
                self.limbs[i] = s;
                carry = c;
            }
            i += 1;
        }
    }

    /// 𝔽(sum): rounded to the nearest double, ties to even (+0 for an exact zero).
    fn to_f64(&self) -> f64 {
        let negative = self.limbs[SUM_LIMBS - 1] >> 63 == 1;
        let mut mag = self.limbs;
        if negative {
            // Two's-complement negation.
            let mut carry = true;
            for l in &mut mag {
                let (v, c) = (!*l).overflowing_add(carry as u64);
                *l = v;
                carry = c;
            }
        }
        let Some(top) = (0..SUM_LIMBS).rev().find(|&i| mag[i] != 0) else {
            return 0.0;
        };
        let bit = |i: usize| -> bool { (mag[i / 64] >> (i % 64)) & 1 == 1 };
        // The highest set bit.
        let p = top * 64 + 63 - mag[top].leading_zeros() as usize;
        let v = if p < 53 {
            // Exact (a subnormal or small normal number).
            ldexp(mag[0] as f64, -1074)
        } else {
            // Keep 53 bits [shift, p]; round half to even on the bits below.
            let shift = p - 52;
            let mut m: u64 = 0;
            for i in (shift..=p).rev() {
                m = (m << 1) | bit(i) as u64;
            }
            let round = bit(shift - 1);
            let sticky = (0..shift - 1).any(bit);
            let mut shift = shift as i32;
            if round && (sticky || m & 1 == 1) {
                m += 1;
                if m == 1 << 53 {
                    m >>= 1;
                    shift += 1;
                }
            }
            ldexp(m as f64, shift - 1074)
        };
        if negative {
            -v
        } else {
            v
        }
    }
}

/// x × 2^e without overflowing or underflowing the intermediate power.
fn ldexp(x: f64, e: i32) -> f64 {
    let half = e / 2;
    x * 2f64.powi(half) * 2f64.powi(e - half)
}

/// asinh keeping the sign of zero (`Math.asinh(-0)` is -0).
fn math_asinh(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    libm::asinh(x)
}

/// Cube root as FreeBSD's `s_cbrt.c` computes it (the algorithm V8's ieee754 uses): an
/// exponent-based estimate, a polynomial step to 23 bits, one Newton step to 53 bits.
#[allow(clippy::excessive_precision)]
fn fdlibm_cbrt(x: f64) -> f64 {
    const B1: u32 = 715_094_163; // (1023 - 1023/3 - 0.03306235651) * 2^20
    const B2: u32 = 696_219_795; // (1023 - 1023/3 - 54/3 - 0.03306235651) * 2^20
    const P0: f64 = 1.875_951_824_271_770_096_43;
    const P1: f64 = -1.884_979_795_433_771_698_75;
    const P2: f64 = 1.621_429_720_105_354_466_140;
    const P3: f64 = -0.758_397_934_778_766_047_437;
    const P4: f64 = 0.145_996_192_886_612_446_982;
    let bits = x.to_bits();
    let mut hx = (bits >> 32) as u32;
    let low = bits as u32;
    let sign = hx & 0x8000_0000;
    hx &= 0x7fff_ffff;
    if hx >= 0x7ff0_0000 {
        return x + x;
    }
    let words = |h: u32, l: u32| f64::from_bits(((h as u64) << 32) | l as u64);
    let mut t = if hx < 0x0010_0000 {
        if (hx | low) == 0 {
            return x;
        }
        let t = words(0x4350_0000, 0) * x;
        let high = (t.to_bits() >> 32) as u32;
        words(sign | ((high & 0x7fff_ffff) / 3 + B2), 0)
    } else {
        words(sign | (hx / 3 + B1), 0)
    };
    let r = (t * t) * (t / x);
    t *= (P0 + r * (P1 + r * P2)) + ((r * r) * r) * (P3 + r * P4);
    // Round t away from zero to 23 bits.
    t = f64::from_bits((t.to_bits().wrapping_add(0x8000_0000)) & 0xffff_ffff_c000_0000);
    let s = t * t;
    let mut r = x / s;
    let w = t + t;
    r = (r - t) / (w + r);
    t + t * r
}

/// exp by the fdlibm method (as V8): reduce x = k·ln2 + r with |r| ≤ ln2/2, approximate
/// e^r with a degree-5 rational correction, then scale by 2^k.
#[allow(clippy::excessive_precision)]
fn fdlibm_exp(x: f64) -> f64 {
    const O_THRESHOLD: f64 = 7.097_827_128_933_839_730_96e2;
    const U_THRESHOLD: f64 = -7.451_332_191_019_411_084_20e2;
    const LN2_HI: f64 = 6.931_471_803_691_238_164_90e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
    const INV_LN2: f64 = std::f64::consts::LOG2_E; // 0x3ff71547_652b82fe
    const P1: f64 = 1.666_666_666_666_660_190_37e-1;
    const P2: f64 = -2.777_777_777_701_559_338_42e-3;
    const P3: f64 = 6.613_756_321_437_934_361_17e-5;
    const P4: f64 = -1.653_390_220_546_525_153_90e-6;
    const P5: f64 = 4.138_136_797_057_238_460_39e-8;
    const TWOM1000: f64 = 9.332_636_185_032_188_789_90e-302;
    let hx_full = (x.to_bits() >> 32) as u32;
    let xsb = (hx_full >> 31) as i32; // sign bit
    let hx = hx_full & 0x7fff_ffff;
    if hx >= 0x4086_2E42 {
        // |x| >= 709.78...
        if hx >= 0x7ff0_0000 {
            if x.is_nan() {
                return x + x;
            }
            return if xsb == 0 { x } else { 0.0 };
        }
        if x > O_THRESHOLD {
            return f64::INFINITY;
        }
        if x < U_THRESHOLD {
            return 0.0;
        }
    }
    let (mut hi, mut lo, k): (f64, f64, i32) = (0.0, 0.0, 0);
    let mut x = x;
    let k = if hx > 0x3fd6_2e42 {
        // |x| > 0.5 ln2
        let k = if hx < 0x3FF0_A2B2 {
            // |x| < 1.5 ln2
            if x == 1.0 {
                return std::f64::consts::E;
            }
            if xsb == 0 {
                hi = x - LN2_HI;
                lo = LN2_LO;
            } else {
                hi = x + LN2_HI;
                lo = -LN2_LO;
            }
            1 - xsb - xsb
        } else {
            let half = if xsb == 0 { 0.5 } else { -0.5 };
            let k = (INV_LN2 * x + half) as i32;
            let t = k as f64;
            hi = x - t * LN2_HI;
            lo = t * LN2_LO;
            k
        };
        x = hi - lo;
        k
    } else if hx < 0x3e30_0000 {
        // |x| < 2^-28
        return 1.0 + x;
    } else {
        k
    };
    let t = x * x;
    let c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    if k == 0 {
        return 1.0 - ((x * c) / (c - 2.0) - x);
    }
    let y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    let add_exp = |y: f64, k: i32| {
        let bits = y.to_bits();
        let hi = ((bits >> 32) as i32).wrapping_add(k << 20) as u32;
        f64::from_bits(((hi as u64) << 32) | (bits & 0xffff_ffff))
    };
    if k >= -1021 {
        add_exp(y, k)
    } else {
        add_exp(y, k + 1000) * TWOM1000
    }
}

/// sinh by V8's method: sign(x)·(E + E/(E+1))/2 with E = expm1(|x|) up to 22, then exp/2,
/// splitting exp near the overflow threshold.
fn v8_sinh(x: f64) -> f64 {
    let h = if x < 0.0 { -0.5 } else { 0.5 };
    let ax = x.abs();
    if ax < 22.0 {
        if ax < 3.725_290_298_461_914e-9 {
            return x;
        }
        let t = libm::expm1(ax);
        if ax < 1.0 {
            return h * (2.0 * t - t * t / (t + 1.0));
        }
        return h * (t + t / (t + 1.0));
    }
    if ax < 709.782_226_562_5 {
        return h * fdlibm_exp(ax);
    }
    if ax <= 710.475_860_073_943_9 {
        let w = fdlibm_exp(0.5 * ax);
        let t = h * w;
        return t * w;
    }
    x * 1.0e307
}

/// cosh by the fdlibm method: 1 + t²/(2(1+t)) with t = expm1(|x|) below ln2/2,
/// (e^|x| + 1/e^|x|)/2 below 22, then e^|x|/2 (split near overflow).
fn fdlibm_cosh(x: f64) -> f64 {
    let ax = x.abs();
    if x.is_nan() {
        return x;
    }
    if ax < 0.5 * std::f64::consts::LN_2 {
        let t = libm::expm1(ax);
        let w = 1.0 + t;
        if ax < 5.551_115_123_125_783e-17 {
            return w;
        }
        return 1.0 + (t * t) / (w + w);
    }
    if ax < 22.0 {
        let t = fdlibm_exp(ax);
        return 0.5 * t + 0.5 / t;
    }
    if ax < 709.782_711_149_557_4 {
        return 0.5 * fdlibm_exp(ax);
    }
    if ax <= 710.475_860_073_943_9 {
        let w = fdlibm_exp(0.5 * ax);
        let t = 0.5 * w;
        return t * w;
    }
    f64::INFINITY
}

/// Number::exponentiate with the fdlibm `pow` (as V8; the platform `pow` rounds differently,
/// e.g. V8 gives `10 ** -5 === 0.000009999999999999999`).
pub fn math_pow(x: f64, y: f64) -> f64 {
    // The cases where Number::exponentiate differs from C's pow.
    if y.is_nan() {
        return f64::NAN;
    }
    if y == 0.0 {
        return 1.0;
    }
    if (x == 1.0 || x == -1.0) && y.is_infinite() {
        return f64::NAN;
    }
    libm::pow(x, y)
}

// ---- sin/cos as the classic fdlibm computes them (V8's ieee754 follows it) ------------------

fn hi_word(x: f64) -> u32 {
    (x.to_bits() >> 32) as u32
}

fn c(bits: u64) -> f64 {
    f64::from_bits(bits)
}

/// __kernel_sin(x, y, iy) on [-π/4, π/4]; y is the tail of x, iy = 0 if y is zero.
fn kernel_sin(x: f64, y: f64, iy: bool) -> f64 {
    let s1 = c(0xBFC5_5555_5555_5549);
    let s2 = c(0x3F81_1111_1110_F8A6);
    let s3 = c(0xBF2A_01A0_19C1_61D5);
    let s4 = c(0x3EC7_1DE3_57B1_FE7D);
    let s5 = c(0xBE5A_E5E6_8A2B_9CEB);
    let s6 = c(0x3DE5_D93A_5ACF_D57C);
    let ix = hi_word(x) & 0x7fff_ffff;
    if ix < 0x3e40_0000 && (x as i32) == 0 {
        return x;
    }
    let z = x * x;
    let v = z * x;
    let r = s2 + z * (s3 + z * (s4 + z * (s5 + z * s6)));
    if !iy {
        x + v * (s1 + z * r)
    } else {
        x - ((z * (0.5 * y - v * r) - y) - v * s1)
    }
}

/// __kernel_cos(x, y) on [-π/4, π/4].
fn kernel_cos(x: f64, y: f64) -> f64 {
    let c1 = c(0x3FA5_5555_5555_554C);
    let c2 = c(0xBF56_C16C_16C1_5177);
    let c3 = c(0x3EFA_01A0_19CB_1590);
    let c4 = c(0xBE92_7E4F_809C_52AD);
    let c5 = c(0x3E21_EE9E_BDB4_B1C4);
    let c6 = c(0xBDA8_FAE9_BE88_38D4);
    let ix = hi_word(x) & 0x7fff_ffff;
    if ix < 0x3e40_0000 && (x as i32) == 0 {
        return 1.0;
    }
    let z = x * x;
    let r = z * (c1 + z * (c2 + z * (c3 + z * (c4 + z * (c5 + z * c6)))));
    if ix < 0x3FD3_3333 {
        return 1.0 - (0.5 * z - (z * r - x * y));
    }
    let qx = if ix > 0x3fe9_0000 {
        0.28125
    } else {
        c(((ix - 0x0020_0000) as u64) << 32)
    };
    let hz = 0.5 * z - qx;
    let a = 1.0 - qx;
    a - (hz - (z * r - x * y))
}

/// __ieee754_rem_pio2 for |x| ≤ 2^19·π/2: x = n·π/2 + (y0 + y1). `None` for larger |x|.
fn rem_pio2_medium(x: f64) -> Option<(i32, f64, f64)> {
    let invpio2 = c(0x3FE4_5F30_6DC9_C883);
    let pio2_1 = c(0x3FF9_21FB_5440_0000);
    let pio2_1t = c(0x3DD0_B461_1A62_6331);
    let pio2_2 = c(0x3DD0_B461_1A60_0000);
    let pio2_2t = c(0x3BA3_198A_2E03_7073);
    let pio2_3 = c(0x3BA3_198A_2E00_0000);
    let pio2_3t = c(0x397B_839A_2520_49C1);
    let hx = hi_word(x);
    let ix = hx & 0x7fff_ffff;
    let neg = (hx >> 31) != 0;
    if ix < 0x4002_d97c {
        // |x| < 3π/4: n = ±1.
        let (z, y0, y1);
        if !neg {
            let z0 = x - pio2_1;
            if ix != 0x3ff9_21fb {
                z = z0;
                y0 = z - pio2_1t;
                y1 = (z - y0) - pio2_1t;
            } else {
                z = z0 - pio2_2;
                y0 = z - pio2_2t;
                y1 = (z - y0) - pio2_2t;
            }
            return Some((1, y0, y1));
        }
        let z0 = x + pio2_1;
        if ix != 0x3ff9_21fb {
            z = z0;
            y0 = z + pio2_1t;
            y1 = (z - y0) + pio2_1t;
        } else {
            z = z0 + pio2_2;
            y0 = z + pio2_2t;
            y1 = (z - y0) + pio2_2t;
        }
        return Some((-1, y0, y1));
    }
    if ix > 0x4139_21fb {
        return None;
    }
    let t = x.abs();
    let n = (t * invpio2 + 0.5) as i32;
    let f_n = n as f64;
    let mut r = t - f_n * pio2_1;
    let mut w = f_n * pio2_1t;
    let j = (ix >> 20) as i32;
    let mut y0 = r - w;
    let mut i = j - ((hi_word(y0) >> 20) & 0x7ff) as i32;
    if i > 16 {
        // Second iteration, good to 118 bits.
        let t2 = r;
        w = f_n * pio2_2;
        r = t2 - w;
        w = f_n * pio2_2t - ((t2 - r) - w);
        y0 = r - w;
        i = j - ((hi_word(y0) >> 20) & 0x7ff) as i32;
        if i > 49 {
            // Third iteration, 151 bits.
            let t3 = r;
            w = f_n * pio2_3;
            r = t3 - w;
            w = f_n * pio2_3t - ((t3 - r) - w);
            y0 = r - w;
        }
    }
    let y1 = (r - y0) - w;
    if neg {
        Some((-n, -y0, -y1))
    } else {
        Some((n, y0, y1))
    }
}

fn fdlibm_sin(x: f64) -> f64 {
    let ix = hi_word(x) & 0x7fff_ffff;
    if ix <= 0x3fe9_21fb {
        return kernel_sin(x, 0.0, false);
    }
    if ix >= 0x7ff0_0000 {
        return f64::NAN;
    }
    match rem_pio2_medium(x) {
        Some((n, y0, y1)) => match n & 3 {
            0 => kernel_sin(y0, y1, true),
            1 => kernel_cos(y0, y1),
            2 => -kernel_sin(y0, y1, true),
            _ => -kernel_cos(y0, y1),
        },
        None => libm::sin(x),
    }
}

fn fdlibm_cos(x: f64) -> f64 {
    let ix = hi_word(x) & 0x7fff_ffff;
    if ix <= 0x3fe9_21fb {
        return kernel_cos(x, 0.0);
    }
    if ix >= 0x7ff0_0000 {
        return f64::NAN;
    }
    match rem_pio2_medium(x) {
        Some((n, y0, y1)) => match n & 3 {
            0 => kernel_cos(y0, y1),
            1 => -kernel_sin(y0, y1, true),
            2 => -kernel_cos(y0, y1),
            _ => kernel_sin(y0, y1, true),
        },
        None => libm::cos(x),
    }
}

/// Math.round: the integer closest to x, ties toward +∞; -0 for x in [-0.5, -0].
pub fn math_round(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if (-0.5..0.0).contains(&x) {
        return -0.0;
    }
    let f = x.floor();
    if x - f >= 0.5 {
        f + 1.0
    } else {
        f
    }
}

fn coerce_all(it: &mut Interp, a: &Args) -> JsResult<Vec<f64>> {
    let mut v = Vec::with_capacity(a.len());
    for x in a.args {
        v.push(it.to_number(x)?);
    }
    Ok(v)
}

fn math_max(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let nums = coerce_all(it, a)?;
    let mut r = f64::NEG_INFINITY;
    for n in nums {
        if n.is_nan() {
            return Ok(Value::Number(f64::NAN));
        }
        if n > r || (n == 0.0 && r == 0.0 && r.is_sign_negative() && !n.is_sign_negative()) {
            r = n;
        }
    }
    Ok(Value::Number(r))
}

fn math_min(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let nums = coerce_all(it, a)?;
    let mut r = f64::INFINITY;
    for n in nums {
        if n.is_nan() {
            return Ok(Value::Number(f64::NAN));
        }
        if n < r || (n == 0.0 && r == 0.0 && n.is_sign_negative()) {
            r = n;
        }
    }
    Ok(Value::Number(r))
}

/// Math.hypot, with V8's scaling and Kahan summation.
fn math_hypot(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let nums = coerce_all(it, a)?;
    let mut max = 0.0f64;
    let mut saw_nan = false;
    for &n in &nums {
        if n.is_infinite() {
            return Ok(Value::Number(f64::INFINITY));
        }
        if n.is_nan() {
            saw_nan = true;
        } else {
            max = max.max(n.abs());
        }
    }
    if saw_nan {
        return Ok(Value::Number(f64::NAN));
    }
    if max == 0.0 {
        return Ok(Value::Number(0.0));
    }
    let mut sum = 0.0f64;
    let mut compensation = 0.0f64;
    for n in nums {
        let v = n.abs() / max;
        let summand = v * v - compensation;
        let preliminary = sum + summand;
        compensation = (preliminary - sum) - summand;
        sum = preliminary;
    }
    Ok(Value::Number(sum.sqrt() * max))
}

thread_local! {
    static RNG: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

/// xorshift128+ (as V8 uses), seeded from the clock on first use.
fn random() -> f64 {
    RNG.with(|c| {
        let (mut s0, mut s1) = c.get();
        if s0 == 0 && s1 == 0 {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0x9E37_79B9_7F4A_7C15);
            let addr = &s0 as *const u64 as u64;
            s0 = splitmix(t ^ addr);
            s1 = splitmix(s0);
            if s0 == 0 && s1 == 0 {
                s1 = 1;
            }
        }
        let mut x = s0;
        let y = s1;
        s0 = y;
        x ^= x << 23;
        x ^= x >> 17;
        x ^= y ^ (y >> 26);
        s1 = x;
        c.set((s0, s1));
        // 53 random bits → [0, 1).
        (s0.wrapping_add(s1) >> 11) as f64 / (1u64 << 53) as f64
    })
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const JS_PRELUDE: &str = "function J(a, s) { let r = ''; for (let i = 0; i < a.length; i++) { if (i) r += s; r += String(a[i]); } return r; }\n";

    fn run(src: &str) -> Option<String> {
        let mut it = Interp::new();
        let v = it.run_script("t", &format!("{JS_PRELUDE}{src}")).ok()?;
        Some(it.to_string_lossy(&v))
    }

    #[test]
    fn rounding() {
        assert_eq!(math_round(2.5), 3.0);
        assert_eq!(math_round(-2.5), -2.0);
        assert!(math_round(-0.4).is_sign_negative());
        assert_eq!(math_round(0.49999999999999994), 0.0);
        assert_eq!(math_round(4503599627370495.5), 4503599627370496.0);
    }

    #[test]
    fn functions() {
        assert_eq!(
            run("J([Math.max(), Math.min(), Math.max(1, NaN), 1/Math.max(-0, 0), 1/Math.min(0, -0), Math.hypot(3, 4), Math.imul(0xffffffff, 5), Math.clz32(1), Math.sign(-3), Math.fround(5.5), Math.pow(2, 10), Math.trunc(-4.7)], ',')").as_deref(),
            Some("-Infinity,Infinity,NaN,Infinity,-Infinity,5,-5,31,-1,5.5,1024,-4")
        );
        assert_eq!(
            run("let r = Math.random(); r >= 0 && r < 1").as_deref(),
            Some("true")
        );
    }

    fn exact_sum(xs: &[f64]) -> f64 {
        let mut s = ExactSum::default();
        for &x in xs {
            s.add(x);
        }
        s.to_f64()
    }

    #[test]
    fn exact_sums() {
        assert_eq!(exact_sum(&[0.1, 0.2]), 0.30000000000000004);
        assert_eq!(exact_sum(&[1e308, 1e308, -1e308]), 1e308);
        assert_eq!(exact_sum(&[1e308, 1e308]), f64::INFINITY);
        assert_eq!(exact_sum(&[-1e308, -1e308]), f64::NEG_INFINITY);
        assert_eq!(exact_sum(&[1.0, -1.0]).to_bits(), 0.0f64.to_bits());
        assert_eq!(exact_sum(&[5e-324, 5e-324, -5e-324]), 5e-324);
        assert_eq!(exact_sum(&[-5e-324, -5e-324]), -1e-323);
        // Ties go to even; anything below the halfway point breaks the tie.
        assert_eq!(exact_sum(&[9007199254740992.0, 1.0]), 9007199254740992.0);
        assert_eq!(exact_sum(&[9007199254740992.0, 3.0]), 9007199254740996.0);
        assert_eq!(
            exact_sum(&[9007199254740992.0, 1.0, 1e-300]),
            9007199254740994.0
        );
        assert_eq!(exact_sum(&[1e20, 1.0, -1e20]), 1.0);
        assert_eq!(
            exact_sum(&[f64::MAX, f64::MAX, -f64::MAX, -f64::MAX, 3.0]),
            3.0
        );
    }
}
