import { describe, expect, it } from 'vitest';
import { parseFigure, unitOf } from './figure-parse.ts';

/** The messages an editor reads for `:measure{attributes}`. */
const messages = (...args: Parameters<typeof parseFigure>) => parseFigure(...args).problems.map((p) => p.message);

describe('parseFigure(measure, attributes)', () => {
  it('reads every filter, trimming names and dropping blanks in a list, with the stated value', () => {
    const parsed = parseFigure('count', {
      hashtag: '#RecognizeNewCaledonia', kind: 'repost', account: ' x/user1 ', accounts: 'a, b,,', from: '2024-05-16', to: '2024-05-22', expect: '12',
    });
    expect(parsed).toEqual({
      query: { measure: 'count', hashtag: 'RecognizeNewCaledonia', kind: 'repost', account: 'x/user1', accounts: ['a', 'b'], from: '2024-05-16', to: '2024-05-22' },
      expect: '12',
      problems: [],
    });
    expect(parseFigure('count', { hashtag: 'Нумеа_2024', from: '2024-05-16', to: '2024-05-16' }).query).toEqual({ measure: 'count', hashtag: 'Нумеа_2024', from: '2024-05-16', to: '2024-05-16' });
  });

  it('bins peaks by day unless told hour, reads top= and post=, and no stated value means none', () => {
    expect(parseFigure('peak', {}).query).toEqual({ measure: 'peak', bin: 'day' });
    expect(parseFigure('peak-time', { bin: 'hour' }).query).toEqual({ measure: 'peak-time', bin: 'hour' });
    expect(parseFigure('share', { top: '10' })).toEqual({ query: { measure: 'share', top: 10 }, problems: [] });
    expect(parseFigure('cascade-size', { post: ' 2002 ' }).query).toEqual({ measure: 'cascade-size', post: '2002' });
    expect(parseFigure('status-count', { status: 'suspended', hashtag: 'A' }).query).toEqual({ measure: 'status-count', status: 'suspended', hashtag: 'A' });
  });

  it('suggests the closest value of kind=, bin=, status= and the closest option name', () => {
    const hints = (...args: Parameters<typeof parseFigure>) => parseFigure(...args).problems.map((p) => p.hint);
    expect(hints('peak', { kind: 'reposts', bin: 'hours' })).toEqual(['Did you mean kind=repost?', 'Did you mean bin=hour?']);
    expect(hints('status-count', { status: 'suspnded' })).toEqual(['Did you mean status=suspended?']);
    expect(hints('count', { hashtg: 'A' })).toEqual(['Did you mean `hashtag`?']);
    expect(hints('count', { kind: 'tweet' })).toEqual(['Write kind= as one of post, repost, quote, reply.']);
  });

  it('says what each bad value should be, as a located problem with the value found and a hint', () => {
    expect(parseFigure('peak', { bin: 'week' }).problems).toEqual([
      { ruleId: 'figure/invalid-option', message: 'Unexpected bin=`week`, expected day or hour.', actual: 'week', expected: 'day or hour', hint: 'Write bin= as day or hour.' },
    ]);
    expect(messages('count', { hashtag: 'Kanaky Now', kind: 'tweet', account: '  ', accounts: ' , ', from: '2024-02-30', to: '2024-5-1' })).toEqual([
      'Unexpected hashtag=`Kanaky Now`, expected a tracked hashtag such as RecognizeNewCaledonia.',
      'Unexpected kind=`tweet`, expected one of post, repost, quote, reply.',
      'Unexpected account=(empty), expected a dossier id or author handle.',
      'Unexpected accounts=` , `, expected a comma-separated list of accounts.',
      'Unexpected from=`2024-02-30`, expected a local date written as YYYY-MM-DD.',
      'Unexpected to=`2024-5-1`, expected a local date written as YYYY-MM-DD.',
    ]);
    expect(messages('share', { top: '0', post: ' ', status: 'gone' })).toEqual([
      'Unexpected option `post` on `:share`, expected one of `hashtag`, `kind`, `account`, `accounts`, `from`, `to`, `top`, `expect`.',
      'Unexpected option `status` on `:share`, expected one of `hashtag`, `kind`, `account`, `accounts`, `from`, `to`, `top`, `expect`.',
      'Unexpected top=`0`, expected a whole number of accounts such as 10.',
      'Unexpected post=(empty), expected the id of the root post.',
      'Unexpected status=`gone`, expected one of active, suspended, deleted, protected.',
    ]);
    expect(parseFigure('share', { top: '0' }).problems[0]).toMatchObject({ actual: '0', hint: 'Write top= as a whole number of accounts such as 10.' });
  });

  it('accepts a hashtag only as one word, with a leading # dropped and none elsewhere', () => {
    for (const hashtag of ['Kanaky#', '#-Kanaky', 'Kanaky-', '', '##Kanaky']) {
      expect(messages('count', { hashtag }), hashtag).toEqual([
        `Unexpected hashtag=${hashtag === '' ? '(empty)' : `\`${hashtag}\``}, expected a tracked hashtag such as RecognizeNewCaledonia.`,
      ]);
    }
  });

  it('accepts a date only as a whole, real YYYY-MM-DD, and to= not before from=', () => {
    for (const date of ['x2024-05-16', '2024-05-16x', '2024-13-01']) expect(messages('count', { from: date }), date).toHaveLength(1);
    expect(parseFigure('count', { from: '2024-05-16', to: '2024-05-15' }).problems).toEqual([
      {
        ruleId: 'figure/invalid-option',
        message: 'Unexpected to=`2024-05-15`, expected a date on or after from=2024-05-16.',
        actual: '2024-05-15',
        expected: 'a date on or after from=2024-05-16',
        hint: 'Write to= as a date on or after from=2024-05-16.',
      },
    ]);
  });

  it('accepts top= only as a whole number from 1', () => {
    for (const top of ['010', '1.5', 'x1', '1x', '']) expect(messages('share', { top }), top).toHaveLength(1);
    expect(parseFigure('share', { top: '25' }).query?.top).toBe(25);
  });

  it('asks a share for exactly one of top=, account= or accounts=, a cascade for its post, a status count for its status', () => {
    const share = 'Unexpected `:share` without exactly one of top=, account= or accounts=, expected it to say what to measure.';
    expect(parseFigure('share', {}).problems).toEqual([
      { ruleId: 'figure/missing-option', message: share, expected: 'exactly one of top=, account= or accounts=', hint: 'Add exactly one of top=, account= or accounts=.' },
    ]);
    expect(messages('share', { top: '3', account: 'a' })).toEqual([share]);
    expect(messages('share', { accounts: 'a,b', account: 'a' })).toEqual([share]);
    expect(messages('share', { accounts: 'a,b' })).toEqual([]);
    expect(messages('share', { account: 'a' })).toEqual([]);
    expect(messages('cascade-size', {})).toEqual(['Unexpected `:cascade-size` without post=, expected it to say what to measure.']);
    expect(messages('status-count', { hashtag: 'A' })).toEqual(['Unexpected `:status-count` without status=, expected it to say what to measure.']);
    expect(messages('cascade-size', { hashtag: 'A', post: '1' })).toEqual([
      'Unexpected option `hashtag` on `:cascade-size`, expected one of `post`, `expect`.',
    ]);
  });

  it('reads a stated value written as the measure gives it: a whole number, a percentage, a local date or time', () => {
    const needs: Record<string, Record<string, string>> = { share: { top: '1' }, 'cascade-size': { post: '1' }, 'status-count': { status: 'active' } };
    const stated = (measure: Parameters<typeof parseFigure>[0], value: string) => parseFigure(measure, { ...needs[measure], expect: value }).expect;
    expect(['12', '0'].map((v) => stated('count', v))).toEqual(['12', '0']);
    expect(['41%', '41.2%', '0%'].map((v) => stated('share', v))).toEqual(['41%', '41.2%', '0%']);
    expect(['2024-05-16', '2024-05-16T09', '2024-05-16T09:30', '2024-05-16T09:30:15'].map((v) => stated('first-time', v))).toEqual([
      '2024-05-16', '2024-05-16T09', '2024-05-16T09:30', '2024-05-16T09:30:15',
    ]);
    expect(stated('cascade-size', '7')).toBe('7');
    for (const [measure, bad] of [
      ['count', '12.5'], ['count', '1,413'], ['count', 'x12'], ['count', '12x'], ['accounts', '41%'], ['peak', '2024-05-16'],
      ['share', '41'], ['share', '41.%'], ['share', 'x41%'], ['share', '41%x'],
      ['peak-time', '2024-05-16T9'], ['first-time', 'May 16'], ['first-time', 'x2024-05-16'], ['first-time', '2024-05-16Tx'],
    ] as const) {
      expect(stated(measure, bad), `${measure} ${bad}`).toBeUndefined();
    }
    expect(parseFigure('count', { expect: '12.5' }).problems).toEqual([
      {
        ruleId: 'figure/invalid-option',
        message: 'Unexpected expect=`12.5`, expected a whole number such as expect=1413.',
        actual: '12.5',
        expected: 'a whole number such as expect=1413',
        hint: 'Write expect= as a whole number such as expect=1413.',
      },
    ]);
    expect(messages('share', { top: '1', expect: '41' })).toEqual(['Unexpected expect=`41`, expected a percentage such as expect=41%.']);
    expect(messages('peak-time', { expect: 'May 16' })).toEqual([
      'Unexpected expect=`May 16`, expected a local date or time in the case zone such as expect=2024-05-16 or expect=2024-05-16T09:00.',
    ]);
  });

  it('gives neither query nor stated value while any problem remains', () => {
    expect(parseFigure('count', { hashtag: 'A', expect: '1', kind: 'tweet' })).toEqual({ problems: [expect.objectContaining({ actual: 'tweet' })] });
    expect(parseFigure('count', { hashtag: 'A', expect: '1.5' })).toEqual({ problems: [expect.objectContaining({ actual: '1.5' })] });
  });

  it('unitOf(measure): shares are shares, peak and first times are times, everything else counts', () => {
    expect((['count', 'accounts', 'peak', 'peak-time', 'share', 'first-time', 'cascade-size', 'status-count'] as const).map(unitOf)).toEqual([
      'count', 'count', 'count', 'time', 'share', 'time', 'count', 'count',
    ]);
  });
});
