// Production builds of every package (`npm run build`; types come from `tsc -b`):
//   - packages/<pkg>/dist: ESM, one file per source module, for npm users and their bundlers;
//   - packages/elements/dist/cdn: the code-split CDN build — `motcua.js` registers every element,
//     `motcua-<name>.js` one element — with Lit's production build and everything bundled;
//     `manifest.json` there lists what each entry loads before any interaction (for the size budgets); the staff
//     screens are a build of their own there (`staff-manifest.json`, chunks in `staff/`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { transformSync } from 'esbuild';
import esbuild from 'rollup-plugin-esbuild';

/**
 * The browsers the CDN build runs in (docs/guides/browsers.*.md): recent Chrome and Android WebView (Zalo's and
 * Facebook's in-app browsers are WebViews), Firefox, and Safari from iOS 15 — so class static blocks and other
 * syntax newer than Safari 15 are lowered.
 */
const CDN_BROWSERS = ['chrome100', 'firefox100', 'safari15', 'ios15'];
/** The same browsers for Lightning CSS (major version << 16). */
const CSS_TARGETS = { chrome: 100 << 16, firefox: 100 << 16, safari: 15 << 16, ios_saf: 15 << 16 };

const pkgDir = (name) => new URL(`./packages/${name}/`, import.meta.url).pathname;
const rooms = (dir) =>
  readdirSync(`${dir}src`, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${dir}src/${entry.name}/index.ts`))
    .map((entry) => entry.name);
const elementDirs = (dir) =>
  readdirSync(`${dir}src`, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${dir}src/${entry.name}/${entry.name}.ts`))
    .map((entry) => entry.name);
const dependencies = (dir) => {
  const pkg = JSON.parse(readFileSync(`${dir}package.json`, 'utf8'));
  return Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
};
const externalTo = (deps) => (id) => deps.some((dep) => id === dep || id.startsWith(`${dep}/`));

// zod and other dependencies ship annotations and cycles rollup comments on; they are harmless.
function onwarn(warning, warn) {
  const where = `${warning.id ?? ''} ${warning.message}`;
  if (
    (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'INVALID_ANNOTATION') &&
    where.includes('node_modules')
  ) {
    return;
  }
  warn(warning);
}

function npmBuild(name, inputs, options = {}) {
  const dir = pkgDir(name);
  const external = externalTo(dependencies(dir));
  return {
    input: Object.fromEntries(inputs.map((input) => [input, `${dir}src/${input}.ts`])),
    external: (id) => external(id) || (options.external?.(id) ?? false),
    output: {
      dir: `${dir}dist`,
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: `${dir}src`,
      sourcemap: true,
    },
    plugins: [esbuild({ tsconfig: `${dir}tsconfig.json`, target: 'es2022' })],
    onwarn,
  };
}

/**
 * Records, per entry, the files a page loads before any interaction (the entry and its static imports), the ones it
 * may load later (dynamic imports and theirs) and, by name, what each of its dynamic imports brings (`parts`).
 */
function loadManifest(fileName) {
  return {
    name: 'motcua-load-manifest',
    generateBundle(_options, bundle) {
      const closure = (file, seen = new Set()) => {
        if (seen.has(file)) return seen;
        seen.add(file);
        for (const imported of bundle[file]?.imports ?? []) closure(imported, seen);
        return seen;
      };
      const entries = {};
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const initial = closure(file);
        // Everything reachable through dynamic imports, at any depth, that the first paint did not load.
        const lazy = new Set();
        const pending = [...initial];
        while (pending.length > 0) {
          for (const dynamic of bundle[pending.pop()]?.dynamicImports ?? []) {
            for (const file of closure(dynamic)) {
              if (!lazy.has(file)) {
                lazy.add(file);
                pending.push(file);
              }
            }
          }
        }
        // What each lazily loaded part of the entry brings, by the part's name (e.g. the console's `session`), also
        // a part that another lazily loaded part loads (the office administration's services and counters).
        const parts = {};
        for (const loaded of [...initial, ...lazy]) {
          for (const dynamic of bundle[loaded]?.dynamicImports ?? []) {
            parts[bundle[dynamic].name] = [...closure(dynamic)].filter((f) => !initial.has(f)).sort();
          }
        }
        entries[file] = { initial: [...initial].sort(), lazy: [...lazy].filter((f) => !initial.has(f)).sort(), parts };
      }
      this.emitFile({ type: 'asset', fileName, source: `${JSON.stringify(entries, null, 2)}\n` });
    },
  };
}

