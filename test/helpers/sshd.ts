// A real OpenSSH server on a loopback port for the deploy-over-ssh tests: its own host key, its own
// authorized_keys with a key generated here, `sshd -D -f config` (as root, as the tests and CI run).
// Missing tools fail the test with the apt line; they are never skipped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import path from 'node:path';

export const SSH_APT_LINE = 'apt-get update && apt-get install -y openssh-server openssh-client rsync';
const SSHD = '/usr/sbin/sshd';

/** Fails (never skips) when sshd, ssh, ssh-keygen or rsync is missing. */
export function requireSshTools(): void {
  const missing = [SSHD, 'ssh', 'ssh-keygen', 'rsync'].filter((t) =>
    t.startsWith('/') ? !existsSync(t) : spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0,
  );
  if (missing.length)
    throw new Error(
      `the deploy-over-ssh tests need ${missing.join(', ')}. Install them as root:\n\n    ${SSH_APT_LINE}\n`,
    );
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Sshd {
  port: number;
  /** `root@127.0.0.1` */
  login: string;
  /** The ssh command line for --ssh / GONGKAI_DEPLOY_SSH. */
  ssh: string;
  stop(): Promise<void>;
}

function keygen(file: string): void {
  rmSync(file, { force: true });
  rmSync(`${file}.pub`, { force: true });
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);
}

/** Starts sshd in `dir` (made here) on a free loopback port; resolves when it accepts connections. */
export async function startSshd(dir: string): Promise<Sshd> {
  requireSshTools();
  if (typeof process.getuid === 'function' && process.getuid() !== 0)
    throw new Error('the deploy-over-ssh test starts sshd and logs in as root: run the tests as root (as CI does)');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o700);
  // sshd's privilege separation directory
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  keygen(path.join(dir, 'host_key'));
  keygen(path.join(dir, 'client_key'));
  const spawnSyncOut = spawnSync('cat', [path.join(dir, 'client_key.pub')], { encoding: 'utf8' }).stdout;
  writeFileSync(path.join(dir, 'authorized_keys'), spawnSyncOut, { mode: 0o600 });
  const port = await freePort();
  const config = path.join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${path.join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let exited = false;
  child.on('exit', () => (exited = true));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exited) throw new Error(`sshd exited at start:\n${stderr}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`sshd did not listen on 127.0.0.1:${port}:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const ssh = [
    'ssh',
    `-p ${port}`,
    `-i ${path.join(dir, 'client_key')}`,
    '-o StrictHostKeyChecking=no',
    `-o UserKnownHostsFile=${path.join(dir, 'known_hosts')}`,
    '-o BatchMode=yes',
    '-o LogLevel=ERROR',
  ].join(' ');
  return {
    port,
    login: 'root@127.0.0.1',
    ssh,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
