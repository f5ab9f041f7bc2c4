// Generates Intl.DisplayNames' data from the reference Node's ICU/CLDR:
//   crates/engine/data/display-names.bin  one raw-deflate stream per language (the language's
//                                         names, then the regional locales' differences)
//   crates/engine/src/intl_display_names_data.rs  the code lists and the index of the streams
// Run with the reference Node (the ICU4X data path gives the variant subtags to try):
//   HOME=/root /work/shared/reference-node/node crates/engine/data/gen-display-names.js \
//     ~/.cargo/registry/src/*/icu_experimental_data-0.7.0/data/locale_names_variant_v0.rs.data
//
// Every name is what `new Intl.DisplayNames(locale, {type, style}).of(code)` answers in Node;
// nothing is typed by hand. The code lists are found by trying every well-formed code in `en`
// (languages: all 2- and 3-letter subtags; regions: 2 letters and 3 digits; scripts: 4 letters;
// currencies: 3 letters). Stream layout (UTF-8 text, one record a line):
//   `=TAG`                 starts a locale; the first one of a stream is the language itself
//   `K<TAB>v0<TAB>v1...`   (first locale) kind K's names aligned with K's code list, `` = none
//   `K<TAB>i<TAB>v`        (later locales) name i of kind K where it differs from the language
//   `=TAG>OTHER`           a locale whose differences are OTHER's
// Kinds: L/l language long/short, R/r region, S/s script, G/g region and Q/q script as
// qualifiers inside a language name (`xx (Simplified, US)`), D/d dialect names of the
// compound codes (`en-US` -> `American English`), V variant qualifiers, C currency,
// K/k/m calendar long/short/narrow, F/f/n dateTimeField long/short/narrow, P the locale
// display pattern and separator.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const langsSrc = fs.readFileSync(path.join(__dirname, '../src/intl_languages.rs'), 'utf8');
const nodeLangs = JSON.parse(langsSrc.match(/INTL_LANGUAGES: &str = (".*");/)[1]).split(' ');
const a = 'abcdefghijklmnopqrstuvwxyz';
const A = a.toUpperCase();
const dn = (l, type, extra) => new Intl.DisplayNames(l, { type, fallback: 'none', ...extra });

// ---- code lists, from `en` ----
let d = dn('en', 'language');
const LANGS = [];
for (const x of a) for (const y of a) {
  if (d.of(x + y) !== undefined) LANGS.push(x + y);
  for (const z of a) if (d.of(x + y + z) !== undefined) LANGS.push(x + y + z);
}
d = dn('en', 'region');
const REGIONS = [];
for (const x of A) for (const y of A) if (d.of(x + y) !== undefined) REGIONS.push(x + y);
for (let i = 0; i < 1000; i++) {
  const c = String(i).padStart(3, '0');
  if (d.of(c) !== undefined) REGIONS.push(c);
}
d = dn('en', 'script');
const SCRIPTS = [];
for (const x of A) for (const y of a) for (const z of a) for (const w of a) {
  if (d.of(x + y + z + w) !== undefined) SCRIPTS.push(x + y + z + w);
}
d = dn('en', 'currency');
const CURRENCIES = [];
for (const x of A) for (const y of A) for (const z of A) {
  if (d.of(x + y + z) !== undefined) CURRENCIES.push(x + y + z);
}
d = dn('en', 'calendar');
const calCands = new Set([...Intl.supportedValuesOf('calendar'), 'ethiopic-amete-alem',
  'islamic-rgsa', 'islamicc', 'chinese', 'dangi', 'iso8601']);
const CALENDARS = [...calCands].filter((c) => {
  try { return d.of(c) !== undefined; } catch { return false; }
}).sort();
const FIELDS = ['era', 'year', 'quarter', 'month', 'weekOfYear', 'weekday', 'day', 'dayPeriod',
  'hour', 'minute', 'second', 'timeZoneName'];
// Variant subtags: the keys of ICU4X's variant names (any locale), kept where Node names them.
const variantSrc = process.argv[2] ? fs.readFileSync(process.argv[2], 'latin1') : '';
const vset = new Set();
for (const m of variantSrc.matchAll(/ZeroVec::from_bytes_unchecked\(b"([^"]*)"\)/g)) {
  const s = m[1].replace(/\\x00|\\0/g, '\0');
  if (s.length % 8 !== 0 || /[^a-z0-9\0]/.test(s)) continue;
  for (let i = 0; i < s.length; i += 8) vset.add(s.slice(i, i + 8).replace(/\0+$/, ''));
}
const VARIANTS = [...vset].map((v) => v.toUpperCase()).filter((v) => {
  const s = new Intl.DisplayNames('en', { type: 'language' }).of('xx-' + v);
  return s !== 'xx (' + v + ')';
}).sort();
// Compound codes with a dialect name (`en-GB`, `zh-Hans`) in some of the big locales.
const compounds = new Set();
const quals = [...REGIONS, ...SCRIPTS];
for (const l of ['en', 'de', 'fr', 'es', 'ja', 'zh']) {
  const dia = new Intl.DisplayNames(l, { type: 'language' });
  const std = new Intl.DisplayNames(l, { type: 'language', languageDisplay: 'standard' });
  for (const x of LANGS) for (const q of quals) {
    const c = x + '-' + q;
    let v;
    try { v = dia.of(c); } catch { continue; }
    if (v !== std.of(c) || dia.of(c + '-posix') !== std.of(c + '-posix')) compounds.add(c);
  }
}
const COMPOUNDS = [...compounds].sort();

