// fs.glob / fs.globSync / fsPromises.glob and path.matchesGlob (Node 24's
// lib/internal/fs/glob.js): the same walk (a work stack of directories, each with the pattern
// positions still to match), so results come in Node's order. The patterns are compiled here
// after the rules of the minimatch options Node uses (brace expansion, `*`, `?`, `[...]`,
// `**`, extglobs; `\` is a path separator, `!` and `#` have no meaning; dot files only match
// patterns that spell the dot; patterns are simplified like minimatch's optimizationLevel 2).
'use strict';

const { join, resolve, basename, isAbsolute, dirname } = require('path');
const { codes } = require('internal/errors');

const GLOBSTAR = Symbol('globstar **');

// ---- brace expansion (the `brace-expansion` package's rules)

function balanced(str) {
  let depth = 0, start = -1;
  for (let i = 0; i < str.length; i++) {
    const c = str[i];
    if (c === '\\') { i++; continue; }
    if (c === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        return { pre: str.slice(0, start), body: str.slice(start + 1, i), post: str.slice(i + 1) };
      }
    }
  }
  return null;
}

function splitTopLevel(body, sep) {
  const parts = [];
  let depth = 0, last = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') { i++; continue; }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === sep && depth === 0) {
      parts.push(body.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(body.slice(last));
  return parts;
}

function expandSequence(body, alpha) {
  const n = body.split('..');
  const num = (s) => (alpha ? s.charCodeAt(0) : parseInt(s, 10));
  const x = num(n[0]), y = num(n[1]);
  const width = Math.max(n[0].length, n[1].length);
  let incr = n.length === 3 ? Math.max(Math.abs(parseInt(n[2], 10)), 1) : 1;
  const reverse = y < x;
  if (reverse) incr = -incr;
  const pad = !alpha && n.some((el) => /^-?0\d/.test(el));
  const out = [];
  for (let i = x; reverse ? i >= y : i <= y; i += incr) {
    let c;
    if (alpha) {
      c = String.fromCharCode(i);
      if (c === '\\') c = '';
    } else {
      c = String(i);
      if (pad && width > c.length) {
        const z = '0'.repeat(width - c.length);
        c = i < 0 ? `-${z}${c.slice(1)}` : z + c;
      }
    }
    out.push(c);
    if (out.length >= 1e5) break;
  }
  return out;
}

function braceExpand(str) {
  if (!str) return [];
  // A leading `{}` is literal.
  const m = str.startsWith('{}') ? null : balanced(str);
  if (!m) return [str];
  const { pre, body, post } = m;
  const postExpanded = post.length ? braceExpand(post) : [''];
  if (/\$$/.test(pre)) {
    return postExpanded.map((p) => `${pre}{${body}}${p}`);
  }
  const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(body);
  const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(body);
  let values;
  if (isNumericSequence || isAlphaSequence) {
    values = expandSequence(body, isAlphaSequence);
  } else {
    const parts = splitTopLevel(body, ',');
    if (parts.length === 1) {
      // `{a}` is literal, but its contents may still expand (`{a{b,c}}` → `{ab}`, `{ac}`).
      return braceExpand(body).flatMap((inner) => postExpanded.map((p) => `${pre}{${inner}}${p}`));
    }
    values = parts.flatMap((p) => (p === '' ? [''] : braceExpand(p)));
  }
  const out = [];
  for (const v of values) {
    for (const p of postExpanded) out.push(pre + v + p);
  }
  return out;
}

// ---- pattern parts

const posixClasses = {
  '[:alnum:]': '\\p{L}\\p{Nl}\\p{Nd}',
  '[:alpha:]': '\\p{L}\\p{Nl}',
  '[:ascii:]': '\\x00-\\x7f',
  '[:blank:]': '\\p{Zs}\\t',
  '[:cntrl:]': '\\p{Cc}',
  '[:digit:]': '\\p{Nd}',
  '[:graph:]': '\\p{Z}\\p{C}',
  '[:lower:]': '\\p{Ll}',
  '[:print:]': '\\p{C}',
  '[:punct:]': '\\p{P}',
  '[:space:]': '\\p{Z}\\t\\r\\n\\v\\f',
  '[:upper:]': '\\p{Lu}',
  '[:word:]': '\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}',
  '[:xdigit:]': 'A-Fa-f0-9',
};
const regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');

// A `[...]` class at `pos`: [regexp source, end index] or null when it is not one.
function parseClass(glob, pos) {
  let i = pos + 1;
  let negate = false;
  if (glob[i] === '!' || glob[i] === '^') {
    negate = true;
    i++;
  }
  let src = '';
  let first = true;
  let unicode = false;
  for (; i < glob.length; i++) {
    const c = glob[i];
    if (c === ']' && !first) {
      if (src === '') return null;
      return [`[${negate ? '^' : ''}${src}]`, i + 1, unicode];
    }
    first = false;
    if (c === '[' && glob[i + 1] === ':') {
      const end = glob.indexOf(':]', i + 2);
      const name = end < 0 ? '' : glob.slice(i, end + 2);
      if (posixClasses[name] !== undefined) {
        src += posixClasses[name];
        unicode = true;
        i = end + 1;
        continue;
      }
    }
    if (c === '/') return null;
    if (glob[i + 1] === '-' && glob[i + 2] !== undefined && glob[i + 2] !== ']') {
      src += `${regExpEscape(c)}-${regExpEscape(glob[i + 2])}`;
      i += 2;
      continue;
    }
    src += regExpEscape(c);
  }
  return null;
}

// The index of the `)` closing the extglob group opened at `pos` (the `(`), or -1.
function closeParen(glob, pos) {
  let depth = 0;
  for (let i = pos; i < glob.length; i++) {
    if (glob[i] === '[') {
      const cls = parseClass(glob, i);
      if (cls) { i = cls[1] - 1; continue; }
    }
    if (glob[i] === '(') depth++;
    else if (glob[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

// Regexp source of one path segment; sets state.magic when it used a wildcard.
function segmentSource(glob, state) {
  let src = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if ('+@!?*'.includes(c) && glob[i + 1] === '(') {
      const end = closeParen(glob, i + 1);
      if (end > 0) {
        state.magic = true;
        const alternatives = splitTopLevel(glob.slice(i + 2, end).replace(/[{}]/g, '\\$&'), '|')
          .map((a) => segmentSource(a.replace(/\\([{}])/g, '$1'), state));
        const group = `(?:${alternatives.join('|')})`;
        switch (c) {
          case '@': src += group; break;
          case '?': src += `${group}?`; break;
          case '+': src += `${group}+`; break;
          case '*': src += `${group}*`; break;
          default: {
            // !(a|b): anything, here to the segment's end, that is not one of them.
            const rest = segmentSource(glob.slice(end + 1), { magic: false });
            src += `(?:(?!(?:${alternatives.join('|')})${rest}$)[^/]*?)`;
          }
        }
        i = end;
        continue;
      }
    }
    if (c === '*') {
      state.magic = true;
      while (glob[i + 1] === '*') i++;
      src += '[^/]*?';
    } else if (c === '?') {
      state.magic = true;
      src += '[^/]';
    } else if (c === '[') {
      const cls = parseClass(glob, i);
      if (cls) {
        state.magic = true;
        if (cls[2]) state.unicode = true;
        src += cls[0];
        i = cls[1] - 1;
      } else {
        src += '\\[';
      }
    } else {
      src += regExpEscape(c);
    }
  }
  return src;
}

function parsePart(glob) {
  if (glob === '**') return GLOBSTAR;
  if (glob === '') return '';
  const state = { magic: false, unicode: false };
  const body = segmentSource(glob, state);
  if (!state.magic) return glob.replace(/\[([^\]/])\]/g, '$1');
  // Without `dot`, a wildcard does not match a leading `.`; `.` and `..` never match.
  const dotGuard = glob[0] === '.' ? '(?!\\.\\.?$)' : '(?!\\.)';
  const re = new RegExp(`^${dotGuard}(?=.)${body}$`, state.unicode ? 'u' : '');
  re._glob = glob;
  return re;
}

// ---- minimatch's optimizationLevel 2 rewrites

function removeDots(parts) {
  let did = false;
  for (let i = 1; i < parts.length - 1; i++) {
    const p = parts[i];
    if (i === 1 && p === '' && parts[0] === '') continue;
    if (p === '.' || p === '') {
      did = true;
      parts.splice(i, 1);
      i--;
    }
  }
  if (parts[0] === '.' && parts.length === 2 && (parts[1] === '.' || parts[1] === '')) {
    did = true;
    parts.pop();
  }
  return did;
}

function firstPhase(globParts) {
  let did;
  do {
    did = false;
    for (const parts of globParts) {
      let gs = -1;
      while ((gs = parts.indexOf('**', gs + 1)) !== -1) {
        let gss = gs;
        while (parts[gss + 1] === '**') gss++;
        if (gss > gs) parts.splice(gs + 1, gss - gs);
        const next = parts[gs + 1], p = parts[gs + 2], p2 = parts[gs + 3];
        if (next !== '..') continue;
        if (!p || p === '.' || p === '..' || !p2 || p2 === '.' || p2 === '..') continue;
        did = true;
        parts.splice(gs, 1);
        const other = parts.slice(0);
        other[gs] = '**';
        globParts.push(other);
        gs--;
      }
      if (removeDots(parts)) did = true;
      let dd = 0;
      while ((dd = parts.indexOf('..', dd + 1)) !== -1) {
        const p = parts[dd - 1];
        if (p && p !== '.' && p !== '..' && p !== '**') {
          did = true;
          const needDot = dd === 1 && parts[dd + 1] === '**';
          parts.splice(dd - 1, 2, ...(needDot ? ['.'] : []));
          if (parts.length === 0) parts.push('');
          dd -= 2;
        }
      }
    }
  } while (did);
  return globParts;
}

function partsMatch(a, b) {
  let ai = 0, bi = 0, which = '';
  const result = [];
  while (ai < a.length && bi < b.length) {
    if (a[ai] === b[bi]) {
      result.push(which === 'b' ? b[bi] : a[ai]);
      ai++; bi++;
    } else if (a[ai] === '**' && b[bi] === a[ai + 1]) {
      result.push(a[ai]);
      ai++;
    } else if (b[bi] === '**' && a[ai] === b[bi + 1]) {
      result.push(b[bi]);
      bi++;
    } else if (a[ai] === '*' && b[bi] && !b[bi].startsWith('.') && b[bi] !== '**') {
      if (which === 'b') return false;
      which = 'a';
      result.push(a[ai]);
      ai++; bi++;
    } else if (b[bi] === '*' && a[ai] && !a[ai].startsWith('.') && a[ai] !== '**') {
      if (which === 'a') return false;
      which = 'b';
      result.push(b[bi]);
      ai++; bi++;
    } else {
      return false;
    }
  }
  return a.length === b.length && result;
}

function secondPhase(globParts) {
  for (let i = 0; i < globParts.length - 1; i++) {
    for (let j = i + 1; j < globParts.length; j++) {
      const matched = partsMatch(globParts[i], globParts[j]);
      if (matched) {
        globParts[i] = [];
        globParts[j] = matched;
        break;
      }
    }
  }
  return globParts.filter((gs) => gs.length);
}

function levelTwoFileOptimize(parts) {
  let did;
  do {
    did = removeDots(parts);
    let dd = 0;
    while ((dd = parts.indexOf('..', dd + 1)) !== -1) {
      const p = parts[dd - 1];
      if (p && p !== '.' && p !== '..' && p !== '**') {
        did = true;
        parts.splice(dd - 1, 2);
        dd -= 2;
      }
    }
  } while (did);
  return parts.length === 0 ? [''] : parts;
}

class Matcher {
  constructor(pattern) {
    if (typeof pattern !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('pattern', 'string', pattern);
    this.pattern = pattern.replace(/\\/g, '/');
    this.empty = this.pattern === '';
    this.globParts = [];
    this.set = [];
    if (this.empty) return;
    const globSet = [...new Set(braceExpand(this.pattern))];
    this.globParts = secondPhase(firstPhase(globSet.map((s) => s.split(/\/+/))));
    this.set = this.globParts.map((parts) => parts.map(parsePart));
  }

  match(path, windows = false) {
    if (this.empty) return path === '';
    if (windows) path = path.split('\\').join('/');
    const file = path.split(/\/+/);
    return this.set.some((pattern) => this.matchOne(file.slice(), pattern));
  }

  matchOne(file, pattern) {
    file = levelTwoFileOptimize(file);
    if (pattern.includes(GLOBSTAR)) return matchGlobstar(file, pattern);
    return matchParts(file, pattern, 0, 0);
  }
}

function matchParts(file, pattern, fileIndex, patternIndex) {
  let fi = fileIndex, pi = patternIndex;
  for (; fi < file.length && pi < pattern.length; fi++, pi++) {
    const p = pattern[pi], f = file[fi];
    if (p === GLOBSTAR) return false;
    if (!(typeof p === 'string' ? f === p : p.test(f))) return false;
  }
  if (fi === file.length && pi === pattern.length) return true;
  if (fi === file.length) return false;
  return pi === pattern.length && fi === file.length - 1 && file[fi] === '';
}

const isHidden = (f) => f === '.' || f === '..' || f.startsWith('.');

function matchGlobstar(file, pattern) {
  const firstgs = pattern.indexOf(GLOBSTAR);
  const lastgs = pattern.lastIndexOf(GLOBSTAR);
  const head = pattern.slice(0, firstgs);
  const body = pattern.slice(firstgs + 1, lastgs);
  const tail = pattern.slice(lastgs + 1);
  let fileIndex = 0;
  if (head.length) {
    if (!matchParts(file.slice(0, head.length), head, 0, 0)) return false;
    fileIndex += head.length;
  }
  let fileTailMatch = 0;
  if (tail.length) {
    if (tail.length + fileIndex > file.length) return false;
    let tailStart = file.length - tail.length;
    if (matchParts(file, tail, tailStart, 0)) {
      fileTailMatch = tail.length;
    } else {
      if (file[file.length - 1] !== '' || fileIndex + tail.length === file.length) return false;
      tailStart--;
      if (!matchParts(file, tail, tailStart, 0)) return false;
      fileTailMatch = tail.length + 1;
    }
  }
  if (!body.length) {
    let sawSome = !!fileTailMatch;
    for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
      sawSome = true;
      if (isHidden(String(file[i]))) return false;
    }
    return sawSome;
  }
  // The parts between globstars, each with the last file index it may start at.
  const sections = [[[], 0]];
  let current = sections[0];
  let nonGsParts = 0;
  const sums = [0];
  for (const b of body) {
    if (b === GLOBSTAR) {
      sums.push(nonGsParts);
      current = [[], 0];
      sections.push(current);
    } else {
      current[0].push(b);
      nonGsParts++;
    }
  }
  let i = sections.length - 1;
  const fileLength = file.length - fileTailMatch;
  for (const s of sections) s[1] = fileLength - (sums[i--] + s[0].length);
  return !!matchSections(file, sections, fileIndex, 0, 0, !!fileTailMatch);
}

function matchSections(file, sections, fileIndex, sectionIndex, depth, sawTail) {
  const section = sections[sectionIndex];
  if (!section) {
    for (let i = fileIndex; i < file.length; i++) {
      sawTail = true;
      if (isHidden(file[i])) return false;
    }
    return sawTail;
  }
  const [body, after] = section;
  while (fileIndex <= after) {
    const m = matchParts(file.slice(0, fileIndex + body.length), body, fileIndex, 0);
    if (m && depth < 200) {
      const sub = matchSections(file, sections, fileIndex + body.length, sectionIndex + 1, depth + 1, sawTail);
      if (sub !== false) return sub;
    }
    if (isHidden(file[fileIndex])) return false;
    fileIndex++;
  }
  return null;
}

// ---- the walk (lib/internal/fs/glob.js)

function lazyFs() {
  return require('fs');
}

function getDirentSync(path) {
  const stat = lazyFs().lstatSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return null;
  return new (lazyFs()._jsgen.DirentFromStats)(basename(path), stat, dirname(path));
}

class Cache {
  #cache = new Map();
  #statsCache = new Map();
  #followStatsCache = new Map();
  #readdirCache = new Map();
  #realpathCache = new Map();

  statSync(path) {
    const cached = this.#statsCache.get(path);
    if (cached) return cached;
    const val = getDirentSync(path);
    this.#statsCache.set(path, val);
    return val;
  }
  followStatSync(path) {
    const cached = this.#followStatsCache.get(path);
    if (cached) return cached;
    let val;
    try {
      val = lazyFs().statSync(path);
    } catch {
      val = null;
    }
    this.#followStatsCache.set(path, val);
    return val;
  }
  realpathSync(path) {
    const cached = this.#realpathCache.get(path);
    if (cached) return cached;
    let val;
    try {
      val = lazyFs().realpathSync(path);
    } catch {
      val = null;
    }
    this.#realpathCache.set(path, val);
    return val;
  }
  addToStatCache(path, val) {
    this.#statsCache.set(path, val);
  }
  readdirSync(path) {
    const cached = this.#readdirCache.get(path);
    if (cached) return cached;
    let val;
    try {
      val = lazyFs().readdirSync(path, { withFileTypes: true });
    } catch {
      val = [];
    }
    this.#readdirCache.set(path, val);
    return val;
  }
  add(path, pattern) {
    let cache = this.#cache.get(path);
    if (!cache) {
      cache = new Set();
      this.#cache.set(path, cache);
    }
    const originalSize = cache.size;
    pattern.indexes.forEach((index) => cache.add(pattern.cacheKey(index)));
    return cache.size !== originalSize + pattern.indexes.size;
  }
  seen(path, pattern, index) {
    return this.#cache.get(path)?.has(pattern.cacheKey(index));
  }
}

class Pattern {
  #pattern;
  #globStrings;
  constructor(pattern, globStrings, indexes, symlinks, realpaths = new Set()) {
    this.#pattern = pattern;
    this.#globStrings = globStrings;
    this.indexes = indexes;
    this.symlinks = symlinks;
    this.realpaths = realpaths;
    this.last = pattern.length - 1;
  }
  isLast(isDirectory) {
    return this.indexes.has(this.last) ||
      (this.at(-1) === '' && isDirectory && this.indexes.has(this.last - 1) && this.at(-2) === GLOBSTAR);
  }
  isFirst() { return this.indexes.has(0); }
  get hasSeenSymlinks() {
    return Array.from(this.indexes).some((i) => !this.symlinks.has(i));
  }
  at(index) { return this.#pattern.at(index); }
  child(indexes, symlinks = new Set(), realpaths = this.realpaths) {
    return new Pattern(this.#pattern, this.#globStrings, indexes, symlinks, realpaths);
  }
  test(index, path) {
    if (index > this.#pattern.length) return false;
    const pattern = this.#pattern[index];
    if (pattern === GLOBSTAR) return true;
    if (typeof pattern === 'string') return pattern === path;
    if (typeof pattern?.test === 'function') return pattern.test(path);
    return false;
  }
  cacheKey(index) {
    let key = '';
    for (let i = index; i < this.#globStrings.length; i++) {
      key += this.#globStrings[i];
      if (i !== this.#globStrings.length - 1) key += '/';
    }
    return key;
  }
}

class ResultSet extends Set {
  #root = '.';
  #isExcluded = () => false;
  setup(root, isExcludedFn) {
    this.#root = root;
    this.#isExcluded = isExcludedFn;
  }
  add(value) {
    if (this.#isExcluded(resolve(this.#root, value))) return false;
    super.add(value);
    return true;
  }
}

function validateStringArray(value, name) {
  if (!Array.isArray(value)) throw new codes.ERR_INVALID_ARG_TYPE(name, 'Array', value);
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(`${name}[${i}]`, 'string', value[i]);
  }
}

class Glob {
  #root;
  #exclude;
  #cache = new Cache();
  #results = new ResultSet();
  #queue = [];
  #subpatterns = new Map();
  #patterns;
  #withFileTypes;
  #followSymlinks = false;
  #isExcluded = () => false;

  constructor(pattern, options = {}) {
    if (options === null || typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const { exclude, cwd, followSymlinks, withFileTypes } = options;
    this.#root = (cwd instanceof URL ? require('url').fileURLToPath(cwd) : cwd) ?? '.';
    if (followSymlinks != null) {
      if (typeof followSymlinks !== 'boolean') {
        throw new codes.ERR_INVALID_ARG_TYPE('options.followSymlinks', 'boolean', followSymlinks);
      }
      this.#followSymlinks = followSymlinks;
    }
    this.#withFileTypes = !!withFileTypes;
    if (exclude != null) {
      if (Array.isArray(exclude)) {
        validateStringArray(exclude, 'options.exclude');
        const matchers = exclude.map((p) => new Matcher(resolve(this.#root, p)));
        this.#isExcluded = (value) => matchers.some((m) => m.match(value));
        this.#results.setup(this.#root, this.#isExcluded);
      } else if (typeof exclude === 'function') {
        this.#exclude = exclude;
      } else {
        throw new codes.ERR_INVALID_ARG_TYPE('options.exclude', ['string[]', 'function'], exclude);
      }
    }
    let patterns;
    if (typeof pattern === 'object') {
      validateStringArray(pattern, 'patterns');
      patterns = pattern;
    } else {
      if (typeof pattern !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('patterns', 'string', pattern);
      patterns = [pattern];
    }
    this.matchers = patterns.map((p) => new Matcher(p));
    this.#patterns = this.matchers.flatMap((matcher) => matcher.set.map((p, i) =>
      new Pattern(p, matcher.globParts[i], new Set().add(0), new Set())));
  }

  globSync() {
    this.#queue.push({ path: '.', patterns: this.#patterns });
    while (this.#queue.length > 0) {
      const item = this.#queue.pop();
      for (let i = 0; i < item.patterns.length; i++) {
        this.#visit(item.path, item.patterns[i], null);
      }
      this.#subpatterns.forEach((patterns, path) => this.#queue.push({ path, patterns }));
      this.#subpatterns.clear();
    }
    return Array.from(this.#results, this.#withFileTypes
      ? (path) => this.#cache.statSync(isAbsolute(path) ? path : join(this.#root, path))
      : undefined);
  }

  // The same walk, its results yielded directory by directory (the file system is read
  // synchronously: the order of results is the one Node's awaited walk gives).
  async *glob() {
    this.#queue.push({ path: '.', patterns: this.#patterns });
    while (this.#queue.length > 0) {
      const item = this.#queue.pop();
      for (let i = 0; i < item.patterns.length; i++) {
        const found = [];
        this.#visit(item.path, item.patterns[i], found);
        yield* found;
      }
      this.#subpatterns.forEach((patterns, path) => this.#queue.push({ path, patterns }));
      this.#subpatterns.clear();
    }
  }

  #isDirectorySync(path, stat, pattern) {
    if (stat?.isDirectory()) return true;
    if (!stat?.isSymbolicLink()) return false;
    if (this.#followSymlinks) return !!this.#cache.followStatSync(path)?.isDirectory();
    return pattern.hasSeenSymlinks;
  }

  #addSubpattern(path, pattern) {
    if (this.#isExcluded(path)) return;
    const fullpath = resolve(this.#root, path);
    if (this.#isExcluded(`${fullpath}/`) && this.#cache.statSync(fullpath).isDirectory()) return;
    if (this.#exclude) {
      if (this.#withFileTypes) {
        const stat = this.#cache.statSync(path);
        if (stat !== null && this.#exclude(stat)) return;
      } else if (this.#exclude(path)) {
        return;
      }
    }
    if (!this.#subpatterns.has(path)) this.#subpatterns.set(path, [pattern]);
    else this.#subpatterns.get(path).push(pattern);
  }

  // One directory with one pattern: adds results (to `found` too, when given) and queues
  // the subdirectories that patterns may continue into.
  #visit(path, pattern, found) {
    const add = (result, dirent) => {
      if (this.#results.has(result)) return;
      if (this.#results.add(result) && found) found.push(this.#withFileTypes ? dirent() : result);
    };
    const seen = this.#cache.add(path, pattern);
    if (seen) return;
    const fullpath = resolve(this.#root, path);
    const stat = this.#cache.statSync(fullpath);
    const last = pattern.last;
    const isDirectory = this.#isDirectorySync(fullpath, stat, pattern);
    const isLast = pattern.isLast(isDirectory);
    const isFirst = pattern.isFirst();

    if (this.#isExcluded(fullpath)) return;
    if (isFirst && pattern.at(0) === '') {
      this.#addSubpattern('/', pattern.child(new Set().add(1)));
      return;
    }
    if (isFirst && pattern.at(0) === '..') {
      this.#addSubpattern('../', pattern.child(new Set().add(1)));
      return;
    }
    if (isFirst && pattern.at(0) === '.') {
      this.#addSubpattern('.', pattern.child(new Set().add(1)));
      return;
    }

    if (isLast && typeof pattern.at(-1) === 'string') {
      const p = pattern.at(-1);
      const pstat = this.#cache.statSync(join(fullpath, p));
      if (pstat && (p || isDirectory)) add(join(path, p), () => pstat);
      if (pattern.indexes.size === 1 && pattern.indexes.has(last)) return;
    } else if (isLast && pattern.at(-1) === GLOBSTAR &&
               (path !== '.' || pattern.at(0) === '.' || (last === 0 && stat))) {
      add(path, () => stat);
    }

    if (!isDirectory || this.#isCyclicSync(fullpath, isDirectory, pattern)) return;
    const nextRealpaths = this.#nextRealpathsSync(fullpath, isDirectory, pattern);

    let children;
    const firstPattern = pattern.indexes.size === 1 && pattern.at(pattern.indexes.values().next().value);
    if (typeof firstPattern === 'string') {
      const fstat = this.#cache.statSync(join(fullpath, firstPattern));
      if (!fstat) return;
      fstat.name = firstPattern;
      children = [fstat];
    } else {
      children = this.#cache.readdirSync(fullpath);
    }

    for (let i = 0; i < children.length; i++) {
      const entry = children[i];
      const entryPath = join(path, entry.name);
      const entryFullpath = join(fullpath, entry.name);
      this.#cache.addToStatCache(entryFullpath, entry);
      const entryIsDirectory = entry.isDirectory() ||
        (this.#followSymlinks && entry.isSymbolicLink() && !!this.#cache.followStatSync(entryFullpath)?.isDirectory());

      const subPatterns = new Set();
      const nSymlinks = new Set();
      for (const index of pattern.indexes) {
        const current = pattern.at(index);
        const nextIndex = index + 1;
        const next = pattern.at(nextIndex);
        const fromSymlink = !this.#followSymlinks && pattern.symlinks.has(index);

        if (current === GLOBSTAR) {
          const isDot = entry.name[0] === '.';
          const nextMatches = pattern.test(nextIndex, entry.name);
          let nextNonGlobIndex = nextIndex;
          while (pattern.at(nextNonGlobIndex) === GLOBSTAR) nextNonGlobIndex++;
          const matchesDot = isDot && pattern.test(nextNonGlobIndex, entry.name);
          if ((isDot && !matchesDot) ||
              (this.#exclude && this.#exclude(this.#withFileTypes ? entry : entry.name))) {
            continue;
          }
          if (!fromSymlink && entryIsDirectory) {
            subPatterns.add(index);
          } else if (!fromSymlink && index === last) {
            add(entryPath, () => entry);
          }
          if (nextMatches && nextIndex === last && !isLast) {
            add(entryPath, () => entry);
          } else if (nextMatches && entryIsDirectory) {
            subPatterns.add(index + 2);
          }
          if ((nextMatches || pattern.at(0) === '.') && entryIsDirectory && !fromSymlink) {
            subPatterns.add(nextIndex);
          }
          if (!this.#followSymlinks && entry.isSymbolicLink()) nSymlinks.add(index);
          if (next === '..' && entryIsDirectory) {
            const parent = join(path, '..');
            if (nextIndex < last) {
              if (!this.#subpatterns.has(path) && !this.#cache.seen(path, pattern, nextIndex + 1)) {
                this.#subpatterns.set(path, [pattern.child(new Set().add(nextIndex + 1))]);
              }
              if (!this.#subpatterns.has(parent) && !this.#cache.seen(parent, pattern, nextIndex + 1)) {
                this.#subpatterns.set(parent, [pattern.child(new Set().add(nextIndex + 1))]);
              }
            } else {
              if (!this.#cache.seen(path, pattern, nextIndex)) {
                this.#cache.add(path, pattern.child(new Set().add(nextIndex)));
                add(path, () => this.#cache.statSync(fullpath));
              }
              if (!this.#cache.seen(path, pattern, nextIndex) || !this.#cache.seen(parent, pattern, nextIndex)) {
                this.#cache.add(parent, pattern.child(new Set().add(nextIndex)));
                add(parent, () => this.#cache.statSync(join(this.#root, parent)));
              }
            }
          }
        }
        if (typeof current === 'string') {
          if (pattern.test(index, entry.name) && index !== last) {
            subPatterns.add(nextIndex);
          } else if (current === '.' && pattern.test(nextIndex, entry.name)) {
            if (nextIndex === last) add(entryPath, () => entry);
            else subPatterns.add(nextIndex + 1);
          }
        }
        if (typeof current === 'object' && pattern.test(index, entry.name)) {
          if (index === last) add(entryPath, () => entry);
          else if (entryIsDirectory) subPatterns.add(nextIndex);
        }
      }
      if (subPatterns.size > 0) {
        this.#addSubpattern(entryPath, pattern.child(subPatterns, nSymlinks, nextRealpaths));
      }
    }
  }

  #nextRealpathsSync(path, isDirectory, pattern) {
    if (!this.#followSymlinks || !isDirectory) return pattern.realpaths;
    const real = this.#cache.realpathSync(path);
    if (real === null) return pattern.realpaths;
    const realpaths = new Set(pattern.realpaths);
    realpaths.add(real);
    return realpaths;
  }

  #isCyclicSync(path, isDirectory, pattern) {
    if (!this.#followSymlinks || !isDirectory) return false;
    const real = this.#cache.realpathSync(path);
    return real !== null && pattern.realpaths.has(real);
  }
}

const patternCache = new Map();
function matchGlobPattern(path, pattern, windows = false) {
  if (typeof path !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('path', 'string', path);
  if (typeof pattern !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('pattern', 'string', pattern);
  let matcher = patternCache.get(pattern);
  if (matcher === undefined) {
    matcher = new Matcher(pattern);
    patternCache.set(pattern, matcher);
    if (patternCache.size >= 250) patternCache.delete(patternCache.keys().next().value);
  }
  return matcher.match(path, windows);
}

module.exports = { Glob, Matcher, matchGlobPattern, braceExpand };
