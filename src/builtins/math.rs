//! The `Math` namespace object: constants and the ES2023 functions.

use std::cell::Cell;

use crate::builtins::define_global;
use crate::interp::ops::js_pow;
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
    unary!(it, &m, "abs", f64::abs);
    unary!(it, &m, "acos", f64::acos);
    unary!(it, &m, "acosh", f64::acosh);
    unary!(it, &m, "asin", f64::asin);
    unary!(it, &m, "asinh", math_asinh);
    unary!(it, &m, "atan", f64::atan);
    unary!(it, &m, "atanh", f64::atanh);
    it.define_method(&m, "atan2", 2, |it, a| {
        let y = it.to_number(&a.get(0))?;
        let x = it.to_number(&a.get(1))?;
        Ok(Value::Number(y.atan2(x)))
    });
    unary!(it, &m, "cbrt", f64::cbrt);
    unary!(it, &m, "ceil", f64::ceil);
    it.define_method(&m, "clz32", 1, |it, a| {
        let n = it.to_number(&a.get(0))?;
        Ok(Value::from(to_uint32(n).leading_zeros()))
    });
    unary!(it, &m, "cos", f64::cos);
    unary!(it, &m, "cosh", f64::cosh);
    unary!(it, &m, "exp", f64::exp);
    unary!(it, &m, "expm1", f64::exp_m1);
    unary!(it, &m, "floor", f64::floor);
    unary!(it, &m, "fround", |x| x as f32 as f64);
    it.define_method(&m, "hypot", 2, math_hypot);
    it.define_method(&m, "imul", 2, |it, a| {
        let x = it.to_number(&a.get(0))?;
        let y = it.to_number(&a.get(1))?;
        Ok(Value::from(to_int32(x).wrapping_mul(to_int32(y))))
    });
    unary!(it, &m, "log", f64::ln);
    unary!(it, &m, "log1p", f64::ln_1p);
    unary!(it, &m, "log10", f64::log10);
    unary!(it, &m, "log2", f64::log2);
    it.define_method(&m, "max", 2, math_max);
    it.define_method(&m, "min", 2, math_min);
    it.define_method(&m, "pow", 2, |it, a| {
        let x = it.to_number(&a.get(0))?;
        let y = it.to_number(&a.get(1))?;
        Ok(Value::Number(js_pow(x, y)))
    });
    it.define_method(&m, "random", 0, |_, _| Ok(Value::Number(random())));
    unary!(it, &m, "round", math_round);
    unary!(it, &m, "sign", |x| if x.is_nan() || x == 0.0 {
        x
    } else {
        x.signum()
    });
    unary!(it, &m, "sin", f64::sin);
    unary!(it, &m, "sinh", f64::sinh);
    unary!(it, &m, "sqrt", f64::sqrt);
    unary!(it, &m, "tan", f64::tan);
    unary!(it, &m, "tanh", f64::tanh);
    unary!(it, &m, "trunc", f64::trunc);
    m.define(
        PropKey::Sym(it.symbols.to_string_tag.clone()),
        Value::from("Math"),
        Attrs::CONFIGURABLE_ONLY,
    );
    define_global(it, "Math", Value::Object(m));
}

/// asinh keeping the sign of zero (`Math.asinh(-0)` is -0).
fn math_asinh(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    x.asinh()
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
}
