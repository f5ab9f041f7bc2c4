//! `Intl.DisplayNames` (ECMA-402 §12): option reading in the spec's order with V8's messages,
//! `of`'s code validation (CanonicalCodeForDisplayNames), and names from CLDR as the reference
//! Node's ICU answers them: a generated table (`intl_display_names_data.rs` and
//! `data/display-names.bin`, one raw-deflate stream per language, inflated on first use and
//! cached per thread). Language names are composed the way ICU's `LocaleDisplayNamesImpl`
//! does: a dialect name for `lang-script` or `lang-region` (`American English`), else the
//! language's name, then the script, region and variant qualifiers in the locale's display
//! pattern (`Chinese (Traditional, Taiwan)`, `xx（简体，美国）`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Read;
use std::rc::Rc;
use std::sync::OnceLock;

use super::intl::{resolve_service_locale, str_opt, IntlData, Service};
use super::intl_segmenter::get_options_object;
use crate::interp::{Args, Interp, JsResult};
use crate::intl_display_names_data as data;
use crate::object::{Attrs, Obj, ObjectKind};
use crate::value::Value;

const CTOR: &str = "Intl.DisplayNames";

/// `[[Type]]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Language,
    Region,
    Script,
    Currency,
    Calendar,
    DateTimeField,
}

impl Kind {
    const NAMES: [&'static str; 6] = [
        "language",
        "region",
        "script",
        "currency",
        "calendar",
        "dateTimeField",
    ];
    const ALL: [Kind; 6] = [
        Kind::Language,
        Kind::Region,
        Kind::Script,
        Kind::Currency,
        Kind::Calendar,
        Kind::DateTimeField,
    ];
    fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// The internal slots of an `Intl.DisplayNames`.
#[derive(Debug, Clone)]
pub struct DisplayNamesData {
    pub locale: String,
    /// 0 long, 1 short, 2 narrow.
    pub style: u8,
    pub kind: Kind,
    /// `fallback: 'code'`.
    pub fallback_code: bool,
    /// `languageDisplay: 'dialect'`.
    pub dialect: bool,
}

const STYLES: [&str; 3] = ["long", "short", "narrow"];

// ---- the generated table ---------------------------------------------------------------------

/// A code list of the table, with each code's position.
struct Codes {
    index: HashMap<&'static str, usize>,
}

impl Codes {
    fn new(list: &'static str) -> Codes {
        Codes {
            index: list.split(' ').enumerate().map(|(i, c)| (c, i)).collect(),
        }
    }
    fn get(&self, code: &str) -> Option<usize> {
        self.index.get(code).copied()
    }
}

fn codes(kind: char) -> &'static Codes {
    static LISTS: OnceLock<[Codes; 8]> = OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        [
            Codes::new(data::LANGS),
            Codes::new(data::REGIONS),
            Codes::new(data::SCRIPTS),
            Codes::new(data::VARIANTS),
            Codes::new(data::COMPOUNDS),
            Codes::new(data::CURRENCIES),
            Codes::new(data::CALENDARS),
            Codes::new(data::FIELDS),
        ]
    });
    &lists[match kind {
        'L' | 'l' => 0,
        'R' | 'r' | 'G' | 'g' => 1,
        'S' | 's' | 'Q' | 'q' => 2,
        'V' => 3,
        'D' | 'd' => 4,
        'C' => 5,
        'K' | 'k' | 'm' => 6,
        _ => 7,
    }]
}

/// A locale's names that differ from its language's: (kind, code index) → name.
type Differences = HashMap<(char, usize), String>;

/// One language's stream, parsed: the language's names and its locales' differences.
#[derive(Default)]
struct LanguageNames {
    base: HashMap<char, Vec<String>>,
    /// Per regional/script locale: its differences from `base`.
    locales: HashMap<String, Rc<Differences>>,
}

