// Security headers, computed once from the configuration and set on every response: the public pages may be framed
// per FRAME_ANCESTORS (the embedded check); the staff pages never.
import type { AppConfig } from '../config.js';
import { isRemoteLogo } from './assets.js';

/** The Content-Security-Policy: our own scripts and styles only, no inline script, framing per FRAME_ANCESTORS. */
export function contentSecurityPolicy(config: AppConfig, framing: 'public' | 'never' = 'public'): string {
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
    `frame-ancestors ${framing === 'never' || config.frameAncestors.includes("'none'") ? "'none'" : ancestors.join(' ')}`,
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

/**
 * Headers for the staff pages (/clinic/*): as the public ones, but no site may frame them, whatever FRAME_ANCESTORS
 * allows the embedded check, so a clinic's own website cannot be used to clickjack the inbox.
 */
export function staffSecurityHeaders(config: AppConfig): Readonly<Record<string, string>> {
  return { ...securityHeaders(config), 'content-security-policy': contentSecurityPolicy(config, 'never'), 'x-frame-options': 'DENY' };
}

/** True for the staff side's addresses (/clinic and below). */
export function isStaffPath(url: string): boolean {
  return url === '/clinic' || url.startsWith('/clinic/') || url.startsWith('/clinic?');
}
