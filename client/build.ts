// Builds the browser scripts into public/: enhance.js (the pages' progressive enhancement) and embed.js (for host sites).
import { build, type BuildOptions } from 'esbuild';

export const BUNDLES: readonly { entry: string; outfile: string; format: 'esm' | 'iife' }[] = [
  { entry: 'client/enhance.ts', outfile: 'public/enhance.js', format: 'esm' },
  { entry: 'client/embed.ts', outfile: 'public/embed.js', format: 'iife' },
];

function options(entry: string, format: 'esm' | 'iife'): BuildOptions {
  return { entryPoints: [entry], bundle: true, format, target: 'es2020', minify: true, legalComments: 'none', write: false, charset: 'utf8' };
}

/** Builds every bundle in memory; returns the file contents by output path. */
export async function buildClient(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const b of BUNDLES) {
    const result = await build(options(b.entry, b.format));
    out.set(b.outfile, result.outputFiles?.[0]?.text ?? '');
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { writeFileSync } = await import('node:fs');
  for (const [file, text] of await buildClient()) {
    writeFileSync(file, text);
    console.log(`${file}: ${String(Buffer.byteLength(text))} bytes`);
  }
}