impl LanguageNames {
    fn parse(text: &str) -> LanguageNames {
        let mut out = LanguageNames::default();
        let mut current: Option<(String, Differences)> = None;
        let mut first = true;
        for line in text.split('\n') {
            if let Some(tag) = line.strip_prefix('=') {
                if let Some((t, m)) = current.take() {
                    out.locales.insert(t, Rc::new(m));
                }
                if first {
                    first = false;
                    continue;
                }
                if let Some((tag, other)) = tag.split_once('>') {
                    if let Some(m) = out.locales.get(other).cloned() {
                        out.locales.insert(tag.to_string(), m);
                    }
                } else {
                    current = Some((tag.to_string(), HashMap::new()));
                }
                continue;
            }
            let mut fields = line.split('\t');
            let Some(kind) = fields.next().and_then(|k| k.chars().next()) else {
                continue;
            };
            match &mut current {
                None => {
                    out.base.insert(kind, fields.map(String::from).collect());
                }
                Some((_, m)) => {
                    let (Some(i), Some(v)) = (fields.next(), fields.next()) else {
                        continue;
                    };
                    if let Ok(i) = i.parse::<usize>() {
                        m.insert((kind, i), v.to_string());
                    }
                }
            }
        }
        if let Some((t, m)) = current.take() {
            out.locales.insert(t, Rc::new(m));
        }
        out
    }
}

thread_local! {
    static STREAMS: RefCell<HashMap<String, Rc<LanguageNames>>> = RefCell::default();
}

/// The parsed stream of `language` (inflated on first use).
fn language_names(language: &str) -> Option<Rc<LanguageNames>> {
    if let Some(n) = STREAMS.with(|s| s.borrow().get(language).cloned()) {
        return Some(n);
    }
    let line = data::INDEX
        .split('\n')
        .find(|l| l.split('\t').next() == Some(language))?;
    let mut f = line.split('\t').skip(1);
    let offset: usize = f.next()?.parse().ok()?;
    let len: usize = f.next()?.parse().ok()?;
    let bytes = data::STREAMS.get(offset..offset + len)?;
    let mut text = String::new();
    flate2::read::DeflateDecoder::new(bytes)
        .read_to_string(&mut text)
        .ok()?;
    let names = Rc::new(LanguageNames::parse(&text));
    STREAMS.with(|s| {
        s.borrow_mut()
            .insert(language.to_string(), Rc::clone(&names))
    });
    Some(names)
}

/// The names of one display locale: its language's names and its own differences.
struct Names {
    lang: Option<Rc<LanguageNames>>,
    own: Option<Rc<Differences>>,
}

impl Names {
    /// The data for a resolved locale: the most specific stored locale, as ICU's locale
    /// fallback would reach it (`zh-Hant-TW` → `zh-Hant`, `zh-Hans-HK` → `zh`, `es-CO`).
    fn for_locale(locale: &str) -> Names {
        let base = super::intl::strip_extensions(locale);
        let Ok(id) = icu_locale_core::LanguageIdentifier::try_from_str(base) else {
            return Names {
                lang: language_names("en"),
                own: None,
            };
        };
        let language = id.language.as_str().to_string();
        let Some(lang) = language_names(&language).or_else(|| language_names("en")) else {
            return Names {
                lang: None,
                own: None,
            };
        };
        let script = id.script.map(|s| s.as_str().to_string());
        let region = id.region.map(|r| r.as_str().to_string());
        let mut cands = Vec::new();
        if let (Some(s), Some(r)) = (&script, &region) {
            cands.push(format!("{language}-{s}-{r}"));
        }
        if let Some(r) = &region {
            let keep = match &script {
                None => true,
                Some(s) => {
                    let mut l =
                        icu_locale_core::LanguageIdentifier::from((id.language, None, id.region));
                    icu_locale::LocaleExpander::new_common().maximize(&mut l);
                    l.script.is_some_and(|x| x.as_str() == s)
                }
            };
            if keep {
                cands.push(format!("{language}-{r}"));
            }
        }
        if let Some(s) = &script {
            cands.push(format!("{language}-{s}"));
        }
        let own = cands.iter().find_map(|c| lang.locales.get(c).cloned());
        Names {
            lang: Some(lang),
            own,
        }
    }

    /// Name `code` of table `kind` (`None`: no name).
    fn get(&self, kind: char, code: &str) -> Option<String> {
        let i = codes(kind).get(code)?;
        let v = match self.own.as_ref().and_then(|m| m.get(&(kind, i))) {
            Some(v) => v.as_str(),
            None => self.lang.as_ref()?.base.get(&kind)?.get(i)?.as_str(),
        };
        (!v.is_empty()).then(|| v.to_string())
    }

    /// The locale display pattern (`{0} ({1})`) and separator (`, `).
    fn pattern(&self) -> (String, String) {
        let p = self.get_raw('P', 0).unwrap_or_else(|| "{0} ({1})".into());
        let s = self.get_raw('P', 1).unwrap_or_else(|| ", ".into());
        (p, s)
    }

