#!/usr/bin/env node
// Serves the example commune site from the production build on one origin (default http://localhost:8000):
//   /         examples/commune-site
//   /cdn/     packages/elements/dist/cdn (the CDN build the pages load)
//   /docs/    docs/api (after `npm run docs`)
// PORT and HOST change where it listens.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { root } from './env.mjs';

const mounts = [
  ['/cdn/', join(root, 'packages', 'elements', 'dist', 'cdn')],
  ['/docs/', join(root, 'docs', 'api')],
  ['/', join(root, 'examples', 'commune-site')],
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Maps a URL path to a file under one of the mounts, refusing anything that escapes it. */
function resolveFile(pathname) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const relative = normalize(decodeURIComponent(pathname.slice(prefix.length)));
    let file = join(dir, relative);
    if (file !== dir && !file.startsWith(dir + sep)) return undefined;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    return existsSync(file) ? file : undefined;
  }
  return undefined;
}

const server = createServer((request, response) => {
  let file;
  try {
    file = resolveFile(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    file = undefined;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy / Not found\n');
    return;
  }
  response.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
});

const port = Number(process.env.PORT ?? 8000);
const host = process.env.HOST ?? 'localhost';
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE')
    console.error(`Port ${port} is in use. Stop the other server or run PORT=8001 npm start.`);
  else console.error(error.message);
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`\nmotcua example commune site: http://localhost:${port}/`);
  console.log('Press Ctrl+C to stop.');
});
