// Offline search for one edition: the articles' text inlined into the zip's index.html and a small classic script
// (no modules, no fetch) that finds them by any word or phrase, so it works from file:// where Pagefind cannot.
// Matching is a substring search over text with whitespace removed, full-width ASCII forms folded to ASCII, curly
// quotes folded to straight ones and Latin letters lowercased: 逆行被撞 finds “逆行 被撞”, 肥乡:爱心 finds “肥乡：爱心”.

export interface SearchEntry {
  /** The headline, shown as the result's link text. */
  title: string;
  /** Relative link from index.html to the article. */
  href: string;
  /** Everything a reader can read of the article: headline stack, byline, captions, body. */
  text: string;
}

const C = { colon: '\uFF1A', lparen: '\uFF08', rparen: '\uFF09' };

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// ES5, classic script: runs from file:// in every browser. Kept readable; it is a few hundred bytes gzipped.
const SCRIPT = `(function () {
  var docs = DATA;
  var box = document.getElementById('offline-search');
  var input = document.getElementById('offline-search-input');
  var status = document.getElementById('offline-search-status');
  var list = document.getElementById('offline-search-results');
  function fold(s) {
    var out = '', map = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i), k = s.charCodeAt(i);
      if (/\\s/.test(c)) continue;
      if (k >= 0xff01 && k <= 0xff5e) { k -= 0xfee0; c = String.fromCharCode(k); }
      else if (k === 0x201c || k === 0x201d) c = '"';
      else if (k === 0x2018 || k === 0x2019) c = "'";
      if (k >= 65 && k <= 90) c = String.fromCharCode(k + 32);
      out += c;
      map.push(i);
    }
    return { text: out, map: map };
  }
  for (var d = 0; d < docs.length; d++) docs[d].folded = fold(docs[d].x);
  function snippet(doc, at, length) {
    var start = doc.folded.map[at], end = doc.folded.map[at + length - 1] + 1;
    var p = document.createElement('p');
    var from = Math.max(0, start - 40), to = Math.min(doc.x.length, end + 60);
    p.appendChild(document.createTextNode((from > 0 ? '…' : '') + doc.x.slice(from, start)));
    var mark = document.createElement('mark');
    mark.textContent = doc.x.slice(start, end);
    p.appendChild(mark);
    p.appendChild(document.createTextNode(doc.x.slice(end, to) + (to < doc.x.length ? '…' : '')));
    return p;
  }
  function run() {
    var query = fold(input.value).text;
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!query) { status.textContent = ''; return; }
    var found = 0;
    for (var d = 0; d < docs.length; d++) {
      var at = docs[d].folded.text.indexOf(query);
      if (at < 0) continue;
      found++;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = docs[d].u;
      a.textContent = docs[d].t;
      li.appendChild(a);
      li.appendChild(snippet(docs[d], at, query.length));
      list.appendChild(li);
    }
    status.textContent = found ? FOUND.replace('N', found) : NONE;
  }
  box.hidden = false;
  input.addEventListener('input', run);
  run();
})();`;

const STYLE = `.offline-search{margin:1rem 0 1.5rem;padding:.75rem 1rem;background:#f4efe3;border-radius:4px}
.offline-search label{display:block;font-weight:bold}
.offline-search input{font:inherit;width:100%;max-width:30rem;padding:.3rem .5rem;margin:.25rem 0}
.offline-search ol{margin:.5rem 0 0;padding-left:1.5em}
.offline-search li{margin:.5rem 0}
.offline-search li p{margin:.1rem 0 0;color:#555;font-size:.9em}
.offline-search mark{background:#ffe08a;color:inherit}
.offline-note{color:#555;font-size:.9em}`;

/** Markup of the search box: hidden until the script runs, so readers without JavaScript see no dead control. */
export function searchMarkup(): string {
  return (
    `<div class="offline-search" id="offline-search" role="search" hidden>` +
    `<label for="offline-search-input">检索本期文章</label>` +
    `<input type="search" id="offline-search-input" autocomplete="off" placeholder="输入字词${C.lparen}如${C.colon}县区名、人名${C.rparen}">` +
    `<p id="offline-search-status" role="status" aria-live="polite"></p>` +
    `<ol id="offline-search-results"></ol>` +
    `</div>`
  );
}

/** The <style> and <script> elements that make the search box work, with the articles inlined. */
export function searchAssets(entries: readonly SearchEntry[]): string {
  const data = entries.map((e) => ({ t: e.title, u: e.href, x: e.text }));
  // Messages first, articles last, each by a function: neither placeholders nor `$` in article text are special.
  const script = SCRIPT.replace('FOUND', () => scriptJson('本期找到 N 篇文章'))
    .replace('NONE', () => scriptJson('本期没有找到相关文章。'))
    .replace('DATA', () => scriptJson(data));
  return `<style>${STYLE}</style><script>${script}</script>`;
}
