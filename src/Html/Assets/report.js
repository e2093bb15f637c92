// The report's own script: steps through the frames the tool computed and draws them. It
// computes nothing about the MMU: each frame's page states come with the data (src/Html).
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('mmu-data').textContent);
  var A = D.algorithms.length, P = D.pages.length;
  var CH = 6.7, LH = 14; // keep in step with PageBox.cs
  var esc = function (s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); };
  var $ = function (id) { return document.getElementById(id); };

  // Steps come as arrays (ReportJson.WriteSteps): made objects here, counters carried forward.
  var counters = D.algorithms.map(function () { return { w: 0, v: 0, u: 0 }; });
  D.steps = D.steps.map(function (t) {
    var s = { f: t[0], l: t[1], c: t[2], n: t[3], sub: t[4], d: t[5], err: t[6] === 1, rec: [] };
    for (var a = 0; a < A; a++) {
      var r = t[7 + a];
      if (r === 0) { s.rec.push(null); continue; }
      var o = r === 1 ? {} : r;
      if (o.w === undefined) { o.w = counters[a].w; o.v = counters[a].v; o.u = counters[a].u; }
      if (o.out === 1) o.out = s.rec[0] && s.rec[0].out;
      counters[a] = o;
      s.rec.push(o);
    }
    return s;
  });

  // Frames: each step has its loop's stages, then the state after it.
  var F = 0, frameStep = [];
  D.steps.forEach(function (s, i) { s.first = F; for (var j = 0; j <= s.sub; j++) frameStep.push(i); F += s.sub + 1; });
  var cur = [], pos = -1;
  for (var a = 0; a < A; a++) { cur.push(new Int32Array(P).fill(-1)); }

  function apply(f, forward) {
    for (var a = 0; a < A; a++) {
      var d = D.deltas[a][f];
      if (!d) continue;
      if (forward) { for (var i = 0; i < d.length; i += 3) cur[a][d[i]] = d[i + 1]; }
      else { for (var k = d.length - 3; k >= 0; k -= 3) cur[a][d[k]] = d[k + 2]; }
    }
  }

  function goTo(target) {
    if (F === 0) return;
    target = Math.max(Math.min(target, F - 1), 0);
    while (pos < target) apply(++pos, true);
    while (pos > target) apply(pos--, false);
    render();
  }

  function finalOf(s) { return D.steps[s].first + D.steps[s].sub; }
  function stepOf(f) { return frameStep[f]; }
  function nextStatement() { var s = stepOf(pos); goTo(pos === finalOf(s) ? (s + 1 < D.steps.length ? finalOf(s + 1) : pos) : finalOf(s)); }
  function prevStatement() { var s = stepOf(pos); goTo(s > 0 ? finalOf(s - 1) : 0); }

  // ---- the script ----
  var lineEls = {}, lineSteps = {};
  function key(f, l) { return f + ':' + l; }
  // Errors come as values, each at its file and line (f -1: no place in these files).
  var errorsAt = {};
  D.errors.forEach(function (e) { if (e.f >= 0) (errorsAt[key(e.f, e.l)] = errorsAt[key(e.f, e.l)] || []).push(e); });
  function errorHead(e) { return 'error' + (e.alg ? ' [' + e.alg + ']' : '') + ': ' + e.msg; }

  function buildScript() {
    var html = [], fails = {}, marks = {};
    D.failures.forEach(function (x) { (fails[key(x.f, x.l)] = fails[key(x.f, x.l)] || []).push(x); });
    D.steps.forEach(function (s, i) {
      var k = key(s.f, s.l);
      (lineSteps[k] = lineSteps[k] || []).push(i);
      var m = marks[k] = marks[k] || {};
      if (s.d & 1) m.semantic = 1; if (s.d & 2) m.metadata = 1; if (s.d & 4) m.work = 1;
    });
    D.files.forEach(function (file, f) {
      html.push('<div class="file">' + esc(file.path) + '</div>');
      var lines = file.text.replace(/\r/g, '').split('\n'), golden = false;
      if (lines.length && lines[lines.length - 1] === '') lines.pop();
      lines.forEach(function (text, i) {
        var n = i + 1, k = key(f, n), cls = ['line'], badges = '';
        var trimmed = text.trim();
        if (trimmed === '----') { golden = !golden; cls.push('golden'); }
        else if (golden) cls.push('golden');
        else if (trimmed.charAt(0) === '#') cls.push('comment');
        if (lineSteps[k]) cls.push('stmt');
        if (fails[k]) { cls.push('failed'); badges += '<span class="mark fail" title="failed">✗ ' + fails[k].length + '</span>'; }
        var m = marks[k] || {}, errs = errorsAt[k] || [];
        if (errs.length) { cls.push('failed'); badges += '<span class="mark err" title="' + esc(errs.map(errorHead).join('\n')) + '">error</span>'; }
        ['semantic', 'metadata', 'work'].forEach(function (kind) { if (m[kind]) badges += '<span class="mark ' + kind + '" title="after it, the algorithms differ in ' + kind + '">' + kind.charAt(0) + '</span>'; });
        html.push('<div class="' + cls.join(' ') + '" data-file="' + f + '" data-line="' + n + '"><span class="ln">' + n + '</span><code>' + esc(text) + '</code><span class="marks">' + badges + '</span></div>');
        (fails[k] || []).forEach(function (x) {
          html.push('<details class="failure" data-line="' + n + '"><summary>' + esc(x.head) + '</summary><pre>' + esc(x.details) + '</pre></details>');
        });
        errs.forEach(function (e) {
          html.push('<details class="failure error" data-line="' + n + '" data-kind="' + esc(e.kind) + '"><summary>' + esc(errorHead(e)) + '</summary><pre>' + esc(e.text) + '</pre></details>');
        });
      });
    });
    var script = $('script');
    script.innerHTML = html.join('');
    Array.prototype.forEach.call(script.querySelectorAll('.line'), function (el) {
      lineEls[key(el.dataset.file, el.dataset.line)] = el;
    });
    script.addEventListener('click', function (e) {
      var el = e.target.closest('.line.stmt');
      if (!el) return;
      var list = lineSteps[key(el.dataset.file, el.dataset.line)], s = stepOf(pos);
      var next = list.filter(function (i) { return i > s; })[0];
      goTo(finalOf(next === undefined ? list[0] : next));
    });
  }

  // ---- a page's box ----
  function stateOf(a, g) { var s = cur[a][g]; return s < 0 ? null : D.states[s]; }
  function sptesOf(st) { var m = {}; for (var i = 0; i < st[4].length; i += 3) m[st[4][i]] = [st[4][i + 1], st[4][i + 2]]; return m; }
  // A set bit is stale when no unsync page is below it: its spte links nothing, or nothing
  // reachable from the child through links is unsync. Worked out once per page and frame.
  var below = [];
  function unsyncBelow(a, g) {
    var memo = below[a];
    if (memo[g] !== undefined) return memo[g];
    memo[g] = false;
    var st = stateOf(a, g), found = !!st && (st[0] & 1) === 1;
    for (var i = 0; st && !found && i < st[4].length; i += 3) if (st[4][i + 1] === 1 && unsyncBelow(a, st[4][i + 2])) found = true;
    return (memo[g] = found);
  }
  function bitClass(a, st, sp, b) {
    var e = sp[b];
    return e && e[0] === 1 && unsyncBelow(a, e[1]) ? 'live' : 'stale';
  }

  function nodeSvg(a, g, x, y, hl, differs) {
    var pg = D.pages[g], st = stateOf(a, g), w = pg[3], h = pg[4], lvl = pg[1];
    var sp = sptesOf(st), cls = ['node'];
    if (lvl === 1) cls.push('l1');
    if (st[0] & 1) cls.push('unsync');
    if (st[0] & 2) cls.push('zapped');
    if (hl.changed[g]) cls.push('changed');
    if (hl.focus === g) cls.push('focus');
    if (differs[g]) cls.push('differs');
    var maxCh = Math.floor((w - 12) / CH);
    var lines = [esc(pg[0] + ' L' + lvl) .replace(/^(\S+)/, '<tspan class="name">$1</tspan>') + (pg[2] ? ' root' : '') + (st[0] & 2 ? ' zapped' : '')];
    if (lvl === 1) {
      lines.push(st[0] & 1 ? 'unsync' : 'sync');
      lines.push('syncs=' + st[1]);
    } else {
      lines.push('unsync_children=' + st[2]);
      var tokens = [], used = 8, other = differs[g] || {};
      var bits = st[3].map(function (b) { return [b, 0]; });
      var gone = {};
      (hl.clearedOn[g] || []).forEach(function (c) { if (st[3].indexOf(c[0]) < 0 && !gone[c[0]]) { gone[c[0]] = 1; bits.push([c[0], c[1] === 0 ? 'by-walk' : 'by-parents']); } });
      bits.sort(function (p, q) { return p[0] - q[0]; });
      for (var i = 0; i < bits.length; i++) {
        var b = bits[i][0], t = String(b), c = ['bit'];
        if (used + t.length + 1 > maxCh && i < bits.length - 1) { tokens.push('<tspan class="dim">…+' + (bits.length - i) + '</tspan>'); break; }
        used += t.length + 1;
        if (bits[i][1]) { c.push('cleared', bits[i][1]); }
        else {
          c.push(bitClass(a, st, sp, b));
          if (hl.visited[g + ':' + b]) c.push('visited');
          if (hl.marked[g + ':' + b]) c.push('marked');
          if (other.bits && other.bits[b]) c.push('diffbit');
        }
        tokens.push('<tspan class="' + c.join(' ') + '" data-bit="' + b + '">' + t + '</tspan>');
      }
      lines.push('bitmap={' + tokens.join(',') + '}');
    }
    var leaves = [], large = [];
    for (var k in sp) { if (sp[k][0] === 2) leaves.push(k); else if (sp[k][0] === 3) large.push(k); }
    if (leaves.length || large.length) {
      var l = (leaves.length ? 'leaf ' + leaves.join(',') : '') + (large.length ? (leaves.length ? ' ' : '') + 'large ' + large.join(',') : '');
      lines.push('<tspan class="dim">' + esc(l.length > maxCh ? l.slice(0, maxCh - 1) + '…' : l) + '</tspan>');
    }
    var x0 = x - w / 2, y0 = y - h / 2, out = '<g class="' + cls.join(' ') + '" data-page="' + esc(pg[0]) + '" transform="translate(' + x0 + ',' + y0 + ')">';
    out += '<rect width="' + w + '" height="' + h + '" rx="4"></rect><text>';
    lines.forEach(function (t, i) { out += '<tspan x="7" y="' + (15 + i * LH) + '">' + t + '</tspan>'; });
    out += '</text>';
    if (hl.batch[g] !== undefined) out += '<g class="pvec"><rect x="' + (w - 46) + '" y="-8" width="46" height="14" rx="3"></rect><text x="' + (w - 42) + '" y="3">pvec ' + hl.batch[g] + '</text></g>';
    if (differs[g]) out += '<g class="diffmark"><text x="' + (w - 12) + '" y="' + (h - 5) + '">≠</text></g>';
    return out + '</g>';
  }

  // ---- what to highlight in a pane at this frame ----
  function highlights(a) {
    var s = D.steps[stepOf(pos)], j = pos - s.first, r = s.rec[a];
    var hl = { changed: {}, visited: {}, marked: {}, clearedOn: {}, batch: {}, focus: -1, sub: null, rec: r, j: j, step: s, a: a };
    // A stage marks what it changed; the state after a statement, what the whole statement changed.
    for (var f = j < s.sub ? pos : s.first; f <= pos; f++) {
      var d = D.deltas[a][f];
      if (d) for (var i = 0; i < d.length; i += 3) hl.changed[d[i]] = 1;
    }
    if (!r) return hl;
    var cleared = null;
    if (j < s.sub) {
      var sub = r.subs && r.subs[j];
      hl.sub = sub || null;
      if (sub) {
        hl.focus = sub.fo;
        for (i = 0; sub.vis && i < sub.vis.length; i += 2) hl.visited[sub.vis[i] + ':' + sub.vis[i + 1]] = 1;
        for (i = 0; sub.pv && i < sub.pv.length; i += 2) hl.batch[sub.pv[i]] = i / 2;
        cleared = sub.cl;
      }
    } else {
      for (i = 0; r.mk && i < r.mk.length; i += 3) hl.marked[r.mk[i] + ':' + r.mk[i + 1]] = 1;
      cleared = r.cl;
    }
    for (i = 0; cleared && i < cleared.length; i += 3) (hl.clearedOn[cleared[i]] = hl.clearedOn[cleared[i]] || []).push([cleared[i + 1], cleared[i + 2]]);
    return hl;
  }

  // Pages whose state is not the same under every algorithm, with the bits that differ.
  function differences(pages) {
    var out = {};
    if (A < 2) return out;
    pages.forEach(function (g) {
      var s0 = cur[0][g], same = true;
      for (var a = 1; a < A; a++) if (cur[a][g] !== s0) same = false;
      if (same) return;
      var bits = {}, sets = [];
      for (a = 0; a < A; a++) sets.push(cur[a][g] < 0 ? [] : D.states[cur[a][g]][3]);
      sets.forEach(function (set) { set.forEach(function (b) { if (!sets.every(function (o) { return o.indexOf(b) >= 0; })) bits[b] = 1; }); });
      out[g] = { bits: bits };
    });
    return out;
  }

  // A page's state in words; with its links when they are what differs.
  function describe(a, g, links) {
    var st = stateOf(a, g), pg = D.pages[g];
    if (!st) return 'absent';
    var text = pg[1] === 1 ? (st[0] & 2 ? 'zapped ' : '') + (st[0] & 1 ? 'unsync' : 'sync') + ' syncs=' + st[1]
      : (st[0] & 2 ? 'zapped ' : '') + 'unsync_children=' + st[2] + ' bitmap={' + st[3].join(',') + '}';
    if (links) {
      var l = [];
      for (var i = 0; i < st[4].length; i += 3) if (st[4][i + 1] === 1) l.push(st[4][i] + ':' + D.pages[st[4][i + 2]][0]);
      text += ' links {' + l.join(' ') + '}';
    }
    return text;
  }

  function linksDiffer(g) {
    var first = null;
    for (var a = 0; a < A; a++) {
      var st = stateOf(a, g), key = st ? st[4].join(',') : '';
      if (first === null) first = key; else if (key !== first) return true;
    }
    return false;
  }

  // ---- drawing ----
  function view() {
    if (!D.large) {
      var all = [];
      for (var g = 0; g < P; g++) all.push(g);
      return { layout: D.layouts[0], pages: all, touched: -1 };
    }
    var v = D.views[D.fv[pos]];
    if (!v) return { layout: { w: 40, h: 40, xy: [] }, pages: [], touched: 0 };
    return { layout: D.layouts[v[0]], pages: v.slice(2), touched: v[1] };
  }

  function paneSvg(a, vw, differs, hl) {
    var L = vw.layout, at = {}, parts = [], edges = [];
    vw.pages.forEach(function (g, i) { if (cur[a][g] >= 0) at[g] = [L.xy[2 * i], L.xy[2 * i + 1]]; });
    Object.keys(at).forEach(function (gs) {
      var g = +gs, st = stateOf(a, g), pg = D.pages[g], sp = st[4], links = [];
      for (var i = 0; i < sp.length; i += 3) if (sp[i + 1] === 1) links.push([sp[i], sp[i + 2]]);
      links.forEach(function (l, n) {
        var c = at[l[1]];
        if (!c) return;
        var x1 = at[g][0] - pg[3] / 2 + (n + 1) * pg[3] / (links.length + 1), y1 = at[g][1] + pg[4] / 2;
        var x2 = c[0], y2 = c[1] - D.pages[l[1]][4] / 2, my = (y1 + y2) / 2;
        var set = st[3].indexOf(l[0]) >= 0, cls = set ? bitClass(a, st, sptesOf(st), l[0]) : '';
        var cl = (hl.clearedOn[g] || []).filter(function (c) { return c[0] === l[0]; })[0];
        var dpath = 'M' + x1 + ',' + y1 + ' C' + x1 + ',' + my + ' ' + x2 + ',' + my + ' ' + x2 + ',' + y2;
        if (hl.visited[g + ':' + l[0]]) edges.push('<path class="glow" d="' + dpath + '"></path>');
        edges.push('<path class="edge ' + cls + (cl && !set ? ' cleared ' + (cl[1] === 0 ? 'by-walk' : 'by-parents') : '') + '" data-from="' + esc(pg[0]) + '" data-idx="' + l[0] + '" data-to="' + esc(D.pages[l[1]][0]) + '" d="' + dpath + '"></path>');
        edges.push('<text class="idx ' + cls + '" x="' + (x1 + 2) + '" y="' + (y1 + 10) + '">' + l[0] + '</text>');
      });
    });
    Object.keys(at).forEach(function (gs) { var g = +gs; parts.push(nodeSvg(a, g, at[g][0], at[g][1], hl, differs)); });
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + L.w + ' ' + L.h + '" width="' + L.w + '" height="' + L.h + '">' + edges.join('') + parts.join('') + '</svg>';
  }

  function stageHtml(a, hl) {
    var r = hl.rec, s = hl.step, out = '';
    if (!r) return '<span class="notes">(not run under ' + esc(D.algorithms[a]) + ')</span>';
    if (hl.j < s.sub) {
      var n = r.subs ? r.subs.length : 0;
      if (hl.sub) {
        out += '<div>stage ' + (hl.j + 1) + ' of ' + n + ': <span class="text">' + esc(hl.sub.t) + '</span></div>';
        if (hl.sub.vis && hl.sub.nv > hl.sub.vis.length / 2) out += '<div class="notes">(' + hl.sub.nv + ' visits; the first ' + hl.sub.vis.length / 2 + ' are marked)</div>';
        if (hl.sub.notes) out += '<div class="notes">' + hl.sub.notes.map(esc).join('<br>') + '</div>';
      } else out += '<div class="notes">its loop ended after ' + n + ' stage' + (n === 1 ? '' : 's') + (r.res ? ': ' + esc(r.res.join('; ')) : '') + '</div>';
    } else {
      out += '<div>after the statement' + (r.res ? ': <span class="text">' + esc(r.res.join('; ')) + '</span>' : '') + '</div>';
      if (r.drop) out += '<div class="notes">' + r.drop + ' further stages were not recorded</div>';
    }
    (r.fail || []).forEach(function (f) { out += '<div class="fail">' + esc(f) + '</div>'; });
    // The error this algorithm's run stopped on at this statement, shown with the state it left.
    if (s.err && hl.j === s.sub) (errorsAt[key(s.f, s.l)] || []).forEach(function (e) {
      if (!e.alg || e.alg === D.algorithms[hl.a]) out += '<div class="fail error">' + esc(errorHead(e)) + '</div>';
    });
    (r.warn || []).forEach(function (w) { out += '<div class="fail">WARN ' + esc(w) + '</div>'; });
    return out;
  }

  var panes = [], firstRenderMs = -1;
  function buildPanes() {
    var html = '';
    D.algorithms.forEach(function (name, a) {
      html += '<div class="pane" id="pane-' + esc(name) + '" data-algorithm="' + esc(name) + '"><h2>' + esc(name) + '</h2><div class="stage"></div><div class="graph"></div><div class="foot"></div></div>';
    });
    $('panes').innerHTML = html;
    panes = Array.prototype.slice.call(document.querySelectorAll('.pane'));
    panes.forEach(function (p) {
      var g = p.querySelector('.graph');
      g.addEventListener('scroll', function () {
        panes.forEach(function (o) { var og = o.querySelector('.graph'); if (og !== g) { og.scrollLeft = g.scrollLeft; og.scrollTop = g.scrollTop; } });
      });
    });
  }

  var current = null;
  function render() {
    var s = D.steps[stepOf(pos)], j = pos - s.first, vw = view();
    below = D.algorithms.map(function () { return {}; });
    var differs = differences(vw.pages);
    panes.forEach(function (pane, a) {
      var hl = highlights(a);
      pane.querySelector('.stage').innerHTML = stageHtml(a, hl);
      var graph = pane.querySelector('.graph');
      graph.innerHTML = vw.pages.length ? paneSvg(a, vw, differs, hl) : '<div class="empty">no page to draw yet</div>';
      var svg = graph.querySelector('svg');
      if (svg) {
        var zoom = Math.min(1.25, Math.max(0.45, (graph.clientWidth - 4) / vw.layout.w));
        svg.style.width = (vw.layout.w * zoom) + 'px';
        svg.style.height = (vw.layout.h * zoom) + 'px';
      }
      var r = s.rec[a], foot = '';
      if (r) {
        foot += '<div class="work">after the statement: stat.walks=' + r.w + ' stat.visits=' + r.v + ' stat.unsync=' + r.u + '</div>';
        if (r.out && j === s.sub) foot += '<pre>' + esc(r.out) + '</pre>';
      }
      pane.querySelector('.foot').innerHTML = foot;
    });
    var diffs = Object.keys(differs).slice(0, 40).map(function (gs) {
      var g = +gs;
      var links = linksDiffer(g);
      return '<div>≠ <b>' + esc(D.pages[g][0]) + '</b>: ' + D.algorithms.map(function (n, a) { return esc(describe(a, g, links)) + ' (' + esc(n) + ')'; }).join(' · ') + '</div>';
    });
    $('diffs').innerHTML = diffs.join('');
    var file = D.files[s.f] || { path: '?', text: '' };
    var src = (file.text.replace(/\r/g, '').split('\n')[s.l - 1] || '').trim();
    var info = 'step ' + (stepOf(pos) + 1) + ' of ' + D.steps.length + ' · ' + esc(file.path.split('/').pop()) + ':' + s.l + ' <span class="src mono">' + esc(src) + '</span>';
    if (s.n > 1) info += ' (time ' + s.n + ')';
    if (j < s.sub) info += ' · stage ' + (j + 1) + ' of ' + s.sub;
    if (s.err) info += ' · <span class="bad">the run stopped here with an error</span>';
    if (s.rec.some(function (r) { return r && r.fail; })) info += ' · <span class="bad">expectation failed</span>';
    $('stepinfo').innerHTML = info;
    $('position').textContent = 'frame ' + (pos + 1) + ' / ' + F;
    $('scrub').value = pos;
    if (D.large) {
      $('notice').textContent = 'This scenario has ' + P + ' pages, more than the ' + D.limit + ' drawn whole: each step draws only the pages it touched' +
        (vw.touched >= 0 ? ' (' + vw.touched + ' here)' : '') + ', the pages where the algorithms differ, and their paths to the roots: ' + vw.pages.length + ' pages drawn.';
    }
    if (current) current.classList.remove('current');
    current = lineEls[key(s.f, s.l)] || null;
    if (current) { current.classList.add('current'); current.scrollIntoView({ block: 'nearest' }); }
    if (firstRenderMs < 0) firstRenderMs = performance.now();
  }

  function header() {
    var st = $('status');
    st.textContent = D.exit === 0 ? 'everything held' : D.exit === 1 ? 'failed: see the marks in the script' : 'the run stopped on an error';
    st.className = D.exit === 0 ? 'ok' : 'failed';
    $('errors').innerHTML = D.errors.map(function (e) { return '<pre data-f="' + e.f + '" data-l="' + e.l + '">' + esc(e.text) + '</pre>'; }).join('');
    // An error with a place goes to the last execution of its statement (where the run stopped).
    $('errors').addEventListener('click', function (e) {
      var el = e.target.closest('pre'), list = el && lineSteps[key(el.dataset.f, el.dataset.l)];
      if (list) goTo(finalOf(list[list.length - 1]));
    });
    $('summary').innerHTML = D.summary.map(function (l) { return '<div class="' + esc(l[2]) + '" data-step="' + l[1] + '">' + esc(l[0]) + '</div>'; }).join('');
    $('summary').addEventListener('click', function (e) { var el = e.target.closest('[data-step]'); if (el && +el.dataset.step >= 0) goTo(finalOf(+el.dataset.step)); });
  }

  function wire() {
    $('first').onclick = function () { goTo(0); };
    $('last').onclick = function () { goTo(F - 1); };
    $('prev').onclick = function () { goTo(pos - 1); };
    $('next').onclick = function () { goTo(pos + 1); };
    $('prevStmt').onclick = prevStatement;
    $('nextStmt').onclick = nextStatement;
    $('scrub').max = F - 1;
    $('scrub').addEventListener('input', function (e) { goTo(+e.target.value); });
    document.addEventListener('keydown', function (e) {
      var k = e.key, handled = true;
      if (k === 'ArrowRight') { if (e.shiftKey) nextStatement(); else goTo(pos + 1); }
      else if (k === 'ArrowLeft') { if (e.shiftKey) prevStatement(); else goTo(pos - 1); }
      else if (k === 'PageDown' || k === 'ArrowDown') nextStatement();
      else if (k === 'PageUp' || k === 'ArrowUp') prevStatement();
      else if (k === 'Home') goTo(0);
      else if (k === 'End') goTo(F - 1);
      else handled = false;
      if (handled) e.preventDefault();
    });
  }

  header();
  buildScript();
  buildPanes();
  wire();
  window.mmuReport = {
    get frame() { return pos; }, get frames() { return F; }, get firstRenderMs() { return firstRenderMs; },
    step: function () { return stepOf(pos); }, finalOf: finalOf, goTo: goTo, data: D
  };
  // #f=N in the address opens frame N (a link to a moment of the walk).
  var asked = /^#f=(\d+)$/.exec(location.hash);
  if (F > 0) goTo(asked ? +asked[1] : D.initial); else { $('panes').innerHTML = '<div class="empty">nothing ran</div>'; firstRenderMs = performance.now(); }
})();
