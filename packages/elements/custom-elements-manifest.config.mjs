// Custom Elements Manifest (custom-elements.json, the package's `customElements` field): read by IDEs,
// Storybook-like tools and the docs.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  outdir: '.',
  packagejson: false,
};
