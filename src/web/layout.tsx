// The page chrome shared by every page: head, header with the clinic's name or logo, the emergency line on check pages, footer.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { DeafAccessLine } from './deaf-access.js';
import { absoluteUrl, type Site } from './site.js';
import { Tel } from './tel.js';

export interface LayoutProps {
  site: Site;
  /** The page's own title; the site name is added after it. */
  title: string;
  description?: string;
  /** Path of the canonical address (e.g. /articles/noisy-knees); absent for pages that must not be indexed. */
  canonicalPath?: string;
  /** Check pages: show the emergency line, keep out of search engines. */
  check?: boolean;
  /** Show the emergency line (default: on check pages). A non-urgent result carries its own safety net instead. */
  emergencyLine?: boolean;
  /** Prefix the title with "Error: " (GOV.UK pattern for pages showing an error summary). */
  hasError?: boolean;
  noindex?: boolean;
  openGraph?: { type: 'website' | 'article'; publishedTime?: string; modifiedTime?: string; tags?: readonly string[] };
  /** Structured data, written as an application/ld+json data block (not script: CSP allows it). */
  jsonLd?: unknown;
  /** Rendered above the heading: a back link. */
  back?: Child;
  /** The skip link's target and words (default: the main content); question pages skip to the question. */
  skipTo?: { href: string; text: string };
  /** Staff pages: as wide as the work needs, instead of the public reading column. */
  wide?: boolean;
  /** Extra links in <head>, e.g. the Atom feed. */
  feed?: boolean;
  children?: Child;
}

/** JSON for a <script type="application/ld+json"> block, with "<" escaped so no text can close the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function EmergencyLine({ site }: { site: Site }) {
  const n = site.config.emergencyNumber;
  return (
    <div class="em" id="emergency">
      <p>
        <strong>Call <Tel number={n} /> now</strong> if you have chest pain, numbness around your bottom or
        between your legs, new problems peeing or pooing, or weakness getting worse in both legs.
      </p>
      <DeafAccessLine site={site} />
    </div>
  );
}

interface StaticParts {
  assets: string;
  header: string;
  emergency: string;
  footer: string;
}

const partsCache = new WeakMap<Site, StaticParts>();

/** Renders a component that has no async parts, synchronously. */
function renderNow(element: unknown): string {
  const html = (element as { toString(): string | Promise<string> }).toString();
  if (typeof html !== 'string') throw new Error('renderNow: an async component');
  return html;
}

/**
 * The parts of every page that depend only on the site (asset links, header, emergency line, footer), rendered
 * once per site: most of a page's markup, so each request renders only what is its own.
 */
function staticParts(site: Site): StaticParts {
  let parts = partsCache.get(site);
  if (parts !== undefined) return parts;
  const { config } = site;
  const logo = site.assets.logo ?? config.clinic.logoUrl;
  parts = {
    assets: renderNow(
      <>
        <link rel="stylesheet" href={site.assets.css} />
        <link rel="icon" href={site.assets.favicon} type="image/svg+xml" />
        <meta name="theme-color" content={config.clinic.accentColour} />
        {site.assets.js === undefined ? null : <script type="module" src={site.assets.js}></script>}
      </>,
    ),
    header: renderNow(
      <>
        <header class="hd">
          <div class="w">
            <a class="brand" href="/">
              {logo === undefined ? config.clinic.name : <img src={logo} alt={config.clinic.name} />}
            </a>
            <nav aria-label="Main">
              <a href="/check">Self-check</a>
              <a href="/articles">Articles</a>
            </nav>
          </div>
        </header>
      </>,
    ),
    emergency: renderNow(<EmergencyLine site={site} />),
    footer: renderNow(
      <footer class="ft">
        <div class="w">
          <p>
            This check does not replace a doctor. In an emergency call{' '}
            <Tel number={config.emergencyNumber} />. For urgent advice call{' '}
            <Tel number={config.urgentLine.number} /> ({config.urgentLine.name}).
          </p>
          <p>
            {config.clinic.name}: <Tel number={config.clinic.phone} />, {config.clinic.openingHours}.
          </p>
          <ul>
            <li><a href="/articles">Articles</a></li>
            <li><a href="/accessibility">Accessibility</a></li>
            <li><a href="/privacy">Privacy</a></li>
          </ul>
        </div>
      </footer>,
    ),
  };
  partsCache.set(site, parts);
  return parts;
}

export function Layout(props: LayoutProps) {
  const { site } = props;
  const { config } = site;
  const fullTitle = `${props.hasError === true ? 'Error: ' : ''}${props.title} – ${config.clinic.name}`;
  const canonical = props.canonicalPath === undefined ? undefined : absoluteUrl(site, props.canonicalPath);
  const og = props.openGraph;
  const parts = staticParts(site);
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {props.description === undefined ? null : <meta name="description" content={props.description} />}
        {props.check === true || props.noindex === true ? <meta name="robots" content="noindex, nofollow" /> : null}
        {canonical === undefined ? null : <link rel="canonical" href={canonical} />}
        {raw(parts.assets)}
        {props.feed === true ? <link rel="alternate" type="application/atom+xml" title={`${config.clinic.name} articles`} href="/feed.xml" /> : null}
        {og === undefined || canonical === undefined ? null : (
          <>
            <meta property="og:type" content={og.type} />
            <meta property="og:title" content={props.title} />
            {props.description === undefined ? null : <meta property="og:description" content={props.description} />}
            <meta property="og:url" content={canonical} />
            <meta property="og:site_name" content={config.clinic.name} />
            <meta property="og:locale" content="en_GB" />
            {og.publishedTime === undefined ? null : <meta property="article:published_time" content={og.publishedTime} />}
            {og.modifiedTime === undefined ? null : <meta property="article:modified_time" content={og.modifiedTime} />}
            {(og.tags ?? []).map((t) => <meta property="article:tag" content={t} />)}
          </>
        )}
        {props.jsonLd === undefined ? null : <script type="application/ld+json">{raw(jsonLdText(props.jsonLd))}</script>}
      </head>
      <body class={props.wide === true ? 'wide' : undefined}>
        <a class="skip" href={props.skipTo?.href ?? '#main'}>{props.skipTo?.text ?? 'Skip to main content'}</a>
        {raw(parts.header)}
        <div class="w">
          <main id="main">
            {(props.emergencyLine ?? props.check) === true ? raw(parts.emergency) : null}
            {props.back ?? null}
            {props.children}
          </main>
        </div>
        {raw(parts.footer)}
      </body>
    </html>
  );
}
