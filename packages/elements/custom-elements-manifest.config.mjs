// Custom Elements Manifest (custom-elements.json, the package's `customElements` field): read by IDEs,
// Storybook-like tools and the docs.

/**
 * The analyzer finds tag names in `customElements.define('x-y', Class)` calls; motcua's elements register through
 * `defineElement('motcua-…', Class)` (src/internal/define.ts), so this plugin reads those calls instead. It also
 * drops what the shared code would otherwise put in the manifest: the generic `customElements.define(tag, element)`
 * of defineElement, the abstract base class MotcuaElement as an element of its own, and an event named after the
 * variable of `emit`'s `dispatchEvent(new CustomEvent(type, …))` (each element documents its events with `@fires`).
 */
function motcuaElements() {
  /** Class name → tag name, from defineElement calls. */
  const tags = new Map();
  /** Abstract classes: bases, never registered. */
  const abstract = new Set();
  /** Class name → names of events dispatched under a variable name rather than a string. */
  const dynamicEvents = new Map();

  return {
    name: 'motcua-elements',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isClassDeclaration(node) && node.name) {
        if (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword)) abstract.add(node.name.text);
        return;
      }
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      if (ts.isIdentifier(callee) && callee.text === 'defineElement') {
        const [tag, element] = node.arguments;
        if (tag && ts.isStringLiteralLike(tag) && element && ts.isIdentifier(element)) {
          tags.set(element.text, tag.text);
          moduleDoc.exports ??= [];
          moduleDoc.exports.push({
            kind: 'custom-element-definition',
            name: tag.text,
            declaration: { name: element.text, module: moduleDoc.path },
          });
        }
        return;
      }
      if (
        ts.isPropertyAccessExpression(callee) &&
        callee.name.text === 'dispatchEvent' &&
        callee.expression.kind === ts.SyntaxKind.ThisKeyword
      ) {
        const event = node.arguments[0];
        const name = event && ts.isNewExpression(event) ? event.arguments?.[0] : undefined;
        if (!name || ts.isStringLiteralLike(name)) return;
        let owner = node.parent;
        while (owner && !ts.isClassDeclaration(owner)) owner = owner.parent;
        if (!owner?.name) return;
        const names = dynamicEvents.get(owner.name.text) ?? new Set();
        names.add(name.getText());
        dynamicEvents.set(owner.name.text, names);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        // defineElement's own `customElements.define(tag, element)`: not a tag name.
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.includes('-'));
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          const tag = tags.get(declaration.name);
          if (tag) {
            declaration.tagName = tag;
            declaration.customElement = true;
          } else if (abstract.has(declaration.name)) {
            delete declaration.customElement;
          }
          if (declaration.events) {
            declaration.events = declaration.events.filter((event) => {
              const from = event.inheritedFrom?.name ?? declaration.name;
              return !dynamicEvents.get(from)?.has(event.name);
            });
            if (declaration.events.length === 0) delete declaration.events;
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  outdir: '.',
  packagejson: false,
  plugins: [motcuaElements()],
};
