// Options shared by the `creak` commands: the day to judge review dates by, and option values.

/**
 * `--today YYYY-MM-DD`: judge review dates as on that day (reproducible reports and tests); the real
 * date otherwise.
 */
export function todayOption(args: readonly string[]): { ok: true; now: Date } | { ok: false; problem: string } {
  const value = optionValue(args, '--today');
  if (value === undefined) return { ok: true, now: new Date() };
  const now = new Date(`${value}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(now.getTime()) || !now.toISOString().startsWith(value)) {
    return { ok: false, problem: `--today needs a date as YYYY-MM-DD, got "${value}"` };
  }
  return { ok: true, now };
}

/** The value after `--name` (`--name value` or `--name=value`), if given. */
export function optionValue(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === name) return args[i + 1] ?? '';
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

/** The arguments that are not options, leaving out the values of the named options that take one. */
export function positional(args: readonly string[], valued: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (valued.includes(a)) i++;
    else if (!a.startsWith('--')) out.push(a);
  }
  return out;
}