    fn get_raw(&self, kind: char, i: usize) -> Option<String> {
        if let Some(v) = self.own.as_ref().and_then(|m| m.get(&(kind, i))) {
            return Some(v.clone());
        }
        self.lang.as_ref()?.base.get(&kind)?.get(i).cloned()
    }
}

// ---- CanonicalCodeForDisplayNames and the names ----------------------------------------------

fn is_alpha(s: &str, lens: std::ops::RangeInclusive<usize>) -> bool {
    lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn is_region(s: &str) -> bool {
    is_alpha(s, 2..=2) || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
}

fn is_variant(s: &str) -> bool {
    let alnum = s.bytes().all(|b| b.is_ascii_alphanumeric());
    alnum && ((5..=8).contains(&s.len()) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit()))
}

/// Whether `code` matches `unicode_language_id` (with `-` separators, not `root`) and has no
/// duplicate variants (IsStructurallyValidLanguageTag).
fn is_language_id(code: &str) -> bool {
    let parts: Vec<&str> = code.split('-').collect();
    let Some(first) = parts.first() else {
        return false;
    };
    if !(is_alpha(first, 2..=3) || is_alpha(first, 5..=8)) || first.eq_ignore_ascii_case("root") {
        return false;
    }
    let mut i = 1;
    if parts.get(i).is_some_and(|p| is_alpha(p, 4..=4)) {
        i += 1;
    }
    if parts.get(i).is_some_and(|p| is_region(p)) {
        i += 1;
    }
    let mut seen: Vec<String> = Vec::new();
    for p in &parts[i..] {
        if !is_variant(p) {
            return false;
        }
        let v = p.to_ascii_lowercase();
        if seen.contains(&v) {
            return false;
        }
        seen.push(v);
    }
    true
}

