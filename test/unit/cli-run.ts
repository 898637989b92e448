// Runs the command line in process through main() and captures what it prints (cli.test.ts,
// nginx-config.test.ts): `gongkai …args` → its exit code, stdout and stderr.
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

export async function gongkai(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void (out += a.join(' ') + '\n'));
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  const ewrite = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  try {
    const code = await main(['node', 'gongkai', ...args]);
    return { code, out, err };
  } finally {
    log.mockRestore();
    write.mockRestore();
    ewrite.mockRestore();
  }
}
