/** The `coordination:` block of a case: how "acted together" is computed, every threshold with its default. */
import { z } from 'zod';

/** A behavioural trace two accounts can share (one key per post and signal). */
export const CoordinationSignalSchema = z.enum(['repost', 'text', 'link', 'reply', 'hashtags', 'near-text']);
export type CoordinationSignal = z.output<typeof CoordinationSignalSchema>;

export const CoordinationSchema = z
  .object({
    /** Which traces count: `repost` (same post reposted), `text` (same text, 30 characters or more), `link` (same URL), `reply` (same post replied to), `hashtags` (same set of 3 or more hashtags), `near-text` (nearly the same text). */
    signals: z
      .array(CoordinationSignalSchema)
      .min(1)
      .refine((s) => new Set(s).size === s.length, 'each signal at most once')
      // The five exact signals; `near-text` is asked for by name.
      .default(['repost', 'text', 'link', 'reply', 'hashtags']),
    /** Seconds two posts may be apart and still count as acting together, both ends included. */
    window: z.number().int().min(1).max(86_400).default(60),
    /** Accounts with fewer posts in the data are left out of the analysis. */
    minPosts: z.number().int().min(1).default(2),
    /** Distinct items (posts, texts, links…) two accounts must have shared within the window for a tie. */
    minWeight: z.number().int().min(1).default(3),
    /** Keep only ties at or above this percentile (0–100) of all tie weights as well; the resolved weight is printed. */
    weightPercentile: z.number().min(0).max(100).optional(),
    /** More accounts than this on one item within one window make a burst, reported as such rather than paired up. */
    burstCap: z.number().int().min(2).default(20),
    /** Two texts are near-duplicates at or above this similarity (1 − edit distance ÷ longer length); `near-text` only. */
    nearTextSimilarity: z.number().gt(0).max(1).default(0.7),
  })
  .strict();

export type CoordinationParams = z.output<typeof CoordinationSchema>;