fn is_calendar_code(code: &str) -> bool {
    !code.is_empty()
        && code
            .split('-')
            .all(|p| (3..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A language tag's display name as ICU's `LocaleDisplayNamesImpl::localeDisplayName`
/// composes it; `None` where a part has no name and the fallback is `none`.
fn language_name(names: &Names, d: &DisplayNamesData, tag: &str) -> Option<String> {
    // `tag` is canonical: language, then script, region and variants by their shapes.
    let mut parts = tag.split('-');
    let lang = match parts.next()? {
        "und" => "root".to_string(),
        l => l.to_string(),
    };
    let mut script = None;
    let mut region = None;
    let mut variants: Vec<String> = Vec::new();
    for p in parts {
        if variants.is_empty() && script.is_none() && region.is_none() && is_alpha(p, 4..=4) {
            script = Some(p.to_string());
        } else if variants.is_empty() && region.is_none() && is_region(p) {
            region = Some(p.to_string());
        } else {
            variants.push(p.to_ascii_uppercase());
        }
    }
    let short = d.style != 0;
    let (lk, dk, gk, qk) = if short {
        ('l', 'd', 'g', 'q')
    } else {
        ('L', 'D', 'G', 'Q')
    };
    let mut name = None;
    if d.dialect {
        // ICU tries `lang_script_region`, else `lang_script`, else `lang_region`; its buffer is
        // not cleared between the tries, so only the first one that applies can succeed.
        let key = match (&script, &region) {
            (Some(s), Some(r)) => format!("{lang}-{s}-{r}"),
            (Some(s), None) => format!("{lang}-{s}"),
            (None, Some(r)) => format!("{lang}-{r}"),
            (None, None) => String::new(),
        };
        if !key.is_empty() {
            if let Some(n) = names.get(dk, &key) {
                name = Some(n);
                match (&script, &region) {
                    (Some(_), Some(_)) => {
                        script = None;
                        region = None;
                    }
                    (Some(_), None) => script = None,
                    _ => region = None,
                }
            }
        }
    }
    let name = match name {
        Some(n) => n,
        None => match names.get(lk, &lang) {
            Some(n) => n,
            None if d.fallback_code => lang.clone(),
            None => return None,
        },
    };
    let mut quals: Vec<String> = Vec::new();
    let mut qualifier = |found: Option<String>, code: String| -> Option<()> {
        match found {
            Some(q) => quals.push(q),
            None if d.fallback_code => quals.push(code),
            None => return None,
        }
        Some(())
    };
    if let Some(s) = script {
        qualifier(names.get(qk, &s), s)?;
    }
    if let Some(r) = region {
        qualifier(names.get(gk, &r), r)?;
    }
    if !variants.is_empty() {
        let v = variants.join("_");
        qualifier(names.get('V', &v), v)?;
    }
    if quals.is_empty() {
        return Some(name);
    }
    let (pattern, sep) = names.pattern();
    Some(
        pattern
            .replacen("{0}", &name, 1)
            .replacen("{1}", &quals.join(&sep), 1),
    )
}

/// `Intl.DisplayNames.prototype.of(code)` on a string: `Ok(None)` is `undefined`, `Err(())`
/// a RangeError.
fn display_name(d: &DisplayNamesData, code: &str) -> Result<Option<String>, ()> {
    let names = Names::for_locale(&d.locale);
    let (found, fallback) = match d.kind {
        Kind::Language => {
            if !is_language_id(code) {
                return Err(());
            }
            // ICU4X's language subtags have at most 3 letters: a 5-8 letter language (no
            // aliases exist for those) is canonicalized in place of `und`.
            let (first, rest) = code.split_once('-').unwrap_or((code, ""));
            let canonical = if first.len() >= 5 {
                let tag = if rest.is_empty() {
                    "und".to_string()
                } else {
                    format!("und-{rest}")
                };
                let c = super::intl_icu::canonicalize_language_id(&tag).ok_or(())?;
                let tail = c.strip_prefix("und").ok_or(())?;
                format!("{}{tail}", first.to_ascii_lowercase())
            } else {
                super::intl_icu::canonicalize_language_id(code).ok_or(())?
            };
            return Ok(language_name(&names, d, &canonical));
        }
        Kind::Region => {
            if !is_region(code) {
                return Err(());
            }
            let k = if d.style == 0 { 'R' } else { 'r' };
            (names.get(k, code), code.to_string())
        }
        Kind::Script => {
            if !is_alpha(code, 4..=4) {
                return Err(());
            }
            let k = if d.style == 0 { 'S' } else { 's' };
            (names.get(k, code), code.to_string())
        }
        Kind::Currency => {
            if !is_alpha(code, 3..=3) {
                return Err(());
            }
            (names.get('C', &code.to_ascii_uppercase()), code.to_string())
        }
        Kind::Calendar => {
            if !is_calendar_code(code) {
                return Err(());
            }
            let k = ['K', 'k', 'm'][usize::from(d.style.min(2))];
            // V8 hands ICU its legacy keys for these two, which come back when unnamed.
            let fallback = match code {
                "gregory" => "gregorian",
                "ethioaa" => "ethiopic-amete-alem",
                c => c,
            };
            (names.get(k, code), fallback.to_string())
        }
        Kind::DateTimeField => {
            if codes('F').get(code).is_none() {
                return Err(());
            }
            let k = ['F', 'f', 'n'][usize::from(d.style.min(2))];
            (names.get(k, code), code.to_string())
        }
    };
    Ok(match found {
        Some(n) => Some(n),
        None if d.fallback_code => Some(fallback),
        None => None,
    })
}

// ---- the JavaScript side ---------------------------------------------------------------------

/// GetPrototypeFromConstructor(newTarget, %DisplayNames.prototype%).
fn prototype_from(it: &mut Interp, a: &Args) -> JsResult<Obj> {
    let nt = a.new_target.cloned().unwrap_or_else(|| a.callee.clone());
    match it.get(&nt, &static_key!("prototype"))? {
        Value::Object(p) => Ok(p),
        _ => match it.get(a.callee, &static_key!("prototype"))? {
            Value::Object(p) => Ok(p),
            _ => Ok(it.intrinsics.object_prototype.clone()),
        },
    }
}

fn ctor(it: &mut Interp, a: &Args) -> JsResult<Value> {
    if a.new_target.is_none() {
        return Err(it.type_error("Constructor Intl.DisplayNames requires 'new'"));
    }
    let proto = prototype_from(it, a)?;
    let (locale, _) = resolve_service_locale(it, &a.get(0), Service::Whole)?;
    let options = a.get(1);
    if options.is_undefined() {
        return Err(it.type_error("invalid_argument"));
    }
    let opts = get_options_object(it, &options)?;
    str_opt(it, &opts, "localeMatcher", &["lookup", "best fit"], CTOR)?;
    let style = str_opt(it, &opts, "style", &["narrow", "short", "long"], CTOR)?;
    let style = match style.as_deref() {
        Some("short") => 1,
        Some("narrow") => 2,
        _ => 0,
    };
    let kind = str_opt(it, &opts, "type", &Kind::NAMES, CTOR)?;
    let Some(kind) = kind.and_then(|k| Kind::ALL.into_iter().find(|x| x.name() == k)) else {
        return Err(it.type_error("invalid_argument"));
    };
    let fallback = str_opt(it, &opts, "fallback", &["code", "none"], CTOR)?;
    let display = str_opt(it, &opts, "languageDisplay", &["dialect", "standard"], CTOR)?;
    let data = DisplayNamesData {
        locale,
        style,
        kind,
        fallback_code: fallback.as_deref() != Some("none"),
        dialect: display.as_deref() != Some("standard"),
    };
    Ok(Value::Object(Obj::new(
        Some(proto),
        ObjectKind::Intl(Box::new(IntlData::DisplayNames(Box::new(data)))),
    )))
}

fn this_data(it: &mut Interp, this: &Value, method: &str) -> JsResult<DisplayNamesData> {
    if let Value::Object(o) = this {
        if let ObjectKind::Intl(d) = &o.borrow().kind {
            if let IntlData::DisplayNames(d) = &**d {
                return Ok((**d).clone());
            }
        }
    }
    let receiver = super::iterator::describe(it, this);
    Err(it.type_error(format!(
        "Method {method} called on incompatible receiver {receiver}"
    )))
}

fn of(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let d = this_data(it, a.this, "Intl.DisplayNames.prototype.of")?;
    let code = it.to_string(&a.get(0))?.to_rust_string();
    match display_name(&d, &code) {
        Ok(Some(s)) => Ok(Value::from(s.as_str())),
        Ok(None) => Ok(Value::Undefined),
        Err(()) => Err(it.range_error("invalid_argument")),
    }
}

fn resolved_options(it: &mut Interp, a: &Args) -> JsResult<Value> {
    let d = this_data(it, a.this, "Intl.DisplayNames.prototype.resolvedOptions")?;
    let o = it.new_object();
    o.define("locale", Value::from(d.locale.as_str()), Attrs::DEFAULT);
    o.define(
        "style",
        Value::from(STYLES[usize::from(d.style.min(2))]),
        Attrs::DEFAULT,
    );
    o.define("type", Value::from(d.kind.name()), Attrs::DEFAULT);
    let fallback = if d.fallback_code { "code" } else { "none" };
    o.define("fallback", Value::from(fallback), Attrs::DEFAULT);
    if d.kind == Kind::Language {
        let display = if d.dialect { "dialect" } else { "standard" };
        o.define("languageDisplay", Value::from(display), Attrs::DEFAULT);
    }
    Ok(Value::Object(o))
}

pub fn init(it: &mut Interp, intl: &Obj) {
    let (_, p) = super::intl::make_class(it, intl, "DisplayNames", ctor, 2);
    it.define_method(&p, "resolvedOptions", 0, resolved_options);
    it.define_method(&p, "of", 1, of);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dn(locale: &str, kind: Kind, style: u8) -> DisplayNamesData {
        DisplayNamesData {
            locale: locale.into(),
            style,
            kind,
            fallback_code: true,
            dialect: true,
        }
    }

    #[test]
    fn names_and_composition() {
        let of = |d: &DisplayNamesData, c: &str| display_name(d, c).ok().flatten();
        let l = dn("en", Kind::Language, 0);
        assert_eq!(of(&l, "en-US").as_deref(), Some("American English"));
        assert_eq!(
            of(&l, "zh-Hant-TW").as_deref(),
            Some("Chinese (Traditional, Taiwan)")
        );
        assert_eq!(of(&l, "xx-YY").as_deref(), Some("xx (YY)"));
        assert_eq!(
            of(&dn("en", Kind::Language, 1), "en-GB").as_deref(),
            Some("UK English")
        );
        assert_eq!(
            of(&dn("de", Kind::Region, 0), "US").as_deref(),
            Some("Vereinigte Staaten")
        );
        assert_eq!(
            of(&dn("zh-TW", Kind::Region, 0), "US").as_deref(),
            Some("美國")
        );
        assert_eq!(
            of(&dn("zh-Hans-HK", Kind::Region, 0), "US").as_deref(),
            Some("美国")
        );
        assert_eq!(
            of(&dn("en", Kind::Currency, 0), "usd").as_deref(),
            Some("US Dollar")
        );
        assert_eq!(of(&dn("en", Kind::Region, 0), "us").as_deref(), Some("us"));
        assert!(display_name(&l, "en-u-ca-gregory").is_err());
        assert!(display_name(&l, "root").is_err());
        assert!(display_name(&dn("en", Kind::DateTimeField, 0), "Year").is_err());
    }
}
