// The one stylesheet, inlined into every page: no static files to serve, nothing to build.
export const STYLES = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #fff; --muted: #59636e; --line: #d1d9e0; --accent: #0b5cad; --danger: #b42318; --ok: #1a7f37; --field: #fff; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --accent: #4493f8; --danger: #f85149; --ok: #3fb950; --field: #151b23; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header { border-bottom: 1px solid var(--line); }
nav { max-width: 44rem; margin: 0 auto; padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
nav a { padding: .25rem 0; }
nav a[aria-current="page"] { font-weight: 600; text-decoration: none; }
nav form { margin-left: auto; }
main { max-width: 44rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
a { color: var(--accent); }
section { margin-bottom: 1.5rem; }
form.stack { display: grid; gap: .75rem; max-width: 24rem; }
form.inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin-top: .75rem; }
form.inline .field { flex: 1 1 12rem; }
.field { display: grid; gap: .25rem; }
label { font-weight: 600; }
input { font: inherit; padding: .5rem .6rem; border: 1px solid var(--line); border-radius: 6px; background: var(--field); color: var(--fg); width: 100%; }
button { font: inherit; padding: .5rem .9rem; border: 1px solid var(--accent); border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: transparent; color: var(--accent); }
button.danger { background: transparent; color: var(--danger); border-color: var(--danger); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.error { color: var(--danger); font-weight: 600; margin: 0; }
.notice { color: var(--ok); font-weight: 600; }
.muted { color: var(--muted); }
ul.list { list-style: none; padding: 0; margin: 0; border-top: 1px solid var(--line); }
ul.list > li { display: flex; flex-wrap: wrap; gap: .5rem 1rem; justify-content: space-between; align-items: center; padding: .6rem 0; border-bottom: 1px solid var(--line); }
code.secret { display: block; padding: .75rem; border: 2px dashed var(--ok); border-radius: 6px; overflow-wrap: anywhere; font-size: 1rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--field); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; }
.badge { font-size: .8rem; padding: .1rem .5rem; border-radius: 999px; border: 1px solid currentColor; }
.banner { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: center; padding: .5rem 1rem; background: var(--danger); color: #fff; }
.banner button { border-color: #fff; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; }
.qr svg { width: 12rem; height: 12rem; background: #fff; padding: .5rem; border-radius: 6px; }
ul.codes { columns: 2; padding-left: 1.25rem; font-size: 1.05rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
