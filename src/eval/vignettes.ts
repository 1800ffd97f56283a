// Reads vignette files (the format of the shared clinical vignettes) and checks their shape.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { LEVELS } from '../engine/types.js';

const vignetteSchema = z.object({
  id: z.string().min(1),
  story: z.string().optional(),
  findings: z.record(z.string(), z.union([z.boolean(), z.number(), z.string()])),
  expected: z.enum(LEVELS),
  rules: z.array(z.string()).optional(),
  why: z.string().optional(),
}).loose();

const fileSchema = z.object({ vignettes: z.array(vignetteSchema).min(1) }).loose();

export type Vignette = z.infer<typeof vignetteSchema> & { file: string };

/** Reads one vignette file: its vignettes and the format version it declares, if any; throws with the file and path of the first problems. */
export function readVignetteFile(file: string): { version?: number; vignettes: Vignette[] } {
  const result = fileSchema.safeParse(parse(readFileSync(file, 'utf8'), { schema: 'core' }));
  if (!result.success) {
    throw new Error(`${file}: ${result.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const vignettes = result.data.vignettes.map((v) => ({ ...v, file }));
  const version: unknown = result.data.version;
  return typeof version === 'number' ? { version, vignettes } : { vignettes };
}

/** Loads vignettes from YAML files; throws with the file and path of the first problems. */
export function loadVignettes(files: readonly string[]): Vignette[] {
  return files.flatMap((file) => readVignetteFile(file).vignettes);
}
