//! `Intl.Segmenter` (ECMA-402 §18): grapheme, word and sentence segmentation on
//! `icu_segmenter`'s compiled data (UAX #29 rules, dictionaries for Chinese, Japanese, Thai,
//! Lao, Khmer and Burmese words, as ICU4C does), with `%SegmentsPrototype%` (`containing`,
//! `[Symbol.iterator]`) and `%SegmentIteratorPrototype%` (`next`).
//!
//! A `Segments` object computes its boundaries once, when it is created, and keeps them with
//! the string (UTF-16 indices, so `index` is JavaScript's); iterators and `containing` look
//! them up.

use std::rc::Rc;

use icu_segmenter::options::{
    SentenceBreakInvariantOptions, SentenceBreakOptions, WordBreakInvariantOptions,
};
use icu_segmenter::{GraphemeClusterSegmenter, SentenceSegmenter, WordSegmenter};

use super::intl::{intl_data, make_service, resolve_service_locale, str_opt, IntlData, Service};
use crate::interp::{Args, Interp, JsResult};
use crate::object::{Attrs, Obj, ObjectKind, PropKey};
use crate::string::JsStr;
use crate::value::Value;

const CTOR: &str = "Intl.Segmenter";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Grapheme,
    Word,
    Sentence,
}

impl Granularity {
    fn name(self) -> &'static str {
        match self {
            Granularity::Grapheme => "grapheme",
            Granularity::Word => "word",
            Granularity::Sentence => "sentence",
        }
    }
}

/// The boundaries of a string: each segment's end (UTF-16 index) and, for words, whether
/// the segment is word-like.
#[derive(Debug)]
pub struct Boundaries {
    pub input: JsStr,
    pub granularity: Granularity,
    /// Segment ends, ascending; the first segment starts at 0.
    pub ends: Vec<(usize, bool)>,
}

impl Boundaries {
    fn compute(input: JsStr, granularity: Granularity, locale: &str) -> Boundaries {
        let units = input.units();
        let mut ends = Vec::new();
        match granularity {
            Granularity::Grapheme => {
                for b in GraphemeClusterSegmenter::new().segment_utf16(units) {
                    if b > 0 {
                        ends.push((b, false));
                    }
                }
            }
            Granularity::Sentence => {
                // The locale matters for sentences only (Greek `;` ends one), as in ICU4C.
                let lang = icu_locale_core::LanguageIdentifier::try_from_str(locale).ok();
                let tailored = lang.as_ref().and_then(|l| {
                    let mut o = SentenceBreakOptions::default();
                    o.content_locale = Some(l);
                    SentenceSegmenter::try_new(o).ok()
                });
                let mut push = |b: usize| {
                    if b > 0 {
                        ends.push((b, false));
                    }
                };
                match &tailored {
                    Some(s) => s.as_borrowed().segment_utf16(units).for_each(&mut push),
                    None => SentenceSegmenter::new(SentenceBreakInvariantOptions::default())
                        .segment_utf16(units)
                        .for_each(&mut push),
                }
            }
            Granularity::Word => {
                let s = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
                let mut iter = s.segment_utf16(units);
                let mut start = 0;
                while let Some(b) = iter.next() {
                    if b > 0 {
                        // ICU4X reports no rule status for a word that ends in a combining
                        // mark (`é` as e + U+0301, Devanagari words); ICU4C's is a letter.
                        let word = iter.is_word_like()
                            || char::decode_utf16(units[start..b].iter().copied())
                                .any(|c| c.is_ok_and(char::is_alphanumeric));
                        ends.push((b, word));
                        start = b;
                    }
                }
            }
        }
        Boundaries {
            input,
            granularity,
            ends,
        }
    }

    /// The segment containing code unit `n`: (start, end, word-like).
    fn containing(&self, n: usize) -> Option<(usize, usize, bool)> {
        if n >= self.input.len() {
            return None;
        }
        let i = self.ends.partition_point(|&(e, _)| e <= n);
        let (end, word) = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1].0 };
        Some((start, end, word))
    }
}