/**
 * Two small files for the host page, next to the CDN modules:
 * - `cloak.css` hides motcua elements that have no fallback content until they are defined, so the page does not jump;
 * - `nomodule.js`, for `<script nomodule>`: in a browser without JavaScript modules it writes a plain message
 *   (Vietnamese or English, after `<html lang>`) into every empty motcua element;
 * - `motcua-push-worker.js`, the service worker that shows a dossier's Web Push notices, which a page registers from
 *   its own origin (`<motcua-dossier-status push-worker>`; a site whose CDN is on another origin copies it).
 */
function pageAssets(tags) {
  const selector = tags.map((tag) => `${tag}:not(:defined):empty`).join(',\n');
  const nomodule = `(function () {
  var en = /^en/i.test(document.documentElement.lang || '');
  var text = en
    ? 'This browser is too old to show this part of the page. Please open it in a recent Chrome, Safari, Firefox or Cốc Cốc.'
    : 'Trình duyệt này đã quá cũ nên không hiển thị được phần này của trang. Vui lòng mở bằng Chrome, Safari, Firefox hoặc Cốc Cốc bản mới.';
  var found = document.getElementsByTagName('*');
  for (var i = 0; i < found.length; i++) {
    if (/^motcua-/i.test(found[i].tagName) && !found[i].firstElementChild) {
      var p = document.createElement('p');
      p.appendChild(document.createTextNode(text));
      found[i].appendChild(p);
    }
  }
})();
`;
  // Minified like the modules beside it (ES5: this file is for browsers without modules).
  const nomoduleMin = transformSync(nomodule, { minify: true, target: 'es5', charset: 'utf8' }).code;
  const pushWorker = transformSync(readFileSync(`${elements}src/dossier-status/push-worker.js`, 'utf8'), {
    minify: true,
    target: 'es2020',
    charset: 'utf8',
  }).code;
  return {
    name: 'motcua-page-assets',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'cloak.css', source: `${selector} {\n  visibility: hidden;\n}\n` });
      this.emitFile({ type: 'asset', fileName: 'nomodule.js', source: nomoduleMin });
      this.emitFile({ type: 'asset', fileName: 'motcua-push-worker.js', source: pushWorker });
    },
  };
}

/**
 * The recorded voice clips (packages/elements/assets/voice) ship in `dist/cdn/voice/`; the module that names their
 * folder (internal/speech/voice-assets.ts) is replaced by one that points there from whichever chunk holds it.
 */
function voiceClips(dir) {
  return {
    name: 'motcua-voice-clips',
    load(id) {
      if (!id.endsWith('/internal/speech/voice-assets.ts')) return null;
      let reference;
      for (const file of readdirSync(dir).sort()) {
        if (!file.endsWith('.mp3')) continue;
        const ref = this.emitFile({ type: 'asset', fileName: `voice/${file}`, source: readFileSync(`${dir}/${file}`) });
        if (file === 'chime.mp3') reference = ref;
      }
      return `export const VOICE_ASSETS = new URL('./', import.meta.ROLLUP_FILE_URL_${reference}).href;`;
    },
  };
}

/**
 * esbuild writes its helper for TypeScript decorators (`@property`, `@state`) into every module that uses them, so
 * each element's chunk carried a copy; they all import one copy instead. The helper is replaced line for line (blank
 * lines keep the rest of the module where its source map says it is).
 */
function sharedDecoratorHelper() {
  const id = '\0motcua-decorate-class';
  const helper = /^var __decorateClass = \(decorators, target, key, kind\) => \{\n(?:.*\n)*?\};\n/m;
  return {
    name: 'motcua-shared-decorator-helper',
    resolveId: (source) => (source === id ? id : null),
    load: (source) =>
      source === id
        ? `export var __decorateClass = (decorators, target, key, kind) => {
  var result = kind > 1 ? void 0 : kind ? Object.getOwnPropertyDescriptor(target, key) : target;
  for (var i = decorators.length - 1, decorator; i >= 0; i--)
    if ((decorator = decorators[i])) result = (kind ? decorator(target, key, result) : decorator(result)) || result;
  if (kind && result) Object.defineProperty(target, key, result);
  return result;
};
`
        : null,
    transform(code) {
      const found = helper.exec(code);
      if (!found) return null;
      const lines = found[0].split('\n').length - 1;
      const replacement = `import { __decorateClass } from '${id}';${'\n'.repeat(lines)}`;
      return { code: code.replace(helper, replacement), map: null };
    },
  };
}

