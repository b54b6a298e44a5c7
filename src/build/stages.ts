/** The post-build stages run on the staged site, in order, before it is published. */
import type { PostBuildStage } from './build-site.ts';
import { permanenceStage } from './permanence-stage.ts';
import { pdfStage } from './pdf-stage.ts';
import { searchIndexStage } from './search-index.ts';

export const postBuildStages: { name: string; run: PostBuildStage }[] = [
  { name: 'anchors', run: permanenceStage },
  { name: 'pdf', run: pdfStage },
  // Last: it indexes the pages exactly as they will be published.
  { name: 'search', run: searchIndexStage },
];
