// Rebuilds the exact page a form showed from its id and the findings it listed (see the engine's pageView).
import { pageView } from '../../engine/index.js';
import type { ClinicalContent, QuestionView } from '../../engine/types.js';

/**
 * The view of page `id` as shown: for a multi page only the options whose findings are listed in `shown` (the
 * engine shows only the options still needed). Undefined if the id or a listed finding is not part of a page the
 * check could show, so a tampered form cannot set findings it never showed.
 */
export function questionView(content: ClinicalContent, id: string, shown: readonly string[]): QuestionView | undefined {
  return pageView(content, id, shown);
}
