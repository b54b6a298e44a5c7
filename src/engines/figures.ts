/**
 * Answers to the figure queries of a case's prose (semantics in src/aggregate/figure-query.ts), each one
 * counted by the engine over its own filters (src/engines/sql/figures/), then finished here as figures.ts
 * finishes them in process: peaks by the one peak rule, shares divided from integer counts.
 */
import { closest } from '../diagnostics/suggest.ts';
import { dossierMatcher } from '../aggregate/dossier-match.ts';
import { figureKey, type FigureQuery, type FigureValue, type UnknownName } from '../aggregate/figure-query.ts';
import { idRecord } from '../aggregate/id-record.ts';
import type { AggregateInput } from '../aggregate/input.ts';
import { periodGrid } from '../aggregate/period-grid.ts';
import { peakOf } from '../aggregate/peak.ts';
import { tagNormaliser } from '../ingest/normalise-post.ts';
import type { ModelTables } from './contract.ts';
import { PARAMETER_COLUMNS, type Row, type SqlEngine } from './engine.ts';
import { figureQuery, figureSetup } from './sql-files.ts';

type Answer = Omit<FigureValue, 'key' | 'unknown'>;

export async function figureAnswers(engine: SqlEngine, input: AggregateInput, tables: ModelTables): Promise<Record<string, FigureValue>> {
  const out = idRecord<FigureValue>();
  if (input.figureQueries.length === 0) return out;
  const matcher = dossierMatcher(input.dossiers);
  const normaliseTag = tagNormaliser(input.hashtags);
  const authorsOf = (name: string): string[] => {
    const dossier = input.dossiers.find((d) => d.id === name);
    const handle = name.replace(/^@/, '').toLowerCase();
    return tables.accounts
      .filter((a) => (dossier ? matcher.match(a.platform, a.author_id, a.handle) === dossier.id : a.handle !== null && a.handle.toLowerCase() === handle))
      .map((a) => a.author_id);
  };
  const load = async (q: Partial<Record<string, unknown>>, authors: readonly string[], bins: { start_ms: number; end_ms: number }[]) => {
    await engine.load('figure_query', PARAMETER_COLUMNS['figure_query']!, [{ tag: null, kind: null, from_ms: 0, to_ms: 0, filter_authors: 0, post: null, ...q }]);
    await engine.load('figure_authors', PARAMETER_COLUMNS['figure_authors']!, authors.map((author_id) => ({ author_id })));
    await engine.load('figure_bins', PARAMETER_COLUMNS['figure_bins']!, bins);
  };
  await load({}, [], []);
  for (const statement of figureSetup(engine.dialect)) await engine.execute(statement);
  const query = async (name: Parameters<typeof figureQuery>[0]): Promise<Row[]> => engine.query(figureQuery(name, engine.dialect));
  const sizes = new Map<string, number | undefined>();
  const cascadeSize = async (post: string): Promise<number | undefined> => {
    if (!sizes.has(post)) {
      await load({ post }, [], []);
      const [row] = await query('post');
      sizes.set(post, Number(row!['present']) > 0 ? Number(row!['size']) : undefined);
    }
    return sizes.get(post);
  };

  const answer = async (q: FigureQuery): Promise<Answer> => {
    if (q.measure === 'cascade-size') {
      const size = (await cascadeSize(q.post ?? '')) ?? 0;
      return { value: size, unit: 'count', basis: size };
    }
    if (q.measure === 'status-count' && q.hashtag === undefined) {
      const value = input.dossiers.filter((d) => d.status === q.status).length;
      return { value, unit: 'count', basis: value };
    }
    const grid = periodGrid(input.timeZone, q.from ?? input.period.from, q.to ?? input.period.to);
    const names = [...(q.account === undefined ? [] : [q.account]), ...(q.accounts ?? [])];
    const named = names.length === 0 ? undefined : [...new Set(names.flatMap(authorsOf))];
    const starts = q.bin === 'hour' ? grid.hourStarts : grid.dayStarts;
    await load(
      { tag: q.hashtag === undefined ? null : normaliseTag(q.hashtag), kind: q.kind ?? null, from_ms: grid.start, to_ms: grid.end, filter_authors: q.measure !== 'share' && named !== undefined ? 1 : 0 },
      named ?? [],
      starts.map((start, i) => ({ start_ms: start, end_ms: starts[i + 1] ?? grid.end })),
    );
    const [totals] = await query('totals');
    const basis = Number(totals!['posts']);
    switch (q.measure) {
      case 'count':
        return { value: basis, unit: 'count', basis };
      case 'accounts':
        return { value: Number(totals!['accounts']), unit: 'count', basis };
      case 'peak':
      case 'peak-time': {
        const counts = new Array<number>(starts.length).fill(0);
        const index = new Map(starts.map((s, i) => [s, i]));
        for (const row of await query('bins')) counts[index.get(Number(row['start_ms']))!] = Number(row['posts']);
        const { value, indices } = peakOf(counts);
        return q.measure === 'peak' ? { value, unit: 'count', basis } : { value: starts[indices[0] ?? 0] ?? grid.start, unit: 'time', basis };
      }
      case 'first-time':
        return { value: basis === 0 ? NaN : Number(totals!['first_ms']), unit: 'time', basis };
      case 'share': {
        if (basis === 0) return { value: 0, unit: 'share', basis };
        if (named !== undefined) return { value: Number(totals!['named']) / basis, unit: 'share', basis };
        const top = (await query('authors')).slice(0, q.top ?? 10).reduce((s, row) => s + Number(row['posts']), 0);
        return { value: top / basis, unit: 'share', basis };
      }
      case 'status-count': {
        const posting = new Set((await query('authors')).map((row) => String(row['author_id'])));
        const value = input.dossiers.filter((d) => d.status === q.status && authorsOf(d.id).some((a) => posting.has(a))).length;
        return { value, unit: 'count', basis: value };
      }
    }
  };

  const unknownNames = async (q: FigureQuery): Promise<UnknownName[]> => {
    const found: UnknownName[] = [];
    const names = [...(q.account === undefined ? [] : [['account', q.account] as const]), ...(q.accounts ?? []).map((name) => ['accounts', name] as const)];
    for (const [option, name] of names) {
      if (input.dossiers.some((d) => d.id === name) || authorsOf(name).length > 0) continue;
      const known = [...input.dossiers.map((d) => d.id), ...tables.accounts.flatMap((a) => (a.handle === null ? [] : [a.handle]))];
      const suggestion = closest(name.replace(/^@/, ''), known);
      found.push({ option, name, ...(suggestion === undefined ? {} : { suggestion }) });
    }
    if (q.post !== undefined && (await cascadeSize(q.post)) === undefined) found.push({ option: 'post', name: q.post });
    return found;
  };

  for (const q of input.figureQueries) {
    const key = figureKey(q);
    const unknown = await unknownNames(q);
    out[key] = { key, ...(await answer(q)), ...(unknown.length > 0 ? { unknown } : {}) };
  }
  return out;
}
