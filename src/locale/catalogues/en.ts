/**
 * The words readers see, in English: the catalogue every other language translates key for key. Messages
 * are ICU MessageFormat: `{name}` inserts a value, `{n, plural, one {…} other {…}}` chooses by the
 * language's plural rules (`#` is the number, formatted for the locale), `{x, select, a {…} other {…}}`
 * by a word. Keys are looked up only as literals (`t('chart.total')`), so a test can read every use.
 */
export const en = {
  // Charts: titles, axes, table headers, descriptions.
  'chart.posts': '{count, plural, one {# post} other {# posts}}',
  'chart.kinds': '{kind, select, post {Original posts} repost {Reposts} quote {Quotes} other {Replies}}',
  'chart.total': 'Total',
  'chart.date': 'Date',
  'chart.time': 'Time',
  'chart.count': 'Posts',
  'chart.account': 'Account',
  'chart.rank': 'Rank',
  'chart.day': 'Day',
  'chart.zoneLabel': '{what} ({timeZone} time)',
  'chart.timelineTitle': 'Posts per {bin, select, day {day} other {hour}} under #{tag}',
  'chart.timelineIntro': 'Posts per {bin, select, day {day} other {hour}} under #{tag} in {timeZone} time, {range}: {total} in total.',
  'chart.peak': 'The peak was {when} with {value}.',
  'chart.peakLabel': 'Peak: {value}',
  'chart.byKind': 'By kind: {list}.',
  'chart.events': 'Marked events: {list}.',
  'chart.leadIn': 'Before the period, {when}: {posts}, drawn faded and not counted above.',
  'chart.topAccountsTitle': 'Most active accounts under #{tag}',
  'chart.topAccountsIntro': '{count, plural, one {One account is} other {{count} accounts are}} shown, most active first. {first} leads with {value}.',
  'chart.topAccountsLast': 'The last shown, {label}, has {value}.',
  'chart.topAccountsSum': 'Together they account for {value}.',
  'chart.topAccountsEmpty': 'No account posted under this hashtag in the case period, so there is no ranking to draw.',
  'chart.topAccountsTied': 'All {count} accounts shown tie with {value} each, so none stands out and no ranking is drawn.',
  'chart.cascadeTitle': 'Reposts and quotes of the post by {root}',
  'chart.sinceRoot': '{unit, select, minute {Minutes} hour {Hours} other {Days}} since the original post',
  'chart.cumulative': 'Reposts and quotes so far',
  'chart.cascadeIntro': 'Cumulative reposts and quotes of the post by {root}, first posted {when} ({timeZone} time).',
  'chart.cascadeNone': 'No reposts or quotes of it were found in the dataset.',
  'chart.cascadeReached': 'It reached {size} within {span}; the first came after {first}, and half of them within {half}.',
  'chart.heatmapTitle': 'Posts by {label} by day of week and hour',
  'chart.heatmapIntro': 'Posts by {label} by day of week and hour of day in {timeZone} time: {total} in total.',
  'chart.heatmapBusiest': 'The busiest hour was {slots}, with {value}.',
  'chart.heatmapBusiestTied': '{count} different hours of the week tie as the busiest, with {value} each.',
  'chart.heatmapBusiestDateTied': '{count} one-hour slots across the dates tie as the busiest, with {value} each.',
  'chart.heatmapBusiestDay': 'The busiest day of the week was {days} ({value}).',
  'chart.heatmapBusiestHour': 'The busiest hour of the day was {hours} ({value}).',
  'chart.heatmapEmpty': '{label} has no posts in the data, so there is no activity to draw.',
  'chart.heatmapDateTitle': 'Posts by {label} by date and hour',
  'chart.heatmapDateIntro': 'Posts by {label} by date and hour of day in {timeZone} time: {total} in total.',
  'chart.heatmapBusiestDate': 'The busiest date was {dates} ({value}).',
  'chart.heatmapKey': 'Posts in the hour',
  'chart.hourOfDay': 'Hour of day',
  'chart.comparisonTitle': 'Posts per {bin, select, day {day} other {hour}}: {tags}',
  'chart.comparisonIntro': 'Posts per {bin, select, day {day} other {hour}} under {tags} in {timeZone} time, {range}.',
  'chart.comparisonPeak': '#{tag}: {total} in total, peaking {when} with {value}.',
  'chart.noData': 'There is no data to show.',
  'chart.both': 'Both tags',
  'chart.comparisonBoth': '{total} carry both {tags} (shaded).',
  'chart.pair': '{a} and {b}',
  'chart.comparisonPair': '{pair}, {total}',
  // Semicolons: each pair already holds an “and”.
  'chart.pairSeparator': '; ',
  'chart.comparisonPairs': 'Posts carrying two of the tags at once: {pairs}.',
  'chart.timelineEmpty': 'No post carries #{tag} in the case period, so there is no timeline to draw.',
  'chart.stripTitle': 'When {label} posted',
  'chart.stripIntro': '{label} has {total} in the data, at {times} ({timeZone} time).',
  'chart.tableByDay': 'Totals per day; the CSV has every hour ({rows} rows).',

  // A chart's figure around the picture.
  'figure.table': 'Data table',
  'figure.csv': 'Download CSV',
  'figure.json': 'Download JSON',
  'figure.printed': 'The numbers of this chart:',

  // A figure's query in words (the methodology appendix).
  'figure.measure':
    '{measure, select, count {posts} accounts {accounts posting} peak {posts in the busiest {bin, select, hour {hour} other {day}}} peakTime {the busiest {bin, select, hour {hour} other {day}}} shareTop {share of posts by the {top} most active accounts} share {share of posts by {who}} firstTime {time of the first post} cascadeSize {reposts and quotes of post {post}} other {accounts with a dossier whose latest status is {status, select, suspended {suspended} deleted {deleted} protected {protected} other {active}}}}',
  'figure.under': ' under #{tag}',
  'figure.kind': '{kind, select, post { (original posts only)} repost { (reposts only)} quote { (quotes only)} other { (replies only)}}',
  'figure.by': ' by {who}',
  'figure.from': ' from {date}',
  'figure.to': ' to {date}',

  // What the Markdown pipeline adds to a body.
  'md.linkToFinding': 'Link to this finding',
  'md.notes': 'Notes',
  'md.backToReference': 'Back to reference {n}',
  'md.archivedCopy': 'archived copy',
  'md.accessed': 'accessed {date}',
  'md.unknownSource': 'Unknown source {id}',
  'md.evidence': 'Evidence: post by {author}',
  'md.kind': '{kind, select, post {Post} repost {Repost} quote {Quote} other {Reply}}',
  'md.postedAt': 'Posted',
  'md.repostOf': '{kind, select, reply {Reply to} quote {Quotes} other {Repost of}} post {id} by {author}.',
  'md.availability': '{state, select, deleted {This post has since been deleted.} suspended {The account behind this post has since been suspended.} other {This post has since been withheld.}}',
  'md.media': 'Media (SHA-256)',
  'md.archives': 'Archived copies',
  'md.archivedAt': 'archived {date}',
  'md.source': 'Dataset {dataset}, record {line}',
  'md.shortened': 'Text shortened. The whole post is record {line} of dataset {dataset}, in ',
  'md.releasedData': 'the released data',
} as const;

export type MessageKey = keyof typeof en;
/** Every other language's catalogue: the same keys, none missing, none extra (tsc says so). */
export type Catalogue = Record<MessageKey, string>;
