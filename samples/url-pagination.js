// Paginating an API with URL and URLSearchParams: building page links, reading query
// parameters, following `next` links, and printing the objects.
const base = new URL('https://api.example.com/v1/articles?sort=date&tag=js');

function pageUrl(page, perPage = 20) {
  const url = new URL(base);
  url.searchParams.set('page', page);
  url.searchParams.set('per_page', perPage);
  return url;
}

const first = pageUrl(1);
console.log(first.href);
console.log(first.searchParams.get('sort'), first.searchParams.get('page'), first.searchParams.has('tag'));
console.log([...first.searchParams.keys()]);

// A fake server: 45 items, returns a page and a link to the next one.
const items = Array.from({ length: 45 }, (_, i) => `article-${i + 1}`);
function fetchPage(href) {
  const url = new URL(href);
  const page = Number(url.searchParams.get('page') ?? 1);
  const perPage = Number(url.searchParams.get('per_page') ?? 20);
  const start = (page - 1) * perPage;
  const data = items.slice(start, start + perPage);
  const next = start + perPage < items.length ? pageUrl(page + 1, perPage).toString() : null;
  return { data, next };
}

async function* paginate(startHref) {
  let href = startHref;
  while (href) {
    const { data, next } = fetchPage(href);
    console.log('GET', new URL(href).search, '->', data.length, 'items');
    yield* data;
    href = next;
  }
}

(async () => {
  let count = 0;
  let last;
  for await (const item of paginate(pageUrl(1, 20).href)) {
    count++;
    last = item;
  }
  console.log('total', count, 'last', last);

  // Query strings from objects and arrays of pairs; encoding rules.
  const q = new URLSearchParams({ q: 'async generators & you', lang: 'en' });
  q.append('tag', 'node.js');
  q.append('tag', 'web+api');
  console.log(q.toString());
  console.log(q.getAll('tag'), q.size);
  q.delete('tag', 'node.js');
  q.sort();
  console.log(`${q}`);
  console.log(new URLSearchParams([['a', '1'], ['b', 'x y']]).toString());
  for (const [k, v] of new URLSearchParams('?x=1&y=%F0%9F%98%80&z')) console.log(k, '=', JSON.stringify(v));

  // Relative links resolved against a base; the URL object printed.
  const next = new URL('../v2/articles?page=3#top', 'https://api.example.com/v1/articles');
  console.log(next.pathname, next.search, next.hash, next.origin);
  console.log(next);
  console.log(JSON.stringify({ next }), String(next));
  console.log(first.searchParams);
  console.log(URL.canParse('/relative'), URL.canParse('/relative', base), URL.parse('nope'));
  try {
    new URL('/articles?page=2');
  } catch (err) {
    console.log(err.name, err.message, err.code, err.input);
  }

  // Editing the URL updates searchParams and the other way round.
  const u = new URL('https://shop.example/search?q=shoes');
  u.searchParams.append('size', '42');
  u.hash = 'results';
  console.log(u.href);
  u.search = '?q=boots&color=black';
  console.log(u.searchParams.get('color'), [...u.searchParams]);
})();
