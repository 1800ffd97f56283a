// The html-validate rules every page is checked against (web pages and clinic pages alike), for tests.
import type { ConfigData } from 'html-validate';

/**
 * The recommended rules, less those about serialisation style that hono/jsx decides (`<meta/>`, `novalidate=""`,
 * lower-case doctype), and titles, which hold the question text (GOV.UK titles do too). Checkboxes share a name.
 */
export const HTML_RULES: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    'doctype-style': 'off',
    'void-style': 'off',
    'attribute-boolean-style': 'off',
    'long-title': 'off',
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
};
