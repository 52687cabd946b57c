/**
 * The report's one script (its sha256 goes into the CSP). It reads data only from JSON script
 * elements and writes text only through textContent: agent output never becomes markup.
 */
export const pageScript = String.raw`(function () {
'use strict';
var doc = document, root = doc.documentElement;
root.classList.add('js');
function data(id) { var n = doc.getElementById(id); return n ? JSON.parse(n.textContent || 'null') : null; }
var meta = data('fs-meta') || {};
var failures = data('fs-failures') || [];
var goldens = data('fs-goldens') || {};
function el(tag, cls, text) {
  var e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

var themeButton = doc.getElementById('theme');
function setTheme(theme) { root.setAttribute('data-theme', theme); }
try { var saved = localStorage.getItem('flakestorm-theme'); if (saved === 'dark' || saved === 'light') setTheme(saved); } catch (e) {}
themeButton.addEventListener('click', function () {
  var current = root.getAttribute('data-theme');
  var dark = current === 'dark' || (current !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  var next = dark ? 'light' : 'dark';
  setTheme(next);
  try { localStorage.setItem('flakestorm-theme', next); } catch (e) {}
});

var q = doc.getElementById('q'), fType = doc.getElementById('f-type'), fInv = doc.getElementById('f-inv');
var fSev = doc.getElementById('f-sev'), fCause = doc.getElementById('f-cause'), fSort = doc.getElementById('f-sort');
var count = doc.getElementById('count');
var RANK = { critical: 4, high: 3, medium: 2, low: 1 };
var list = doc.getElementById('list'), inner = doc.getElementById('list-inner'), detail = doc.getElementById('detail');
function causeOf(f) { return f.e ? f.e[0] : 'check_failed'; }
function fill(select, values) {
  Object.keys(values).sort().forEach(function (v) {
    var o = doc.createElement('option'); o.value = v; o.textContent = v + ' (' + values[v] + ')'; select.appendChild(o);
  });
}
var types = {}, invs = {}, causes = {};
failures.forEach(function (f) {
  types[f.t] = (types[f.t] || 0) + 1;
  causes[causeOf(f)] = (causes[causeOf(f)] || 0) + 1;
  f.c.forEach(function (c) { invs[c[0]] = (invs[c[0]] || 0) + 1; });
});
fill(fType, types); fill(fInv, invs); fill(fCause, causes);

var hay = [];
function haystack(i) {
  if (hay[i] === undefined) {
    var f = failures[i];
    hay[i] = [f.id, f.l, f.t, f.m, f.r, f.e ? f.e[1] : ''].concat(f.c.map(function (c) { return c[0] + ' ' + c[3]; })).join('\n').toLowerCase();
  }
  return hay[i];
}
var ROW = 34, shown = [], selected = -1;
function applyFilters() {
  var needle = q.value.trim().toLowerCase();
  var t = fType.value, inv = fInv.value, sev = fSev.value, cause = fCause.value;
  shown = [];
  for (var i = 0; i < failures.length; i++) {
    var f = failures[i];
    if (t && f.t !== t) continue;
    if (sev && f.sev !== sev) continue;
    if (cause && causeOf(f) !== cause) continue;
    if (inv && !f.c.some(function (c) { return c[0] === inv; })) continue;
    if (needle && haystack(i).indexOf(needle) < 0) continue;
    shown.push(i);
  }
  if (fSort.value === 'severity') shown.sort(function (a, b) { return (RANK[failures[b].sev] || 0) - (RANK[failures[a].sev] || 0) || a - b; });
  else if (fSort.value === 'slow') shown.sort(function (a, b) { return failures[b].ms - failures[a].ms || a - b; });
  count.textContent = shown.length + ' of ' + failures.length + ' failures';
  selected = shown.length ? 0 : -1;
  inner.style.height = (shown.length * ROW) + 'px';
  list.scrollTop = 0;
  renderRows();
  showDetail();
}
var timer = 0;
q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(applyFilters, 120); });
[fType, fInv, fSev, fCause, fSort].forEach(function (s) { s.addEventListener('change', applyFilters); });
var flaky = doc.getElementById('flaky');
if (flaky) flaky.addEventListener('click', function (ev) {
  var t = ev.target;
  while (t && t !== flaky && !(t.dataset && t.dataset.case)) t = t.parentNode;
  if (!t || t === flaky) return;
  q.value = t.dataset.case; fType.value = ''; fInv.value = ''; fSev.value = ''; fCause.value = '';
  applyFilters();
  doc.getElementById('failures').scrollIntoView();
});

function rowFor(i) {
  var f = failures[shown[i]];
  var row = el('div', i === selected ? 'row selected' : 'row');
  row.setAttribute('role', 'option');
  row.setAttribute('aria-selected', i === selected ? 'true' : 'false');
  row.style.top = (i * ROW) + 'px';
  row.dataset.i = String(i);
  row.title = f.e ? f.e[0] + ': ' + f.e[1] : f.c.map(function (c) { return c[0] + ': ' + c[3]; }).join('\n');
  row.appendChild(el('span', 'sev sev-' + f.sev, f.sev));
  row.appendChild(el('span', 'type', f.t));
  row.appendChild(el('span', 'label', f.l));
  return row;
}
// Only the rows on screen exist in the DOM, so 10,000 failures scroll as fast as 10.
function renderRows() {
  var top = list.scrollTop, height = list.clientHeight || 480;
  var first = Math.max(0, Math.floor(top / ROW) - 6);
  var last = Math.min(shown.length, Math.ceil((top + height) / ROW) + 6);
  inner.textContent = '';
  for (var i = first; i < last; i++) inner.appendChild(rowFor(i));
}
var frame = 0;
list.addEventListener('scroll', function () { if (!frame) frame = requestAnimationFrame(function () { frame = 0; renderRows(); }); });
inner.addEventListener('click', function (ev) {
  var t = ev.target;
  while (t && t !== inner && !(t.dataset && t.dataset.i)) t = t.parentNode;
  if (t && t !== inner) { select(Number(t.dataset.i)); }
});
function select(i) {
  if (!shown.length) return;
  selected = Math.max(0, Math.min(shown.length - 1, i));
  var y = selected * ROW;
  if (y < list.scrollTop) list.scrollTop = y;
  else if (y + ROW > list.scrollTop + list.clientHeight) list.scrollTop = y + ROW - list.clientHeight;
  renderRows();
  showDetail();
}
function quote(s) { return /^[\w@%+=:,.\/-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'"; }
function block(title, text) { detail.appendChild(el('h4', '', title)); detail.appendChild(el('pre', '', text)); }
// Word-level LCS diff; long answers are compared on their first 400 words to stay quick.
function wordDiff(a, b) {
  var A = a.split(/(\s+)/), B = b.split(/(\s+)/), cut = A.length > 400 || B.length > 400;
  A = A.slice(0, 400); B = B.slice(0, 400);
  var n = A.length, m = B.length, w = m + 1, L = new Uint16Array((n + 1) * w);
  for (var i = n - 1; i >= 0; i--) for (var j = m - 1; j >= 0; j--)
    L[i * w + j] = A[i] === B[j] ? L[(i + 1) * w + j + 1] + 1 : Math.max(L[(i + 1) * w + j], L[i * w + j + 1]);
  var out = el('div', 'diff'); i = 0; j = 0;
  function add(tag, text) { out.appendChild(tag ? el(tag, '', text) : doc.createTextNode(text)); }
  while (i < n && j < m) {
    if (A[i] === B[j]) { add('', A[i]); i++; j++; }
    else if (L[(i + 1) * w + j] >= L[i * w + j + 1]) { add('del', A[i]); i++; }
    else { add('ins', B[j]); j++; }
  }
  while (i < n) add('del', A[i++]);
  while (j < m) add('ins', B[j++]);
  if (cut) out.appendChild(el('p', 'muted', '(compared on the first 400 words)'));
  return out;
}
function showDetail() {
  detail.textContent = '';
  if (selected < 0) { detail.appendChild(el('p', 'muted', 'No failure matches the filters.')); return; }
  var f = failures[shown[selected]], g = goldens[f.g] || {};
  detail.appendChild(el('h3', '', f.l));
  var facts = [f.id, f.t, f.sev, f.ms + ' ms'];
  if (f.st !== undefined) facts.push('HTTP ' + f.st);
  if (f.tr) facts.push(f.tr[0] + '/' + f.tr[1] + ' trials passed');
  detail.appendChild(el('p', 'muted', facts.join(' · ')));
  if (f.c.length) {
    detail.appendChild(el('h4', '', 'Failed checks'));
    var table = el('table'), head = el('tr');
    ['Check', 'Type', 'Severity', 'Reason'].forEach(function (h) { head.appendChild(el('th', '', h)); });
    table.appendChild(head);
    f.c.forEach(function (c) {
      var tr = el('tr');
      tr.appendChild(el('td', '', c[0])); tr.appendChild(el('td', '', c[1]));
      tr.appendChild(el('td', 'sev sev-' + c[2], c[2])); tr.appendChild(el('td', '', c[3]));
      table.appendChild(tr);
    });
    detail.appendChild(table);
  }
  if (f.x) detail.appendChild(el('p', 'muted', 'Texts of this failure were left out to keep the file small; the JSON report has them.'));
  if (f.e) block('Error', f.e[0] + ': ' + f.e[1]);
  block('Golden prompt', g.p !== undefined ? g.p : '(not recorded)');
  if (f.msgs) block('Mutated conversation', f.msgs.map(function (t) { return t[0] + ': ' + t[1]; }).join('\n\n'));
  else block('Mutated request', f.m);
  if (f.w) {
    var wire = f.w.m + ' ' + f.w.u + '\n' + f.w.h.map(function (h) { return h[0] + ': ' + h[1]; }).join('\n') +
      '\n\n' + f.w.p + '\n\n(' + f.w.b + ' bytes' + (f.w.applied === false ? '; wire mutation not applied: target is not HTTP' : '') + ')';
    if (f.w.note) wire += '\n' + f.w.note;
    block('Sent on the wire', wire);
  }
  block('Response', f.r === '' ? '(no response)' : f.r);
  detail.appendChild(el('h4', '', 'Difference from the golden answer'));
  if (typeof g.a === 'string') detail.appendChild(wordDiff(g.a, f.r));
  else detail.appendChild(el('p', 'muted', 'No golden answer was recorded for this prompt.'));
  detail.appendChild(el('h4', '', 'Re-run this case'));
  detail.appendChild(el('pre', 'rerun', (meta.rerun || 'flakestorm run --case ') + quote(f.id)));
}
doc.addEventListener('keydown', function (ev) {
  var t = ev.target, typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA');
  if (ev.key === 'Escape' && typing) { t.blur(); return; }
  if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (ev.key === '/') { ev.preventDefault(); q.focus(); }
  else if (ev.key === 'j') { ev.preventDefault(); select(selected + 1); }
  else if (ev.key === 'k') { ev.preventDefault(); select(selected - 1); }
  else if (ev.key === 'Enter' && selected >= 0) { ev.preventDefault(); detail.focus(); detail.scrollIntoView({ block: 'nearest' }); }
});
applyFilters();
root.setAttribute('data-ready', 'true');
})();
`;
