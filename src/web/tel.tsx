// A phone number as a tel: link, kept on one line (non-breaking spaces) so it never wraps mid-number.
import { telHref } from '../config.js';

/** The number as shown: spaces become non-breaking. */
export function phoneText(phone: string): string {
  return phone.replace(/ /g, '\u00a0');
}

export function Tel({ number, class: className }: { number: string; class?: string }) {
  return <a href={telHref(number)} class={className}>{phoneText(number)}</a>;
}
