import groupBy from 'lodash/groupBy.js';
import { compare } from '../../../scripts/bench/compare.js';
import {
  aggregateResponses,
  type PublishedGroup,
  type SurveyResponse,
  wilsonInterval,
} from '../src/satisfaction/index.js';

// 100,000 one-stop ratings over 8 counters and 2026, about 3 % left unanswered.
const COUNT = 100_000;
let seed = 42;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const start = Date.UTC(2025, 11, 31, 17);
const year = 365 * 86_400_000;
const responses: SurveyResponse[] = Array.from({ length: COUNT }, (_, i): SurveyResponse => {
  const r = random();
  const overall = r < 0.03 ? undefined : r < 0.15 ? 1 : r < 0.55 ? 2 : 3;
  return {
    instrumentId: 'vn-one-stop-rating',
    instrumentVersion: '1',
    answers: overall === undefined ? {} : overall === 1 ? { overall, reason: 'chờ lâu' } : { overall },
    submittedAt: start + Math.floor(random() * year),
    transactionId: `T-${i}`,
    counter: String(1 + Math.floor(random() * 8)),
  };
});

const MIN_N = 10;

function ours(): unknown {
  return aggregateResponses(responses, {
    instrumentId: 'vn-one-stop-rating',
    groupBy: ['counter', 'month'],
    minN: MIN_N,
  });
}

/** What one would write with lodash: group by counter and Vietnamese month (UTC+7), then reduce. */
function anchor(): unknown {
  const groups = groupBy(
    responses.filter((r) => r.instrumentId === 'vn-one-stop-rating'),
    (r) => `${r.counter}|${new Date(r.submittedAt + 7 * 3_600_000).toISOString().slice(0, 7)}`,
  );
  return Object.keys(groups)
    .sort()
    .map((key) => {
      const answered = (groups[key] ?? []).filter((r) => typeof r.answers.overall === 'number');
      const n = answered.length;
      if (n < MIN_N) return { key, suppressed: true };
      const hits = answered.reduce((sum, r) => sum + ((r.answers.overall as number) >= 2 ? 1 : 0), 0);
      const { low, high } = wilsonInterval(hits, n);
      return { key, n, score: (hits / n) * 100, interval: { low: low * 100, high: high * 100 } };
    });
}

// Both must agree before their speed means anything.
const a = (ours() as PublishedGroup[]).map((g) => `${g.key.counter}|${g.key.month}:${g.n}:${g.score.toFixed(9)}`);
const b = (anchor() as { key: string; n: number; score: number }[]).map((g) => `${g.key}:${g.n}:${g.score.toFixed(9)}`);
if (a.join() !== b.join()) throw new Error('satisfaction bench: ours and the anchor disagree');

await compare('Satisfaction aggregation (100k ratings, counter × month, top-2-box + Wilson)', [
  { name: 'aggregate 100k responses', ours, anchor, anchorName: 'lodash 4.18 groupBy + reduce' },
]);
