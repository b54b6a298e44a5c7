/** Words broken into lines that fit `width` px at the chart font size, without measuring text. */
import { charWidth } from './theme.ts';

export function wrapText(text: string, width: number): string[] {
  const max = Math.max(1, Math.floor(width / charWidth));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
