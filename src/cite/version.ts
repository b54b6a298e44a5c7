/**
 * The build's version, shown on pages and written into citations: the Git commit and its commit date, so the
 * same commit always gives the same label. A label the command was given (`CASEFILE_VERSION`) overrides it
 * (e.g. a host that builds from a tarball); without Git it falls back to the content root's package.json
 * version, then to "unversioned".
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Version {
  /** Short commit hash, or null when not built from Git. */
  commit: string | null;
  /** Commit date, YYYY-MM-DD. */
  date: string | null;
  /** E.g. "a1b2c3d, 2026-11-28". */
  label: string;
}

export function readVersion(root: string, label?: string): Version {
  const override = label?.trim();
  if (override) return { commit: null, date: null, label: override };
  const git = gitVersion(root);
  if (git) return { ...git, label: `${git.commit}, ${git.date}` };
  return { commit: null, date: null, label: packageVersion(root) };
}

function gitVersion(root: string): { commit: string; date: string } | null {
  try {
    // No shell: arguments go to git as they are.
    const out = execFileSync('git', ['log', '-1', '--format=%h %cs'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const m = /^([0-9a-f]{4,40}) (\d{4}-\d{2}-\d{2})$/.exec(out);
    return m ? { commit: m[1]!, date: m[2]! } : null;
  } catch {
    // Git missing, or not a repository: fall back.
    return null;
  }
}

function packageVersion(root: string): string {
  try {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
    if (typeof version === 'string') return version;
  } catch {
    // A content root need not be a package: no package.json is not an error.
  }
  return 'unversioned';
}
