/**
 * Serves the built renderer (out/renderer) read-only, with the app's CSP header, and injects the api shim
 * as a classic script in <head> (it runs before the deferred module script that starts React).
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../../main/app/csp';

export const SHIM_PATH = '/__harness/api.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

export function injectShim(html: string): string {
  return html.replace('<head>', `<head>\n    <script src="${SHIM_PATH}"></script>`);
}

export async function serveStatic(root: string, path: string, shim: string, res: ServerResponse): Promise<void> {
  if (path === SHIM_PATH) return send(res, 200, TYPES['.js']!, shim);
  const relative = path === '/' ? 'index.html' : decodeURIComponent(path).replace(/^\/+/, '');
  const file = normalize(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) return send(res, 404, 'text/plain', 'Not found');
  try {
    const body = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    return send(res, 200, type, relative === 'index.html' ? injectShim(body.toString('utf8')) : body);
  } catch {
    return send(res, 404, 'text/plain', 'Not found');
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, ...SECURITY_HEADERS });
  res.end(body);
}
