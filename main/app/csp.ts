/**
 * The window's Content-Security-Policy: only our own bundled scripts, styles and images, no eval, no
 * inline code, no plugins, no network beyond our own origin (which in the app is file://, and in the web
 * harness the loopback server). renderer/index.html carries the same policy in a meta tag (a test keeps
 * the two equal); security.ts also sends it as a response header.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
