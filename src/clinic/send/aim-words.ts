// "within 2 working days": the clinic's aim for a level, in words for the confirmation page.
import type { Level } from '../../engine/types.js';
import type { DuePolicy } from '../due-time.js';

export function aimWords(level: Level, policy: DuePolicy): string {
  const rule = policy.byLevel[level];
  if ('workingDays' in rule) {
    return rule.workingDays === 0 ? 'by the end of the working day' : `within ${rule.workingDays} working day${rule.workingDays === 1 ? '' : 's'}`;
  }
  const hours = `${rule.hours} hour${rule.hours === 1 ? '' : 's'}`;
  return rule.counting === 'clock' ? `as soon as they can` : `within ${hours} when the clinic is open`;
}
