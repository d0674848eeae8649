/**
 * What the mock knows of the spec: the exact view of each microversion (computed from the
 * all-versions source `@novaspec/spec/openapi.source.json` with @novaspec/microversions' `viewAt` the
 * first time a microversion is asked for, then kept, with Prism's operations for it: the package
 * ships no precomputed views, ADR 0010), and, from the all-versions document, which methods and
 * server actions exist at any microversion, so that asking for one outside its range answers 404 as
 * Nova does (not 405, not 400).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { actionsOf, dereference, operationForAction, viewAt } from '@novaspec/microversions';

const deref = (doc: Json, node: unknown): any => dereference(doc, node);

const require = createRequire(import.meta.url);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

type Json = Record<string, any>; // spec documents, read by path

export interface SpecVersions {
  /** The folder of `index.json`; the all-versions documents are in the folder above it. */
  dir: string;
  min: string;
  max: string;
  versions: string[];
}

export function locateSpecVersions(): SpecVersions {
  const index = require.resolve('@novaspec/spec/versions/index.json');
  const parsed = JSON.parse(readFileSync(index, 'utf8')) as Omit<SpecVersions, 'dir'>;
  return { dir: dirname(index), ...parsed };
}

/** A path template as a matcher: `/servers/{server_id}/action` matches `/servers/abc/action`. */
function templateMatcher(template: string): RegExp {
  const pattern = template.split(/(\{[^}]+\})/).map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${pattern}$`);
}

/** Action names of an action endpoint's POST: the `x-openstack.action-name` of its body branches. */
function actionNames(doc: Json, item: Json): Set<string> {
  const post = deref(doc, item)?.post;
  const schema = deref(doc, deref(doc, post?.requestBody)?.content?.['application/json']?.schema);
  const branches: any[] = schema?.oneOf ?? (schema ? [schema] : []);
  const names = branches.map((b) => deref(doc, b)?.['x-openstack']?.['action-name']).filter((n): n is string => typeof n === 'string');
  return new Set(names);
}

export interface PathFacts {
  template: string;
  matcher: RegExp;
  methods: Set<string>;
  actions: Set<string>;
}

function pathFacts(doc: Json): PathFacts[] {
  return Object.entries<Json>(doc.paths ?? {}).map(([template, item]) => {
    const resolved = deref(doc, item);
    return {
      template,
      matcher: templateMatcher(template),
      methods: new Set(METHODS.filter((m) => resolved?.[m])),
      actions: actionNames(doc, item),
    };
  });
}

export class SpecIndex {
  readonly #dir: string;
  #source: Json | undefined;
  readonly #documents = new Map<string, Json>();
  readonly #operations = new Map<string, Promise<IHttpOperation[]>>();
  readonly #routers = new Map<string, Router>();
  readonly #byTemplate = new Map<string, Promise<IHttpOperation[]>>();
  readonly #operationObjects = new Map<string, Json>();
  /** Every path with the methods and actions it has at any microversion. */
  readonly everywhere: PathFacts[];

  constructor(dir: string) {
    this.#dir = dir;
    this.everywhere = pathFacts(JSON.parse(readFileSync(join(dir, '..', 'openapi.all.json'), 'utf8')));
    this.#routers.set('', new Router(this.everywhere));
  }

  document(version: string): Json {
    let document = this.#documents.get(version);
    if (!document) {
      this.#source ??= JSON.parse(readFileSync(join(this.#dir, '..', 'openapi.source.json'), 'utf8')) as Json;
      // viewAt shares unchanged subtrees between views and with the source: Prism and the view
      // validators get a plain tree of their own, exactly what reading the view's file gave.
      document = JSON.parse(JSON.stringify(viewAt(this.#source, version).document)) as Json;
      this.#documents.set(version, document);
    }
    return document;
  }

  operations(version: string): Promise<IHttpOperation[]> {
    let loaded = this.#operations.get(version);
    if (!loaded) {
      loaded = getHttpOperationsFromSpec(this.document(version));
      this.#operations.set(version, loaded);
    }
    return loaded;
  }

  /**
   * Prism's operations of one path at a version: what Prism needs to route a request already
   * known to fall on that path (routing over every operation was most of Prism's time per request).
   */
  pathOperations(version: string, template: string): Promise<IHttpOperation[]> {
    const key = `${version} ${template}`;
    let loaded = this.#byTemplate.get(key);
    if (!loaded) {
      loaded = this.operations(version).then((all) => all.filter((operation) => operation.path === template));
      this.#byTemplate.set(key, loaded);
    }
    return loaded;
  }

  /**
   * Prism's operations for one server action at one microversion: a document holding only the
   * action endpoint, as that action has it (ADR 0005): its own body schema, status code, headers and
   * examples. Without it Prism would answer every action with the union's first success code.
   */
  actionOperations(version: string, template: string, action: string): Promise<IHttpOperation[]> {
    const key = `${version} ${template} ${action}`;
    let loaded = this.#operations.get(key);
    if (!loaded) {
      const document = this.document(version);
      const item = deref(document, document.paths[template]);
      const only = { ...document, paths: { [template]: { ...(item.parameters ? { parameters: item.parameters } : {}), post: this.operation(version, template, 'post', action) } } };
      loaded = getHttpOperationsFromSpec(only);
      this.#operations.set(key, loaded);
    }
    return loaded;
  }

  /** The spec's operation at a version (as one action has it, for an action). */
  operation(version: string, template: string, method: string, action?: string): Json {
    const key = `${version} ${template} ${method} ${action ?? ''}`;
    let found = this.#operationObjects.get(key);
    if (!found) {
      const document = this.document(version);
      const operation = deref(document, document.paths[template])?.[method];
      if (action) {
        const info = actionsOf(document, operation).find((candidate) => candidate.name === action);
        if (!info) throw new Error(`no action ${action} at ${template} in ${version}`);
        found = operationForAction(document, operation, info) as Json;
      } else {
        found = operation as Json;
      }
      this.#operationObjects.set(key, found);
    }
    return found;
  }

  /** Resolves a $ref inside a view. */
  resolve(version: string, node: Json): Json {
    return deref(this.document(version), node);
  }

  /** The facts of the path a request path falls on, at a version (or at any version). */
  find(path: string, version?: string, method?: string): PathFacts | undefined {
    const key = version ?? '';
    let router = this.#routers.get(key);
    if (!router) {
      router = new Router(pathFacts(this.document(key)));
      this.#routers.set(key, router);
    }
    return router.find(path, method);
  }
}

/**
 * Path templates by segment count, literal paths in a map: a request path is looked up once, not
 * tested against every template. Literal segments beat templates (`/servers/detail` over
 * `/servers/{server_id}`): within a segment count, templates with fewer parameters come first.
 */
class Router {
  readonly #literal = new Map<string, PathFacts>();
  readonly #templated = new Map<number, PathFacts[]>();

  constructor(facts: PathFacts[]) {
    for (const f of facts) {
      if (!f.template.includes('{')) {
        this.#literal.set(f.template, f);
        continue;
      }
      const count = f.template.split('/').length;
      const list = this.#templated.get(count) ?? [];
      list.push(f);
      this.#templated.set(count, list);
    }
    for (const list of this.#templated.values()) list.sort((a, b) => a.template.split('{').length - b.template.split('{').length);
  }

  /**
   * With a method, the first path that has it: Nova's routes match method and path together, so
   * `PUT /servers/detail` is `PUT /servers/{server_id}` with the id `detail`.
   */
  find(path: string, method?: string): PathFacts | undefined {
    const literal = this.#literal.get(path);
    if (literal && (!method || literal.methods.has(method))) return literal;
    let count = 1;
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) count += 1;
    const templated = this.#templated.get(count)?.find((f) => f.matcher.test(path) && (!method || f.methods.has(method)));
    return templated ?? literal ?? (method ? this.find(path) : undefined);
  }
}
