import '../charts/drawing-libraries.ts';
import { describe, expect, test } from 'vitest';
import { aggregateCase } from '../aggregate/aggregate-case.ts';
import type { AggregateInput } from '../aggregate/input.ts';
import type { NormalisedPost } from '../ingest/normalise-post.ts';
import { buildChart } from './chart-build.ts';

const hour = 3_600_000;
/** Local midnight of 16 May 2024 in Baku (UTC+4). */
const may16 = Date.parse('2024-05-15T20:00:00Z');

function post(id: string, authorId: string, time: number): NormalisedPost {
  return { id, platform: 'x', authorId, handle: authorId, time, precision: 'second', kind: 'post', tags: ['Tag'], text: id, mediaHashes: [], archives: [], dataset: 'd', line: 1 };
}

/** `quiet` posts 3 times; `busy` 12 times, every day at 09:00 and on the first two days at 21:00 too. */
const posts = [
  ...[0, 1, 4].map((d) => post(`q${d}`, 'quiet', may16 + d * 24 * hour + 10 * hour)),
  ...Array.from({ length: 10 }, (_, d) => post(`b${d}`, 'busy', may16 + d * 24 * hour + 9 * hour)),
  post('b-late-0', 'busy', may16 + 21 * hour),
  post('b-late-1', 'busy', may16 + 45 * hour),
];

function heatmapOf(account: string, period: { from: string; to: string }) {
  const input: AggregateInput = {
    caseId: 'c', timeZone: 'Asia/Baku', period, hashtags: [{ tag: 'Tag', aliases: [] }], dossiers: [], wantedPostIds: [], topAccounts: 2, figureQueries: [],
  };
  const model = aggregateCase(posts, input);
  const built = buildChart({ kind: 'heatmap', account }, `heatmap-${account}`, { model, locale: 'en-GB', timeZone: 'Asia/Baku', label: (id) => `@${id}` });
  if ('problem' in built) throw new Error(built.problem.message);
  return built.draw();
}

describe('buildChart(heatmap)', () => {
  test('an account with 10 posts or fewer gets a dot per post on the period, not a 7 × 24 heatmap', () => {
    const chart = heatmapOf('quiet', { from: '2024-05-16', to: '2024-05-22' });
    for (const svg of Object.values(chart.svg)) {
      expect(svg).toContain('cf-chart-activity-strip');
      expect(svg).not.toContain('cf-chart-activity-heatmap');
      expect(svg.match(/<circle /g)).toHaveLength(3);
    }
    expect(chart.title).toBe('When @quiet posted');
    expect(chart.table.rows).toEqual([[1, '16 May 2024 at 10:00'], [2, '17 May 2024 at 10:00'], [3, '20 May 2024 at 10:00']]);
  });

  test('a period without every weekday twice gets rows by date, in order', () => {
    const chart = heatmapOf('busy', { from: '2024-05-16', to: '2024-05-25' });
    expect(chart.svg.wide).toContain('cf-chart-activity-heatmap');
    expect(chart.table.columns[0]).toBe('Date');
    expect(chart.table.rows.map((r) => r[0])).toEqual(Array.from({ length: 10 }, (_, d) => `${16 + d} May 2024`));
    expect(chart.table.rows[1]!.slice(1)).toEqual(Array.from({ length: 24 }, (_, h) => (h === 9 || h === 21 ? 1 : 0)));
  });

  test('a period with every weekday at least twice gets rows by day of the week', () => {
    const chart = heatmapOf('busy', { from: '2024-05-16', to: '2024-05-29' });
    expect(chart.table.columns[0]).toBe('Day');
    expect(chart.table.rows.map((r) => r[0])).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    // 16 and 23 May were Thursdays: 09:00 on both, 21:00 on the first.
    expect(chart.table.rows[3]!.slice(1)).toEqual(Array.from({ length: 24 }, (_, h) => (h === 9 ? 2 : h === 21 ? 1 : 0)));
  });
});
