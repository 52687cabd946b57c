/** The report's one stylesheet (its sha256 goes into the CSP). Light and dark themes, print rules. */
export const pageStyle = `
:root{--bg:#f7f8fa;--fg:#1b1f24;--muted:#5b6573;--card:#fff;--line:#d8dde4;--accent:#2457d6;--sel:#e3ecff;
--excellent:#1a7f37;--good:#4c9a2a;--fair:#bf8700;--poor:#cf222e;--track:#e6e9ee;--ins:#d2f4d3;--del:#ffd7d5;
--critical:#a40e26;--high:#cf222e;--medium:#bf8700;--low:#57606a;color-scheme:light}
[data-theme=dark]{--bg:#0d1117;--fg:#e6edf3;--muted:#8d96a0;--card:#161b22;--line:#30363d;--accent:#4c8dff;--sel:#1f2d4d;
--track:#21262d;--ins:#1b4721;--del:#5a1e1e;--critical:#ff7b72;--high:#f85149;--medium:#d29922;--low:#8d96a0;color-scheme:dark}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--bg:#0d1117;--fg:#e6edf3;--muted:#8d96a0;--card:#161b22;
--line:#30363d;--accent:#4c8dff;--sel:#1f2d4d;--track:#21262d;--ins:#1b4721;--del:#5a1e1e;--critical:#ff7b72;--high:#f85149;
--medium:#d29922;--low:#8d96a0;color-scheme:dark}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
header{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:baseline;padding:16px 24px;border-bottom:1px solid var(--line);background:var(--card)}
header h1{font-size:20px;margin:0}
header .facts{color:var(--muted);flex:1}
main{padding:16px 24px;display:grid;gap:16px;grid-template-columns:repeat(auto-fit,minmax(340px,1fr))}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;min-width:0}
section.wide{grid-column:1/-1}
h2{font-size:15px;margin:0 0 10px}
h3{font-size:15px;margin:4px 0 8px;overflow-wrap:anywhere}
h4{font-size:13px;margin:14px 0 4px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:break-word}
#detail td:not(:last-child),.static-failure td:not(:last-child){white-space:nowrap}
pre,code{font:12.5px/1.45 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px;margin:0;max-height:320px;overflow:auto}
.gauge{width:220px;display:block;margin:0 auto}
.gauge-track{fill:none;stroke:var(--track);stroke-width:16}
.gauge-value{fill:none;stroke-width:16;stroke-linecap:round}
.gauge-score{font-size:28px;font-weight:700;fill:var(--fg)}
.gauge-band{font-size:13px;fill:var(--muted);text-transform:uppercase}
.gauge-value.band-excellent{stroke:var(--excellent)}.gauge-value.band-good{stroke:var(--good)}
.gauge-value.band-fair{stroke:var(--fair)}.gauge-value.band-poor{stroke:var(--poor)}
.score{text-align:center}
.kpis{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;margin-top:8px;text-align:center}
.kpis b{display:block;font-size:18px}
.bars{display:grid;gap:4px}
.bar-row{display:grid;grid-template-columns:minmax(90px,44%) 1fr 56px;gap:8px;align-items:center}
.bar-label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bar-detail{display:none}
.bar-svg{width:100%;height:12px;display:block}
.bar-track{fill:var(--track)}
.bar-value{text-align:right;font-variant-numeric:tabular-nums}
.bar.band-excellent{fill:var(--excellent)}.bar.band-good{fill:var(--good)}.bar.band-fair{fill:var(--fair)}.bar.band-poor{fill:var(--poor)}
.histogram{width:100%;height:auto}
.hist{fill:var(--accent);opacity:.75}
.axis{font-size:10px;fill:var(--muted)}
.marker-label{font-size:12px;fill:var(--fg)}
.marker{stroke:var(--fg);stroke-dasharray:3 3}
.controls{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:8px;align-items:center}
input,select,button{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:5px 8px}
input[type=search]{flex:1;min-width:200px}
button{cursor:pointer}
kbd{font:11px ui-monospace,monospace;border:1px solid var(--line);border-radius:4px;padding:0 4px}
.browser{display:grid;grid-template-columns:minmax(300px,2fr) 3fr;gap:12px}
#list{position:relative;height:62vh;min-height:300px;overflow:auto;border:1px solid var(--line);border-radius:6px}
#list-inner{position:relative}
.row{position:absolute;left:0;right:0;height:34px;display:grid;grid-template-columns:70px 120px 1fr;gap:8px;align-items:center;padding:0 8px;border-bottom:1px solid var(--line);cursor:pointer;white-space:nowrap;overflow:hidden}
.row .why{display:none}
.row.selected{background:var(--sel);outline:2px solid var(--accent);outline-offset:-2px}
.row span{overflow:hidden;text-overflow:ellipsis}
.sev{font-size:11px;font-weight:700;text-transform:uppercase}
.sev-critical{color:var(--critical)}.sev-high{color:var(--high)}.sev-medium{color:var(--medium)}.sev-low{color:var(--low)}
#detail{height:62vh;min-height:300px;overflow:auto;border:1px solid var(--line);border-radius:6px;padding:8px 12px}
#detail:focus{outline:2px solid var(--accent)}
ins{background:var(--ins);text-decoration:none}del{background:var(--del)}
.diff{white-space:pre-wrap}
.scroll{max-height:300px;overflow:auto}
.band-up{color:var(--excellent)}
#flaky tr[data-case]{cursor:pointer}
#flaky tr[data-case]:hover{background:var(--sel)}
.static-failure{border-top:1px solid var(--line);padding-top:8px;margin-top:8px}
.nojs-note{display:none}
html:not(.js) .browser{display:none}
html:not(.js) .nojs-note{display:block}
@media (max-width:900px){.browser{grid-template-columns:1fr}}
@media print{
 body{background:#fff;color:#000;font-size:11px}
 header,section{border-color:#ccc}
 main{display:block}
 section{break-inside:avoid-page;margin-bottom:10px}
 section.wide{break-inside:auto}
 .scroll{max-height:300px;overflow:auto}
.static-failure{break-inside:avoid-page}
 pre,.scroll{max-height:none;overflow:visible}
 #theme,.controls,.browser{display:none}
}
`;
