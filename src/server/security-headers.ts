// Security headers, computed once from the configuration and set on every response.
import type { AppConfig } from '../config.js';
import { isRemoteLogo } from './assets.js';

/** The Content-Security-Policy: our own scripts and styles only, no inline script, framing per FRAME_ANCESTORS. */
export function contentSecurityPolicy(config: AppConfig): string {
  const images = ["'self'"];
  const logo = config.clinic.logoUrl;
  if (logo !== undefined && isRemoteLogo(logo)) images.push(new URL(logo).origin);
  const ancestors = config.frameAncestors.length > 0 ? ["'self'", ...config.frameAncestors.filter((a) => a !== "'self'")] : ["'self'"];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${images.join(' ')}`,
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${config.frameAncestors.includes("'none'") ? "'none'" : ancestors.join(' ')}`,
  ].join('; ');
}

/** Headers for every response. Routes may override Cache-Control and Cross-Origin-Resource-Policy. */
export function securityHeaders(config: AppConfig): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(config),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'x-dns-prefetch-control': 'off',
  };
  // Browsers that predate frame-ancestors get the nearest equivalent; an allow-list cannot be expressed there.
  if (config.frameAncestors.length === 0) headers['x-frame-options'] = 'SAMEORIGIN';
  if (config.baseUrl.startsWith('https://')) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