// ---- one locale's names ----
const qualifier = (out, pattern) => {
  // `out` is pattern({0} = 'xx', {1} = the qualifier).
  const i = pattern.indexOf('{1}');
  const pre = pattern.slice(0, i).replace('{0}', 'xx');
  const post = pattern.slice(i + 3).replace('{0}', 'xx');
  if (!out.startsWith(pre) || !out.endsWith(post)) throw new Error('pattern ' + pattern + ' ' + out);
  return out.slice(pre.length, out.length - post.length);
};
const table = (l) => {
  const t = {};
  const lang = (style, display) => new Intl.DisplayNames(l, { type: 'language', style, languageDisplay: display });
  const probe = lang('long', 'standard').of('xx-Abcd-YY');
  const i0 = probe.indexOf('xx'), iA = probe.indexOf('Abcd'), iY = probe.indexOf('YY');
  const sep = probe.slice(iA + 4, iY);
  const pattern = probe.slice(0, i0) + '{0}' + probe.slice(i0 + 2, iA) + '{1}' + probe.slice(iY + 2);
  if (probe !== pattern.replace('{0}', 'xx').replace('{1}', 'Abcd' + sep + 'YY')) throw new Error(l + ' pattern');
  t.P = [pattern, sep];
  for (const [k, style] of [['L', 'long'], ['l', 'short']]) {
    const x = dn(l, 'language', { style });
    t[k] = LANGS.map((c) => x.of(c) ?? '');
  }
  for (const [k, q, style] of [['R', 'G', 'long'], ['r', 'g', 'short']]) {
    const x = dn(l, 'region', { style });
    const sub = lang(style, 'standard');
    t[k] = REGIONS.map((c) => x.of(c) ?? '');
    t[q] = REGIONS.map((c, i) => t[k][i] === '' ? '' : qualifier(sub.of('xx-' + c), pattern));
  }
  for (const [k, q, style] of [['S', 'Q', 'long'], ['s', 'q', 'short']]) {
    const x = dn(l, 'script', { style });
    const sub = lang(style, 'standard');
    t[k] = SCRIPTS.map((c) => x.of(c) ?? '');
    t[q] = SCRIPTS.map((c, i) => t[k][i] === '' ? '' : qualifier(sub.of('xx-' + c), pattern));
  }
  const sub = lang('long', 'standard');
  t.V = VARIANTS.map((v) => {
    // A variant that canonicalizes away (an alias) names nothing here.
    const out = sub.of('xx-' + v);
    if (out === 'xx') return '';
    const q = qualifier(out, pattern);
    return q === v ? '' : q;
  });
  for (const [k, style] of [['D', 'long'], ['d', 'short']]) {
    const dia = lang(style, 'dialect');
    const std = lang(style, 'standard');
    // A dialect name can equal the composed one (fr short `anglais (É.-U.)`); a variant
    // tells them apart (`anglais (É.-U.) (informatique)` vs `anglais (É.-U., informatique)`).
    t[k] = COMPOUNDS.map((c) => {
      const v = dia.of(c);
      return v === std.of(c) && dia.of(c + '-posix') === std.of(c + '-posix') ? '' : v;
    });
  }
  const cur = dn(l, 'currency');
  t.C = CURRENCIES.map((c) => cur.of(c) ?? '');
  for (const style of ['short', 'narrow']) {
    const x = dn(l, 'currency', { style });
    CURRENCIES.forEach((c, i) => {
      if ((x.of(c) ?? '') !== t.C[i]) throw new Error('currency style ' + l + ' ' + c);
    });
  }
  for (const [k, style] of [['K', 'long'], ['k', 'short'], ['m', 'narrow']]) {
    const x = dn(l, 'calendar', { style });
    t[k] = CALENDARS.map((c) => x.of(c) ?? '');
  }
  for (const [k, style] of [['F', 'long'], ['f', 'short'], ['n', 'narrow']]) {
    const x = dn(l, 'dateTimeField', { style });
    t[k] = FIELDS.map((c) => x.of(c) ?? '');
  }
  return t;
};
const KINDS = 'PLlRrGgSsQqVDdCKkmFfn'.split('');
for (const t of [table('en')]) {
  for (const k of KINDS) {
    for (const v of t[k]) if (/[\t\n]/.test(v)) throw new Error('separator in a name');
  }
}

