// Static assets (stylesheet, scripts, icon): read and compressed once at start-up, served from memory with hashed URLs.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { AppConfig } from '../config.js';
import { compressStatic } from './compress.js';

export interface Asset {
  url: string;
  type: string;
  body: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
  cacheControl: string;
  /** Assets that other sites load (the embed script) must be readable cross-origin. */
  crossOrigin: boolean;
}

export interface Assets {
  css: string;
  js: string | undefined;
  favicon: string;
  embed: string | undefined;
  /** The clinic's logo when CLINIC_LOGO_URL names a file: served from here, so pages load nothing from elsewhere. */
  logo?: string;
  byUrl: ReadonlyMap<string, Asset>;
}

const IMAGE_TYPES: Readonly<Record<string, string>> = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' };

/** A logo setting that is a web address (used as it is) rather than a file to serve. */
export function isRemoteLogo(logo: string): boolean {
  return /^https?:\/\//.test(logo);
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

function makeAsset(url: string, type: string, body: Buffer, cacheControl: string, crossOrigin = false): Asset {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
  return { url, type, body, br: compressStatic(body, 'br'), gzip: compressStatic(body, 'gzip'), etag, cacheControl, crossOrigin };
}

function hashed(name: string, ext: string, body: Buffer): string {
  return `/assets/${name}.${createHash('sha256').update(body).digest('hex').slice(0, 10)}.${ext}`;
}

/** The stylesheet with the clinic's accent colour put in. */
export function themedCss(css: string, accent: string): string {
  return css.replace(/--accent:#[0-9a-fA-F]{6}/, `--accent:${accent}`);
}

/** Loads public/: app.css (themed), enhance.js and embed.js when built, and the icon. */
export function loadAssets(config: AppConfig, dir = 'public'): Assets {
  const byUrl = new Map<string, Asset>();
  const add = (asset: Asset): string => {
    byUrl.set(asset.url, asset);
    return asset.url;
  };
  const cssBody = Buffer.from(themedCss(readFileSync(join(dir, 'app.css'), 'utf8'), config.clinic.accentColour));
  const css = add(makeAsset(hashed('app', 'css', cssBody), 'text/css; charset=utf-8', cssBody, IMMUTABLE));
  const icon = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${config.clinic.accentColour}"/>` +
      '<path d="M9 17l5 5 9-12" stroke="#fff" stroke-width="4" fill="none"/></svg>',
  );
  const favicon = add(makeAsset(hashed('icon', 'svg', icon), 'image/svg+xml', icon, IMMUTABLE));
  let js: string | undefined;
  const jsPath = join(dir, 'enhance.js');
  if (existsSync(jsPath)) {
    const body = readFileSync(jsPath);
    js = add(makeAsset(hashed('enhance', 'js', body), 'text/javascript; charset=utf-8', body, IMMUTABLE));
  }
  let embed: string | undefined;
  const embedPath = join(dir, 'embed.js');
  if (existsSync(embedPath)) {
    embed = add(makeAsset('/embed.js', 'text/javascript; charset=utf-8', readFileSync(embedPath), 'public, max-age=3600', true));
  }
  const logoSetting = config.clinic.logoUrl;
  let logo: string | undefined;
  if (logoSetting !== undefined && !isRemoteLogo(logoSetting)) {
    const ext = extname(logoSetting).slice(1).toLowerCase();
    const type = IMAGE_TYPES[ext];
    if (type === undefined) throw new Error(`CLINIC_LOGO_URL: ${logoSetting} is not an .svg, .png, .jpg, .webp or .gif file`);
    const body = readFileSync(logoSetting);
    logo = add(makeAsset(hashed('logo', ext, body), type, body, IMMUTABLE));
  }
  return { css, js, favicon, embed, ...(logo === undefined ? {} : { logo }), byUrl };
}