/// CreateSegmentDataObject: `{ segment, index, input, isWordLike? }`.
fn segment_data(it: &mut Interp, b: &Boundaries, start: usize, end: usize, word: bool) -> Value {
    let o = it.new_object();
    o.define(
        "segment",
        Value::String(b.input.slice(start, end)),
        Attrs::DEFAULT,
    );
    o.define("index", Value::from(start as f64), Attrs::DEFAULT);
    o.define("input", Value::String(b.input.clone()), Attrs::DEFAULT);
    if b.granularity == Granularity::Word {
        o.define("isWordLike", Value::Bool(word), Attrs::DEFAULT);
    }
    Value::Object(o)
}

/// GetOptionsObject (V8's message for a non-object).
pub(crate) fn get_options_object(it: &mut Interp, v: &Value) -> JsResult<Option<Obj>> {
    match v {
        Value::Undefined => Ok(None),
        Value::Object(o) => Ok(Some(o.clone())),
        _ => Err(it.type_error("invalid_argument")),
    }
}

fn captured(a: &Args, i: usize) -> Option<Obj> {
    match &a.callee.borrow().kind {
        ObjectKind::Native(n) => match n.captures.get(i) {
            Some(Value::Object(o)) => Some(o.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn segmenter_ctor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if a.new_target.is_none() {
        return Err(it.type_error("Constructor Intl.Segmenter requires 'new'"));
    }
    let (locale, _) = resolve_service_locale(it, &a.get(0), Service::Segmenter)?;
    let opts = get_options_object(it, &a.get(1))?;
    str_opt(it, &opts, "localeMatcher", &["lookup", "best fit"], CTOR)?;
    let g = str_opt(
        it,
        &opts,
        "granularity",
        &["grapheme", "word", "sentence"],
        CTOR,
    )?;
    let granularity = match g.as_deref() {
        Some("word") => Granularity::Word,
        Some("sentence") => Granularity::Sentence,
        _ => Granularity::Grapheme,
    };
    make_service(
        it,
        a,
        IntlData::Segmenter {
            locale,
            granularity,
        },
    )
}

fn segmenter_resolved_options(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let IntlData::Segmenter {
        locale,
        granularity,
    } = intl_data(it, a.this, "Intl.Segmenter.prototype.resolvedOptions")?
    else {
        return Err(incompatible(
            it,
            a.this,
            "Intl.Segmenter.prototype.resolvedOptions",
        ));
    };
    let o = it.new_object();
    o.define("locale", Value::from(locale.as_str()), Attrs::DEFAULT);
    o.define(
        "granularity",
        Value::from(granularity.name()),
        Attrs::DEFAULT,
    );
    Ok(Value::Object(o))
}

fn incompatible(it: &mut Interp, v: &Value, method: &str) -> crate::interp::Abrupt {
    let receiver = super::iterator::describe(it, v);
    it.type_error(format!(
        "Method {method} called on incompatible receiver {receiver}"
    ))
}

/// `Intl.Segmenter.prototype.segment(string)`; captures: [%SegmentsPrototype%].
fn segmenter_segment(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let m = "Intl.Segmenter.prototype.segment";
    let IntlData::Segmenter {
        granularity,
        locale,
    } = intl_data(it, a.this, m)?
    else {
        return Err(incompatible(it, a.this, m));
    };
    let s = it.to_string(&a.get(0))?;
    let b = Boundaries::compute(s, granularity, &locale);
    let proto = captured(a, 0).unwrap_or_else(|| it.intrinsics.object_prototype.clone());
    Ok(Value::Object(Obj::new(
        Some(proto),
        ObjectKind::Intl(Box::new(IntlData::Segments(Rc::new(b)))),
    )))
}

fn segments_of(it: &mut Interp, v: &Value, method: &str) -> JsResult<Rc<Boundaries>> {
    if let Value::Object(o) = v {
        if let ObjectKind::Intl(d) = &o.borrow().kind {
            if let IntlData::Segments(b) = &**d {
                return Ok(b.clone());
            }
        }
    }
    Err(incompatible(it, v, method))
}

/// `%SegmentsPrototype%.containing(index)`.
fn segments_containing(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let b = segments_of(it, a.this, "%Segments.prototype%.containing")?;
    let n = it.to_integer_or_infinity(&a.get(0))?;
    if n < 0.0 || n >= b.input.len() as f64 {
        return Ok(Value::Undefined);
    }
    match b.containing(n as usize) {
        Some((start, end, word)) => Ok(segment_data(it, &b, start, end, word)),
        None => Ok(Value::Undefined),
    }
}

/// `%SegmentsPrototype%[Symbol.iterator]()`; captures: [%SegmentIteratorPrototype%].
fn segments_iterator(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let b = segments_of(it, a.this, "%Segments.prototype%[@@iterator]")?;
    let proto = captured(a, 0).unwrap_or_else(|| it.intrinsics.iterator_prototype.clone());
    Ok(Value::Object(Obj::new(
        Some(proto),
        ObjectKind::Intl(Box::new(IntlData::SegmentIterator {
            segments: b,
            next: 0,
        })),
    )))
}

/// `%SegmentIteratorPrototype%.next()`.
fn segment_iterator_next(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let m = "%SegmentIterator.prototype%.next";
    let found = match a.this {
        Value::Object(o) => match &mut o.borrow_mut().kind {
            ObjectKind::Intl(d) => match &mut **d {
                IntlData::SegmentIterator { segments, next } => {
                    let i = *next;
                    if i < segments.ends.len() {
                        *next += 1;
                    }
                    Some((segments.clone(), i))
                }
                _ => None,
            },
            _ => None,
        },
        _ => None,
    };
    let Some((b, i)) = found else {
        return Err(incompatible(it, a.this, m));
    };
    let Some(&(end, word)) = b.ends.get(i) else {
        return Ok(it.iter_result(Value::Undefined, true));
    };
    let start = if i == 0 { 0 } else { b.ends[i - 1].0 };
    let v = segment_data(it, &b, start, end, word);
    Ok(it.iter_result(v, false))
}

/// Defines `Intl.Segmenter` and its two hidden prototypes.
pub fn init(it: &mut Interp, intl: &Obj) {
    let (_, proto) = super::intl::make_class(it, intl, "Segmenter", segmenter_ctor, 0);
    it.define_method(&proto, "resolvedOptions", 0, segmenter_resolved_options);

    let iter_proto = Obj::new(
        Some(it.intrinsics.iterator_prototype.clone()),
        ObjectKind::Ordinary,
    );
    it.define_method(&iter_proto, "next", 0, segment_iterator_next);
    iter_proto.define(
        PropKey::Sym(it.symbols.to_string_tag.clone()),
        Value::from("Segmenter String Iterator"),
        Attrs::CONFIGURABLE_ONLY,
    );

    let segments_proto = it.new_object();
    it.define_method(&segments_proto, "containing", 1, segments_containing);
    let f = it.native_fn_with(
        "[Symbol.iterator]",
        0,
        segments_iterator,
        false,
        vec![Value::Object(iter_proto)],
    );
    segments_proto.define(
        PropKey::Sym(it.symbols.iterator.clone()),
        Value::Object(f),
        Attrs::HIDDEN,
    );

    let f = it.native_fn_with(
        "segment",
        1,
        segmenter_segment,
        false,
        vec![Value::Object(segments_proto)],
    );
    proto.define("segment", Value::Object(f), Attrs::HIDDEN);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segs(s: &str, g: Granularity) -> Vec<(String, bool)> {
        let b = Boundaries::compute(JsStr::intern(s), g, "en");
        let mut start = 0;
        b.ends
            .iter()
            .map(|&(e, w)| {
                let seg = b.input.slice(start, e).to_rust_string();
                start = e;
                (seg, w)
            })
            .collect()
    }

    #[test]
    fn words_graphemes_sentences() {
        let w = segs("Hello, world 3.14", Granularity::Word);
        let names: Vec<&str> = w.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["Hello", ",", " ", "world", " ", "3.14"]);
        assert!(w[0].1 && !w[1].1 && w[5].1);
        let g = segs("e\u{301}👨\u{200d}👩", Granularity::Grapheme);
        assert_eq!(g.len(), 2);
        let s = segs("Hi there. Bye!", Granularity::Sentence);
        assert_eq!(s[0].0, "Hi there. ");
        let b = Boundaries::compute(JsStr::intern("ab cd"), Granularity::Word, "en");
        assert_eq!(b.containing(4), Some((3, 5, true)));
        assert_eq!(b.containing(5), None);
    }
}
