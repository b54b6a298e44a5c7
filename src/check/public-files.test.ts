import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { activeContent, checkPublicFiles } from './public-files.ts';

const found = (text: string) => activeContent(text, 'public/x.svg').map((d) => `${d.start.line}:${d.start.column} ${d.message.split(' (')[0]}`);

describe('activeContent(text, file)', () => {
  it('finds script, event handlers, frames, foreign references and script URLs, each at its place', () => {
    const svg = [
      '<svg xmlns="http://www.w3.org/2000/svg">',
      '<script>alert(1)</script>',
      '<rect onload="alert(1)"/>',
      '<a href="javascript:alert(1)"><text>x</text></a>',
      '<image href="https://evil.example/x.png"/>',
      '<use xlink:href="//evil.example/s.svg#a"/>',
      '<foreignObject><iframe src="/x"></iframe></foreignObject>',
      '<style>@import "https://evil.example/a.css"</style>',
      '</svg>',
    ].join('\n');
    expect(found(svg)).toEqual([
      '2:1 Unexpected a <script> element',
      '7:1 Unexpected a <foreignObject> element',
      '7:16 Unexpected a <iframe> element',
      '3:6 Unexpected an event handler attribute',
      '8:8 Unexpected a style that loads from another address',
      '4:3 Unexpected a reference to another site or a script URL',
      '5:7 Unexpected a reference to another site or a script URL',
      '6:5 Unexpected a reference to another site or a script URL',
    ]);
  });

  it('reads attributes in any quoting, spacing and letter case', () => {
    const svg = [
      '<svg>',
      "<a href='https://evil.example/'>x</a>",
      '<form action=//evil.example/post><button formaction="/ok">x</button></form>',
      '<img src="&#106;avascript:alert(1)" onerror = "x"/>',
      '<rect style="fill: url( \'https://evil.example/p.png\')"/>',
      '<image href="../img/map.png"/><image href="./a.png"/><use href=" #g "/>',
      '<EMBED src="/x.swf">',
      '<image href="\\\\evil\\share\\x.png"/>',
      '</svg>',
    ].join('\n');
    expect(found(svg)).toEqual([
      '7:1 Unexpected a <EMBED> element',
      '4:36 Unexpected an event handler attribute',
      '5:20 Unexpected a style that loads from another address',
      '2:3 Unexpected a reference to another site or a script URL',
      '3:6 Unexpected a reference to another site or a script URL',
      '4:5 Unexpected a reference to another site or a script URL',
      '8:7 Unexpected a reference to another site or a script URL',
    ]);
    expect(activeContent('<rect onload="x"/>', 'public/x.svg')[0]!.message).toBe(
      'Unexpected an event handler attribute (`onload=`) in a file served from the site, expected static markup that loads nothing from elsewhere.',
    );
  });

  it('accepts static markup with links on the site', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><a href="/cases/x/"><rect fill="url(#g)"/></a><use href="#g"/><image href="map.png"/></svg>';
    expect(found(svg)).toEqual([]);
  });
});

describe('checkPublicFiles(root)', () => {
  const roots: string[] = [];
  afterAll(() => Promise.all(roots.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('reads every markup file under public/, in sub-folders too, and refuses a link out of the project', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'casefile-public-'));
    const outside = await mkdtemp(path.join(tmpdir(), 'casefile-outside-'));
    roots.push(root, outside);
    await mkdir(path.join(root, 'public/maps/old'), { recursive: true });
    await writeFile(path.join(outside, 'secret.txt'), 'not ours');
    await writeFile(path.join(root, 'public/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
    await writeFile(path.join(root, 'public/maps/old/map.SVG'), '<svg>\n<script>alert(1)</script></svg>');
    // Not markup: never read as such, whatever it holds.
    await writeFile(path.join(root, 'public/notes.txt'), '<script>alert(1)</script>');
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'public/secret.txt'));
    const found = (await checkPublicFiles(root)).map((d) => `${d.file}:${d.start.line}:${d.start.column} ${d.ruleId}`).sort();
    expect(found).toEqual(['public/maps/old/map.SVG:2:1 public/active-content', 'public/secret.txt:1:1 path/outside-project']);
  });

  it('finds nothing in a project without public/', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'casefile-public-'));
    roots.push(root);
    expect(await checkPublicFiles(root)).toEqual([]);
  });
});