const core = pkgDir('core');
const elements = pkgDir('elements');
const elementNames = elementDirs(elements);
/**
 * The staff screens: served by the server to signed-in staff, never by a public page. They are a CDN build of their
 * own (entries `motcua-<name>.js`, chunks in `staff/`, listed in `staff-manifest.json`), so the public elements'
 * chunks never change for them and a public page never downloads a byte of theirs; the counter console bundles the
 * sign-in it loads lazily for an officer without a token.
 */
const staffNames = [
  'sign-in',
  'office-dashboard',
  'office-admin',
  'device-pairings',
  'queue-settings',
  'audit-trail',
  'staff-users',
  'dossier-desk',
];
const publicNames = elementNames.filter((element) => !staffNames.includes(element));

/**
 * terser's compression: three passes with ES2015 arrows and methods for functions that never use `this` or serve as
 * constructors, for the public build (56 B less over it than two plain passes); the staff build keeps two plain passes,
 * which it compresses better (the dashboard's first paint grows by 0.1 kB with the public build's). `pure_getters`:
 * reading a property never throws (terser's default already takes getters to have no side effects; this adds that the
 * object is not null), so a local that only names a property is inlined (58 B less over the public build). No source
 * reads a property for its error or its side effect (a forced layout, `void el.offsetWidth`): keep it so.
 */
const PUBLIC_COMPRESS = { passes: 3, unsafe_arrows: true, unsafe_methods: true, pure_getters: true };
const STAFF_COMPRESS = { passes: 2 };

const cdnPlugins = (manifest, compress) => [
  nodeResolve({ browser: true }),
  // Our Lit templates and styles minified (terser keeps template text as written); CSS for CDN_BROWSERS, so
  // fallbacks such as a font size before one in container units stay.
  minifyHtmlLiterals({
    include: [`${elements}src/**/*.ts`],
    failOnError: true,
    options: { minifyOptions: { minifyCSS: { minify: true, targets: CSS_TARGETS } } },
  }),
  esbuild({ tsconfig: `${elements}tsconfig.json`, target: CDN_BROWSERS }),
  sharedDecoratorHelper(),
  terser({ ecma: 2020, module: true, compress, format: { comments: false } }),
  loadManifest(manifest),
];

/** One CDN build: `motcua-<name>.js` per element (and `motcua.js` when given), hashed chunks in `chunks`. */
const cdnBuild = (input, chunks, manifest, compress, plugins = []) => ({
  input,
  // An element's entry file holds the element itself, and its lazily loaded parts import what they share with it
  // from there, instead of the element living in a chunk behind an entry file that only re-exports it.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: `${elements}dist/cdn`,
    format: 'es',
    entryFileNames: '[name].js',
    // Six characters of content hash (36 bits) still tell every changed chunk apart for caching; each import of a
    // chunk and each source-map comment repeats its name, which gzip cannot shorten, so a chunk is named by its hash
    // alone (0.76 kB less over the public build; the source maps name the modules) and the manifest names its parts.
    chunkFileNames: `${chunks}/[hash:6].js`,
    // The maps are written beside each file (`<file>.js.map`) without the `//# sourceMappingURL=` comment that would
    // point browsers to them: ~40 bytes per file that every visitor downloads and gzip cannot shorten (1.5 kB over
    // the CDN build). Developers add a map in DevTools (Sources, right-click the file, "Add source map…").
    sourcemap: 'hidden',
  },
  plugins: [...cdnPlugins(manifest, compress), ...plugins],
  onwarn,
});

const entriesOf = (names) =>
  Object.fromEntries(names.map((element) => [`motcua-${element}`, `${elements}src/${element}/${element}.ts`]));

export default [
  npmBuild('core', ['index', ...rooms(core).map((room) => `${room}/index`)]),
  npmBuild('elements', ['index', ...elementNames.map((element) => `${element}/${element}`)]),
  npmBuild('server', ['index', 'cli'], { external: (id) => id.startsWith('node:') }),
  cdnBuild(
    { motcua: `${elements}src/index.ts`, ...entriesOf(publicNames) },
    'chunks',
    'manifest.json',
    PUBLIC_COMPRESS,
    [pageAssets(elementNames.map((element) => `motcua-${element}`)), voiceClips(`${elements}assets/voice`)],
  ),
  cdnBuild(entriesOf(staffNames), 'staff', 'staff-manifest.json', STAFF_COMPRESS),
];
