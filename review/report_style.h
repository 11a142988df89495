// The review report's inline stylesheet and script (report_html.cc).
#ifndef DECLTAB_REVIEW_REPORT_STYLE_H_
#define DECLTAB_REVIEW_REPORT_STYLE_H_

namespace decltab::review {

// CJK font stack, readable at 1280 px, prints without the inputs and page
// views; confidence colours as the layout overlays use them.
inline constexpr char kReportCss[] = R"css(
:root { --ok:#1b7a35; --mid:#b36b00; --low:#c0262d; --line:#d6d6d6; --muted:#5b6068; }
* { box-sizing: border-box; }
body { margin: 0; color: #1d2125; background: #fafafa; line-height: 1.5; font-size: 15px;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans", system-ui, sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 24px; margin: 8px 0 4px; }
h2 { font-size: 20px; margin: 28px 0 8px; border-bottom: 2px solid #1d2125; padding-bottom: 2px; }
h3 { font-size: 16px; margin: 0 0 6px; }
.muted, .where { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; background: #fff; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eef0f2; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; }
.summary td:first-child { width: 220px; font-weight: 600; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; color: #fff; font-size: 13px; }
.st-ok { background: var(--ok); } .st-mismatch { background: var(--low); } .st-unverifiable { background: var(--mid); }
.conf { font-variant-numeric: tabular-nums; font-weight: 600; }
.conf.c-high { color: var(--ok); } .conf.c-mid { color: var(--mid); } .conf.c-low { color: var(--low); }
tr.c-low td { background: #fdecec; } tr.c-mid td { background: #fff6e5; }
.check { background: #fff; border: 1px solid var(--line); border-left: 6px solid var(--mid);
  padding: 10px 12px; margin: 10px 0; }
.check.mismatch { border-left-color: var(--low); }
.words { font-size: 16px; margin: 4px 0; }
.detail { color: var(--muted); font-size: 13px; word-break: break-all; margin: 4px 0; }
.figs { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 6px; }
figure.fig { margin: 0; background: #fff; border: 1px solid var(--line); padding: 6px; max-width: 100%; }
figure.fig img.crop { display: block; max-width: 100%; height: auto; max-height: 110px; }
figure.fig figcaption { font-size: 13px; margin-top: 4px; max-width: 560px; }
td img.crop { display: block; max-width: 420px; max-height: 120px; height: auto; }
input.fix, input.fix-note, input#reviewer { font: inherit; font-size: 13px; padding: 1px 4px; width: 10em; }
input.fix-note { width: 8em; }
button { font: inherit; padding: 4px 14px; cursor: pointer; }
nav a { margin-right: 12px; white-space: nowrap; }
dl.header { display: grid; grid-template-columns: 140px 1fr; gap: 2px 12px; background: #fff;
  border: 1px solid var(--line); padding: 8px; margin: 6px 0 12px; }
dl.header dt { font-weight: 600; } dl.header dd { margin: 0; }
.pageview { display: none; position: fixed; inset: 0; background: rgba(20,20,20,.82); overflow: auto;
  z-index: 10; padding: 16px; }
.pageview:target { display: block; }
.pageview .bar { color: #fff; max-width: 900px; margin: 0 auto 6px; }
.pageview .bar a { color: #fff; font-weight: 600; float: right; }
.page { position: relative; max-width: 900px; margin: 0 auto; background: #fff no-repeat;
  background-size: 100% 100%; }
.page .outline { position: absolute; border: 3px solid var(--low); box-shadow: 0 0 0 2000px rgba(0,0,0,.08); }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .pageview, input, button, .noprint { display: none !important; }
  .check, figure.fig, tr { break-inside: avoid; }
  figure.fig img.crop { max-height: 60px; }
  tr.c-low td, tr.c-mid td, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

// Runs after the page has loaded: keeps the inputs of one field in step,
// counts the corrections typed, and downloads them as a corrections file.
// Errors are counted into body[data-js-errors] (the head script collects
// them) and images that did not decode into body[data-images-broken], so a
// test can see that the page ran clean.
inline constexpr char kReportHeadScript[] =
    "window.decltabErrors=[];window.addEventListener('error',function(e)"
    "{window.decltabErrors.push(String(e.message))});";

inline constexpr char kReportScript[] = R"js(
(function () {
  var body = document.body;
  var fixes = Array.prototype.slice.call(document.querySelectorAll('input.fix'));
  function key(i) { return i.getAttribute('data-project') + '|' + i.getAttribute('data-field'); }
  function noteOf(i) {
    var box = i.closest('.fixbox');
    var n = box ? box.querySelector('input.fix-note') : null;
    return n ? n.value.trim() : '';
  }
  function collect() {
    var seen = {}, out = [];
    fixes.forEach(function (i) {
      var v = i.value.trim();
      if (!v || seen[key(i)]) return;
      seen[key(i)] = true;
      out.push({ project: Number(i.getAttribute('data-project')),
                 project_name: i.getAttribute('data-project-name'),
                 field: i.getAttribute('data-field'), read: i.getAttribute('data-read'),
                 corrected: v, who: document.getElementById('reviewer').value.trim(),
                 when: new Date().toISOString(), note: noteOf(i) });
    });
    return out;
  }
  function count() { document.getElementById('fix-count').textContent = String(collect().length); }
  fixes.forEach(function (i) {
    i.addEventListener('input', function () {
      fixes.forEach(function (o) { if (o !== i && key(o) === key(i)) o.value = i.value; });
      count();
    });
  });
  document.getElementById('download').addEventListener('click', function () {
    var doc = { schema: 'decltab-corrections/1', sha256: body.getAttribute('data-sha256'),
                file: body.getAttribute('data-file'), corrections: collect() };
    var blob = new Blob([JSON.stringify(doc, null, 2) + '\n'], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = body.getAttribute('data-stem') + '.corrections.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  count();
  body.setAttribute('data-js', 'ran');
  body.setAttribute('data-js-errors', String(window.decltabErrors.length));
  window.addEventListener('error', function () {
    body.setAttribute('data-js-errors', String(window.decltabErrors.length));
  });
  window.addEventListener('load', function () {
    var broken = 0;
    document.querySelectorAll('img').forEach(function (img) {
      if (!img.complete || img.naturalWidth === 0) broken++;
    });
    body.setAttribute('data-images-broken', String(broken));
  });
})();
)js";

}  // namespace decltab::review

#endif  // DECLTAB_REVIEW_REPORT_STYLE_H_
