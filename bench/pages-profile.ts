/**
 * Where the time of a profiled build goes, from a V8 `.cpuprofile`: self time by package or
 * source folder, and the functions with the most self and inclusive time. Printed, not recorded:
 * a profiled run is slower than a measured one.
 */
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A package under node_modules, a folder of this repository, or V8's own buckets ((garbage collector)…). */
function area(url: string, root: string): string {
  if (url === '') return 'V8 / native';
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return pkg[1]!;
  if (file.startsWith('node:')) return 'node internals';
  const rel = path.relative(root, file);
  return rel.startsWith('..') ? file : rel.split(path.sep).slice(0, 2).join('/');
}

export function summariseProfile(profile: CpuProfile, root: string, top = 20): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => {
    const { functionName, url, lineNumber } = n.callFrame;
    return url ? `${functionName || '(anonymous)'} ${area(url, root)}:${path.basename(url)}:${lineNumber + 1}` : functionName;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const node = byId.get(id)!;
    self.set(key(node), (self.get(key(node)) ?? 0) + dt);
    const a = node.callFrame.url ? area(node.callFrame.url, root) : node.callFrame.functionName;
    areas.set(a, (areas.get(a) ?? 0) + dt);
    // Each function once per sample, however deep it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  });
  const list = (title: string, m: Map<string, number>) =>
    [
      `${title} (of ${(total / 1000).toFixed(1)} s sampled)`,
      ...[...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([k, v]) => `  ${(v / 1000).toFixed(2).padStart(7)} s  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`),
    ].join('\n');
  return [list('Self time by area', areas), list('Self time by function', self), list('Inclusive time by function', inclusive)].join('\n\n');
}
