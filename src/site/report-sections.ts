/**
 * The report HTML cut after each finding heading, so a page can place a "cite this finding" control
 * right under the heading it cites. The HTML is already sanitised; this only finds where headings end.
 */
export interface ReportSegment {
  html: string;
  /** Finding whose heading closes this segment. */
  finding?: { id: string; title: string };
}

export function splitAtFindings(html: string, findings: readonly { id: string; title: string }[]): ReportSegment[] {
  const cuts = findings
    .flatMap((finding) => {
      // Finding ids are slugs (letters, digits, `-`, `_`, `.`): only the dot needs escaping.
      const open = new RegExp(`<h([1-6])\\b[^>]*\\sid="${finding.id.replace(/\./g, '\\.')}"[^>]*>`).exec(html);
      if (!open) return [];
      const close = html.indexOf(`</h${open[1]}>`, open.index);
      return close < 0 ? [] : [{ at: close + 5, finding }];
    })
    .sort((a, b) => a.at - b.at);
  const segments: ReportSegment[] = [];
  let from = 0;
  for (const cut of cuts) {
    segments.push({ html: html.slice(from, cut.at), finding: cut.finding });
    from = cut.at;
  }
  segments.push({ html: html.slice(from) });
  return segments;
}
