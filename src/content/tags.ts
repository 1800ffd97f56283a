// The closed vocabulary of article tags, shared by articles and the rules' articleTags.

/** Body-region tags (one per region: "back" covers back pain, "knee" knee noises). */
export const REGION_TAGS = ['back', 'neck', 'jaw', 'shoulder', 'elbow', 'wrist-hand', 'hip', 'knee', 'ankle-foot'] as const;

/** Topic tags. */
export const TOPIC_TAGS = [
  'joint-noises', 'cracking', 'knuckle-cracking', 'snapping-hip', 'replaced-joint', 'after-surgery',
  'sciatica', 'cauda-equina', 'red-flags', 'exercise', 'physiotherapy', 'self-care',
] as const;

export const TAGS = [...REGION_TAGS, ...TOPIC_TAGS] as const;
export type Tag = (typeof TAGS)[number];

const tagSet: ReadonlySet<string> = new Set(TAGS);

export function isTag(value: string): value is Tag {
  return tagSet.has(value);
}

const regionSet: ReadonlySet<string> = new Set(REGION_TAGS);

/** Whether a tag names a body region (articles about one region are offered only for that region). */
export function isRegionTag(value: string): boolean {
  return regionSet.has(value);
}
