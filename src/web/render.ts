// Turns a page element into the HTML document string sent to the browser.
import type { JSX } from 'hono/jsx/jsx-runtime';

/** Renders a hono/jsx element (escaped by default) as a full document with its doctype. */
export async function renderPage(element: JSX.Element): Promise<string> {
  return `<!doctype html>${await renderFragment(element)}`;
}

/** Renders an element to an HTML string (async components resolved). */
export async function renderFragment(element: JSX.Element): Promise<string> {
  const node = (await element) as { toString(): string | Promise<string> };
  return await node.toString();
}
