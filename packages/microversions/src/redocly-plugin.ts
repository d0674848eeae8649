/**
 * Redocly plugin: the microversion lint rules of ADR 0002 (see lint.ts for the checks themselves).
 * Enabled in spec/redocly.yaml as `microversions/<rule>`.
 */
import { documentBounds, extensionOf, isObject, rangeOf, type JsonObject } from './annotations.ts';
import { RULES, checkAnnotation, checkDeprecated, checkNesting, checkVariants, type Finding } from './lint.ts';
import type { Range } from './version.ts';

interface Location { child(path: (string | number)[] | string | number): Location }
interface Context {
  report(problem: { message: string; location: Location }): void;
  location: Location;
}

type Check = (node: unknown, bounds: Range) => Finding[];

/**
 * A Redocly rule that runs checks on the given node types and reports the findings of one rule id.
 * Bounds come from the root document, which the walker visits first.
 */
function ruleWith(rule: string, checks: Record<string, Check>) {
  return () => {
    let bounds: Range | undefined;
    const visitors: Record<string, unknown> = {
      Root: { enter(root: unknown) { bounds = documentBounds(root); } },
    };
    for (const [type, check] of Object.entries(checks)) {
      visitors[type] = (node: unknown, ctx: Context) => {
        for (const finding of check(node, bounds!)) {
          if (finding.rule === rule) ctx.report({ message: finding.message, location: ctx.location.child(finding.path) });
        }
      };
    }
    return visitors;
  };
}

function nestingRule() {
  let bounds: Range | undefined;
  /** Walks the operation's own subtree (references are checked where they are defined). */
  const walk = (node: unknown, path: (string | number)[], parent: Range, out: { finding: Finding; path: (string | number)[] }[]) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...path, index], parent, out));
      return;
    }
    if (!isObject(node)) return;
    if (path.length > 0) for (const finding of checkNesting(node, parent, bounds!)) out.push({ finding, path });
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'x-openstack' && key !== 'example' && key !== 'value') walk(value, [...path, key], parent, out);
    }
  };
  return {
    Root: { enter(root: unknown) { bounds = documentBounds(root); } },
    Operation: {
      enter(operation: JsonObject, ctx: Context) {
        const range = rangeOf(extensionOf(operation), bounds!);
        const out: { finding: Finding; path: (string | number)[] }[] = [];
        walk(operation, [], range, out);
        for (const { finding, path } of out) {
          ctx.report({ message: finding.message, location: ctx.location.child([...path, ...finding.path]) });
        }
      },
    },
  };
}

export default function microversionsPlugin() {
  return {
    id: 'microversions',
    rules: {
      oas3: {
        [RULES.format]: ruleWith(RULES.format, { any: checkAnnotation }),
        [RULES.order]: ruleWith(RULES.order, { any: checkAnnotation }),
        [RULES.overrides]: ruleWith(RULES.overrides, { any: checkAnnotation }),
        [RULES.cover]: ruleWith(RULES.cover, { Schema: checkVariants }),
        [RULES.deprecated]: ruleWith(RULES.deprecated, {
          Operation: checkDeprecated, Parameter: checkDeprecated, Header: checkDeprecated, Schema: checkDeprecated,
        }),
        [RULES.nesting]: nestingRule,
      },
    },
  };
}
