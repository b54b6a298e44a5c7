/** The post-build stages run on the staged site, in order, before it is published. */
import type { PostBuildStage } from './build-site.ts';
import { permanenceStage } from './permanence-stage.ts';

export const postBuildStages: { name: string; run: PostBuildStage }[] = [{ name: 'anchors', run: permanenceStage }];
