// The closed vocabulary of article tags, shared by articles and the rules' articleTags.

/** Body-region tags. */
export const REGION_TAGS = ['back', 'neck', 'jaw', 'shoulder', 'elbow', 'wrist-hand', 'hip', 'knee', 'ankle-foot'] as const;

/** Topic tags. */
export const TOPIC_TAGS = [
  'joint-noises', 'cracking', 'knuckle-cracking', 'knee-noise', 'snapping-hip', 'replaced-joint', 'after-surgery',
  'back-pain', 'sciatica', 'cauda-equina', 'red-flags', 'neck-pain', 'exercise', 'physiotherapy', 'self-care',
] as const;

export const TAGS = [...REGION_TAGS, ...TOPIC_TAGS] as const;
export type Tag = (typeof TAGS)[number];

const tagSet: ReadonlySet<string> = new Set(TAGS);

export function isTag(value: string): value is Tag {
  return tagSet.has(value);
}
