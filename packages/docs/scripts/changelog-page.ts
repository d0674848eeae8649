/**
 * The microversion changelog page: one section per microversion 2.2 to 2.N, with what the step is for
 * and the wire-format changes computed from the spec (spec/dist/changelog.json), each operation
 * linked to its section in the reference, read at that microversion.
 */
interface Line { sign: string; where: string; text: string }
interface Change { operation: string; change: 'added' | 'removed' | 'changed'; anchor?: string; lines?: Line[]; text?: string[] }
interface Entry { version: string; previous: string; summary: string; changes: Change[] }
export interface Changelog { min: string; max: string; versions: Entry[] }

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function lines(change: Change): Line[] {
  if (change.lines) return change.lines;
  return (change.text ?? []).map((text) => {
    const match = /^(.*?): ([+~-]) (.*)$/.exec(text);
    return match ? { where: match[1]!, sign: match[2]!, text: match[3]! } : { where: '', sign: '~', text };
  });
}

export function changelogPage(log: Changelog, reference = 'index.html'): string {
  const sections = log.versions.map((entry) => {
    const items = entry.changes.map((change) => {
      const link = change.anchor
        ? `<a href="${escape(`${reference}?microversion=${change.change === 'removed' ? entry.previous : entry.version}${change.anchor}`)}"><code>${escape(change.operation)}</code></a>`
        : `<code>${escape(change.operation)}</code>`;
      if (change.change !== 'changed') return `<li class="${change.change}">${link} <span class="badge">${change.change === 'added' ? 'new' : 'removed'}</span></li>`;
      const groups = new Map<string, Line[]>();
      for (const line of lines(change)) groups.set(line.where, [...(groups.get(line.where) ?? []), line]);
      const detail = [...groups].map(([where, group]) =>
        `<li>${escape(where)}<ul>${group.map((line) => `<li class="s${line.sign === '+' ? 'add' : line.sign === '-' ? 'del' : 'mod'}"><span class="sign">${escape(line.sign)}</span> <code>${escape(line.text)}</code></li>`).join('')}</ul></li>`).join('');
      return `<li>${link}<ul>${detail}</ul></li>`;
    }).join('\n');
    const body = entry.changes.length > 0
      ? `<ul class="ops">${items}</ul>`
      : '<p class="none">No change to any request or answer format the spec records: the step changes behaviour only, or something the spec does not describe as a shape.</p>';
    return `<section id="v${escape(entry.version)}"><h2><a href="#v${escape(entry.version)}">${escape(entry.version)}</a> <a class="view" href="${reference}?microversion=${escape(entry.version)}">read the API at ${escape(entry.version)}</a></h2>\n<p class="summary">${escape(entry.summary)}</p>\n${body}</section>`;
  }).join('\n');
  const index = log.versions.map((entry) => `<a href="#v${escape(entry.version)}"${entry.changes.length ? '' : ' class="quiet"'}>${escape(entry.version)}</a>`).join(' ');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>OpenStack Compute API: what changes at each microversion (${escape(log.min)} to ${escape(log.max)})</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem 2rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin:2rem 0 .25rem;border-top:1px solid #ddd;padding-top:1rem}
h2 a{color:inherit;text-decoration:none}h2 a.view{font-size:.85rem;font-weight:normal;color:#2457a6;margin-left:1rem}
.summary{margin:.25rem 0 .5rem}.none{color:#666;font-style:italic}
.index a{display:inline-block;min-width:3rem}.index a.quiet{color:#999}
ul.ops>li{margin:.4rem 0}ul ul{margin:.1rem 0 .2rem}code{font-size:.9em}
.sadd .sign{color:#1a7f37;font-weight:bold}.sdel .sign{color:#cf222e;font-weight:bold}.smod .sign{color:#9a6700;font-weight:bold}
.badge{font-size:.75rem;border-radius:3px;padding:0 .3rem;background:#eee}.added .badge{background:#dafbe1}.removed .badge{background:#ffebe9}
</style></head><body>
<h1>What changes at each microversion</h1>
<p>For every microversion of the OpenStack Compute API v2.1, what the step is for and the exact changes to requests and
answers that this spec records at that step: operations added or removed, parameters, fields, required lists, enum
values and status codes. Generated from the spec; the same data is in <code>changelog.json</code> beside the bundles.
Back to the <a href="${reference}">API reference</a>.</p>
<p class="index">${index}</p>
${sections}
</body></html>
`;
}
