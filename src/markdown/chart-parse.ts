/** `::chart{kind=… …}` read into a chart spec; checks that need no data, so the pre-pass reports them too. */
import { listOf, unknownOptions } from './attributes.ts';
import { fileSafeId } from '../schema/site-path.ts';
import type { Problem } from './report.ts';

export const chartKinds = ['timeline', 'top-accounts', 'cascade', 'heatmap', 'compare'] as const;
export type ChartKind = (typeof chartKinds)[number];

const options: Record<ChartKind, string[]> = {
  timeline: ['kind', 'hashtag', 'bin', 'caption'],
  'top-accounts': ['kind', 'hashtag', 'n', 'caption'],
  cascade: ['kind', 'post', 'caption'],
  heatmap: ['kind', 'account', 'caption'],
  compare: ['kind', 'hashtags', 'bin', 'caption'],
};

/** The model keeps each hashtag's ten most active accounts. */
export const maxTopAccounts = 10;

export type ChartSpec =
  | { kind: 'timeline'; hashtag: string; bin: 'day' | 'hour'; caption?: string }
  | { kind: 'top-accounts'; hashtag: string; n: number; caption?: string }
  | { kind: 'cascade'; post: string; caption?: string }
  | { kind: 'heatmap'; account: string; caption?: string }
  | { kind: 'compare'; hashtags: string[]; bin: 'day' | 'hour'; caption?: string };

function problem(name: string, value: string | undefined, expected: string): Problem {
  const found = value === undefined ? `no ${name}=` : `${name}=${value === '' ? '(empty)' : `\`${value}\``}`;
  return {
    ruleId: value === undefined ? 'chart/missing-option' : 'chart/invalid-option',
    message: `Unexpected ${found} on \`::chart\`, expected ${expected}.`,
    ...(value !== undefined ? { actual: value } : {}),
    expected,
    hint: `Write ${name}= as ${expected}.`,
  };
}

const tag = (value: string) => value.replace(/^#/, '');
const isTag = (value: string) => /^[\p{L}\p{N}_]+$/u.test(value);

export function parseChart(a: Record<string, string>): { spec?: ChartSpec; problems: Problem[] } {
  const kind = a['kind'];
  if (!chartKinds.includes(kind as ChartKind)) {
    return { problems: [problem('kind', kind, `one of ${chartKinds.join(', ')}`)] };
  }
  const k = kind as ChartKind;
  const problems = unknownOptions('::chart', a, options[k]);
  const caption = a['caption'] ? { caption: a['caption'] } : {};
  const bin = (): 'day' | 'hour' => {
    const value = a['bin'] ?? 'day';
    if (value === 'day' || value === 'hour') return value;
    problems.push(problem('bin', value, 'day or hour'));
    return 'day';
  };
  const hashtag = (): string => {
    const value = a['hashtag'];
    if (value !== undefined && isTag(tag(value))) return tag(value);
    problems.push(problem('hashtag', value, 'a hashtag the case tracks, such as hashtag=RecognizeNewCaledonia'));
    return '';
  };
  const required = (name: string, expected: string): string => {
    const value = a[name]?.trim();
    if (value) return value;
    problems.push(problem(name, a[name], expected));
    return '';
  };
  let spec: ChartSpec;
  switch (k) {
    case 'timeline':
      spec = { kind: k, hashtag: hashtag(), bin: bin(), ...caption };
      break;
    case 'top-accounts': {
      const n = a['n'] ?? String(maxTopAccounts);
      const valid = /^\d+$/.test(n) && Number(n) >= 1 && Number(n) <= maxTopAccounts;
      if (!valid) problems.push(problem('n', n, `a whole number from 1 to ${maxTopAccounts}`));
      spec = { kind: k, hashtag: hashtag(), n: valid ? Number(n) : maxTopAccounts, ...caption };
      break;
    }
    case 'cascade':
      spec = { kind: k, post: required('post', 'the id of the root post'), ...caption };
      break;
    case 'heatmap':
      spec = { kind: k, account: required('account', 'a dossier id (x/handle) or a dataset author id'), ...caption };
      break;
    case 'compare': {
      const hashtags = listOf(a['hashtags'] ?? '').map(tag);
      if (hashtags.length < 2 || !hashtags.every(isTag)) {
        problems.push(problem('hashtags', a['hashtags'], 'two or more tracked hashtags separated by commas, such as hashtags="A,B"'));
      }
      spec = { kind: k, hashtags, bin: bin(), ...caption };
      break;
    }
  }
  return problems.length === 0 ? { spec, problems } : { problems };
}

/**
 * Deterministic id from what the chart shows, e.g. `timeline-recognizenewcaledonia-day`. It names the chart's
 * data files, so it must differ for different charts: an account is written with `fileSafeId` (`u.x` and `u-x`
 * are two accounts), and an id too long for a file name is cut the same way.
 */
export function chartId(spec: ChartSpec): string {
  if (spec.kind === 'heatmap') return `heatmap-${fileSafeId(spec.account)}`;
  if (spec.kind === 'cascade') return `cascade-${fileSafeId(spec.post)}`;
  const parts: (string | number)[] = (() => {
    switch (spec.kind) {
      case 'timeline': return [spec.kind, spec.hashtag, spec.bin];
      case 'top-accounts': return [spec.kind, spec.hashtag, spec.n];
      case 'compare': return [spec.kind, ...spec.hashtags, spec.bin];
    }
  })();
  const id = parts
    .map((p) => String(p).normalize('NFC').toLowerCase())
    .join('-')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return Buffer.byteLength(id) <= 120 ? id : fileSafeId(id);
}