// ---- locales: each language, and the regional/script locales whose names differ ----
const resolvesTo = (tag) => new Intl.DisplayNames(tag, { type: 'region' }).resolvedOptions().locale === tag;
const bases = nodeLangs.filter((l) => !l.includes('-'));
const streams = [];
const index = [];
let offset = 0;
const chunks = [];
for (const lang of bases) {
  const base = table(lang);
  const lines = ['=' + lang];
  for (const k of KINDS) lines.push(k + '\t' + base[k].join('\t'));
  const cands = new Set();
  for (const r of REGIONS) cands.add(lang + '-' + r);
  const scripted = [];
  for (const s of SCRIPTS) {
    const tag = lang + '-' + s;
    cands.add(tag);
    if (resolvesTo(tag)) scripted.push(tag);
  }
  // Script locales also have regional variants (zh-Hant-HK); the default script too (zh-Hans-HK).
  const max = new Intl.Locale(lang).maximize().script;
  for (const s of [...scripted, lang + '-' + max]) for (const r of REGIONS) cands.add(s + '-' + r);
  const seen = new Map();
  const tags = [];
  for (const tag of cands) {
    if (!resolvesTo(tag)) continue;
    const t = table(tag);
    const diff = [];
    for (const k of KINDS) {
      t[k].forEach((v, i) => {
        if (v !== base[k][i]) diff.push(k + '\t' + i + '\t' + v);
      });
    }
    if (diff.length === 0) continue;
    const key = diff.join('\n');
    tags.push(tag);
    if (seen.has(key)) {
      lines.push('=' + tag + '>' + seen.get(key));
    } else {
      seen.set(key, tag);
      lines.push('=' + tag, ...diff);
    }
  }
  const buf = zlib.deflateRawSync(Buffer.from(lines.join('\n'), 'utf8'), { level: 9 });
  chunks.push(buf);
  index.push([lang, offset, buf.length, tags.join(' ')].join('\t'));
  offset += buf.length;
}
fs.writeFileSync(path.join(__dirname, 'display-names.bin'), Buffer.concat(chunks));
const str = (s) => JSON.stringify(s);
let out = '// @generated by crates/engine/data/gen-display-names.js with Node ' + process.version +
  ' (ICU ' + process.versions.icu + ', CLDR ' + process.versions.cldr + '). Do not edit.\n\n';
out += '/// Language codes with a name in `en`, space-separated (kinds L, l).\n';
out += 'pub(crate) static LANGS: &str = ' + str(LANGS.join(' ')) + ';\n';
out += '/// Region codes (kinds R, r, G, g).\n';
out += 'pub(crate) static REGIONS: &str = ' + str(REGIONS.join(' ')) + ';\n';
out += '/// Script codes (kinds S, s, Q, q).\n';
out += 'pub(crate) static SCRIPTS: &str = ' + str(SCRIPTS.join(' ')) + ';\n';
out += '/// Variant subtags, upper case (kind V).\n';
out += 'pub(crate) static VARIANTS: &str = ' + str(VARIANTS.join(' ')) + ';\n';
out += '/// Compound codes with dialect names (kinds D, d).\n';
out += 'pub(crate) static COMPOUNDS: &str = ' + str(COMPOUNDS.join(' ')) + ';\n';
out += '/// Currency codes (kind C).\n';
out += 'pub(crate) static CURRENCIES: &str = ' + str(CURRENCIES.join(' ')) + ';\n';
out += '/// Calendar codes (kinds K, k, m).\n';
out += 'pub(crate) static CALENDARS: &str = ' + str(CALENDARS.join(' ')) + ';\n';
out += '/// dateTimeField codes (kinds F, f, n).\n';
out += 'pub(crate) static FIELDS: &str = ' + str(FIELDS.join(' ')) + ';\n';
out += '/// `language<TAB>offset<TAB>length<TAB>locales with their own names` per deflate stream.\n';
out += 'pub(crate) static INDEX: &str = ' + str(index.join('\n')) + ';\n';
out += '/// The deflate streams.\n';
out += 'pub(crate) static STREAMS: &[u8] = include_bytes!("../data/display-names.bin");\n';
fs.writeFileSync(path.join(__dirname, '../src/intl_display_names_data.rs'), out);
process.stderr.write('streams: ' + offset + ' bytes, ' + bases.length + ' languages\n');
