/**
 * Where each repost that others reference leads: its reference followed through reposts, at most
 * MAX_CHAIN steps from the amplifying post, as resolve-refs.ts walks them. ClickHouse 18.16 has no
 * recursive queries, so the walk runs here over the few links `hops.sql` returns, and the ends go back to
 * the server as the `case_hops` table. A walk still on a repost after the last step ends on that repost,
 * which the query then refuses as a root.
 */
export const MAX_CHAIN = 32;

export function hopEnds(links: readonly { id: string; ref_id: string }[]): { id: string; end_id: string }[] {
  const next = new Map(links.map((l) => [l.id, l.ref_id]));
  return links.map(({ id }) => {
    // The amplifying post's first step reaches `id`; MAX_CHAIN more steps may follow, each from a repost.
    let at = id;
    for (let step = 0; step < MAX_CHAIN && next.has(at); step++) at = next.get(at)!;
    return { id, end_id: at };
  });
}
