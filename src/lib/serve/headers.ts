// What the built column must be served with. One place for the Content Security Policy: the test
// server sends it (test/helpers/server.ts) and the deployment's server configuration will (issue 14),
// so the policy the browser tests prove the site runs under is the one operators deploy.

/**
 * The Content Security Policy of docs/decisions.md §4, as one header value. The site requests nothing
 * from any other host; the search (Pagefind) runs WebAssembly ('wasm-unsafe-eval'); no inline script or
 * style anywhere; `frame-ancestors` only works as a header, never as a <meta>.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
