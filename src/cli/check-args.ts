/**
 * The arguments of the data builders (`data:zones`, `data:projects`): `--check` (rebuild in
 * memory and compare with the committed files) and `--data DIR` (default `data`).
 */
export type CheckArgs = { ok: true; check: boolean; dataDir: string } | { ok: false; message: string };

/** @example parseCheckArgs(['--check'], 'data:zones') // { ok: true, check: true, dataDir: 'data' } */
export function parseCheckArgs(argv: readonly string[], command: string): CheckArgs {
  let check = false;
  let dataDir = 'data';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') check = true;
    else if (a === '--data' && argv[i + 1] !== undefined) dataDir = argv[++i] as string;
    else return { ok: false, message: `${command}: unknown argument ${a ?? ''}\nusage: npm run ${command} [-- --check] [-- --data DIR]\n` };
  }
  return { ok: true, check, dataDir };
}
