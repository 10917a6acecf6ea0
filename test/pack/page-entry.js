// What a site that installs @motcua/elements from npm writes: one element by its subpath.
// Bundled by esbuild from the scratch project's node_modules (the published files, default conditions).
import '@motcua/elements/calendar-day';
