// `creak setup-link | create-admin | purge | delete`: the clinic's maintenance commands, on the configured database.
import { createInterface } from 'node:readline';
import { loadConfig } from '../config.js';
import { createAdmin, createSetupLink, deleteByReference, purgeNow } from '../clinic/setup.js';

async function readLine(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write(prompt);
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

/** Runs one clinic command; returns the exit status. */
export async function runClinicCommand(command: string, args: readonly string[]): Promise<number> {
  const config = loadConfig();
  switch (command) {
    case 'setup-link': {
      const link = await createSetupLink(config);
      if (!link) {
        console.log('Staff accounts exist already: an admin adds more from the Staff page.');
        return 1;
      }
      console.log(`Open this link to create the first admin (it works once, until ${link.expiresAt}):\n${link.url}`);
      return 0;
    }
    case 'create-admin': {
      const [email, ...name] = args;
      if (email === undefined || name.length === 0) {
        console.error('Usage: creak create-admin <email> <name>   (the password is read from standard input)');
        return 2;
      }
      const password = process.env.CREAK_ADMIN_PASSWORD ?? (await readLine('Password: '));
      const result = await createAdmin(config, { email, name: name.join(' '), password });
      if (!result.ok) {
        console.error(result.problem);
        return 1;
      }
      console.log(`Admin ${email} created.`);
      return 0;
    }
    case 'purge':
      console.log(`Purged ${String(await purgeNow(config))} submission(s) past the retention period.`);
      return 0;
    case 'delete': {
      const [reference] = args;
      if (reference === undefined) {
        console.error('Usage: creak delete <reference code>');
        return 2;
      }
      const deleted = await deleteByReference(config, reference);
      console.log(deleted ? `Deleted the submission ${reference}.` : `No submission has the reference ${reference}.`);
      return deleted ? 0 : 1;
    }
    default:
      return 2;
  }
}
