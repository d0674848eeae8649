/**
 * The microversion picker: the reference page carries, beside Redoc's own all-versions definition,
 * the same document without the generated prose (ranges kept) and the view code of
 * @novaspec/microversions (view.ts and what it imports, types stripped, linked into one script).
 * With `?microversion=2.N` in the URL the page computes the exact view at 2.N in the browser and
 * renders that instead; no request leaves the page, so it works from a file too.
 */
import { readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';

const SOURCES = join(import.meta.dirname, '..', '..', 'microversions', 'src');

/**
 * Links a few ES modules into one classic script: each module becomes a function whose exports are
 * collected in an object; `import { a, b as c } from './x.ts'` becomes a destructuring of x's object.
 */
export function linkModules(entry: string): string {
  const order: string[] = [];
  const bodies = new Map<string, string>();
  const visit = (name: string) => {
    if (bodies.has(name)) return;
    bodies.set(name, '');
    let code = stripTypeScriptTypes(readFileSync(join(SOURCES, `${name}.ts`), 'utf8'), { mode: 'strip' });
    const exported: string[] = [];
    code = code.replace(/^import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'\.\/([\w-]+)\.ts';?/gm, (_m, names: string, from: string) => {
      visit(from);
      const bindings = names.split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type '))
        .map((n) => n.replace(/\s+as\s+/, ': '));
      return bindings.length ? `const { ${bindings.join(', ')} } = __modules[${JSON.stringify(from)}];` : '';
    });
    if (/^\s*import\s/m.test(code)) throw new Error(`${name}.ts: an import the picker's linker cannot follow`);
    code = code.replace(/^export\s+(function\*?|const|let|class)\s+([\w$]+)/gm, (_m, kind: string, id: string) => {
      exported.push(id);
      return `${kind} ${id}`;
    });
    if (/^export\s/m.test(code)) throw new Error(`${name}.ts: an export the picker's linker cannot follow`);
    bodies.set(name, `__modules[${JSON.stringify(name)}] = (() => {\n${code}\nreturn { ${exported.join(', ')} };\n})();`);
    order.push(name);
  };
  visit(entry);
  return `(() => {\nconst __modules = {};\n${order.map((name) => bodies.get(name)).join('\n')}\nwindow.novaspec = __modules[${JSON.stringify(entry)}];\n})();`;
}

/** JSON placed inside a <script> element: `</script>` and `<!--` cannot end or confuse it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

export interface PickerOptions {
  versions: string[];
  title: string;
}

/** The bar above the reference: the version picker and the way to the changelog. */
export function pickerBar({ versions }: PickerOptions): string {
  const options = ['<option value="all">all microversions</option>', ...versions.map((v) => `<option value="${v}">${v}</option>`)].join('');
  // Fixed in the top right corner: Redoc scrolls the window to the section read, and the picker must
  // stay in reach wherever the reader is.
  return `<nav id="novaspec-bar" style="position:fixed;top:8px;right:16px;z-index:1000;font:13px system-ui,sans-serif;padding:6px 10px;border:1px solid #ccc;border-radius:6px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.15);display:flex;gap:1rem;align-items:center">
  <label>Read the API at <select id="novaspec-version" aria-label="Microversion">${options}</select></label>
  <a id="novaspec-changelog" href="changelog.html">What changes when</a>
  <span id="novaspec-status" role="status"></span>
</nav>`;
}

/** The script that runs before Redoc: reads the choice from the URL and decides what Redoc gets. */
export function pickerScript({ versions, title }: PickerOptions): string {
  return `(() => {
  const versions = ${JSON.stringify(versions)};
  const chosen = new URL(location.href).searchParams.get('microversion');
  const version = chosen && versions.includes(chosen) ? chosen : 'all';
  window.novaspecVersion = version;
  if (version !== 'all') document.documentElement.classList.add('novaspec-view');
  document.addEventListener('DOMContentLoaded', () => {
    const select = document.getElementById('novaspec-version');
    select.value = version;
    select.addEventListener('change', () => {
      const url = new URL(location.href);
      if (select.value === 'all') url.searchParams.delete('microversion');
      else url.searchParams.set('microversion', select.value);
      location.assign(url.href);
    });
    const log = document.getElementById('novaspec-changelog');
    if (version !== 'all') log.href = 'changelog.html#v' + version;
  });
  /** Called instead of Redoc's own start: the all-versions page as built, or the exact view at 2.N. */
  window.novaspecStart = (hydrate, definition, options, element) => {
    if (version === 'all') return hydrate(definition, options, element);
    const started = performance.now();
    const plain = JSON.parse(document.getElementById('novaspec-plain').textContent);
    const view = window.novaspec.viewAt(plain, version).document;
    view.info = { ...view.info, title: ${JSON.stringify(title)}.replace('{version}', version) };
    window.novaspecViewMs = performance.now() - started;
    document.getElementById('novaspec-status').textContent = 'showing exactly microversion ' + version;
    element.replaceChildren();
    document.documentElement.classList.remove('novaspec-view');
    return hydrate(view, options, element);
  };
})();`;
}
