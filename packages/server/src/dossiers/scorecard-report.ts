import type { DossierStatisticsOptions } from '@motcua/core/deadline';
import {
  BUILT_IN_INSTRUMENTS,
  DECISION_766_SCORECARD,
  DECISION_766_TABLE,
  type Decision766TableEntry,
  decision766IndicatorPoints,
  decision766Satisfaction,
  type ScorecardIndicatorLine,
  type ScorecardReport,
  scaleOf,
  scoreScorecard,
} from '@motcua/core/satisfaction';
import type { ScorecardIndicatorSetting, ScorecardSetting } from '@motcua/core/staff';
import type { LocalizedText } from '@motcua/core/text';
import type { Queryable } from '../db/database.js';
import { csvCell } from '../http/csv.js';
import { type DislikeAnswer, dislikedDossiers } from '../ratings/store.js';
import { type OnTimeReportQuery, onTimeReport, receiptBounds } from './on-time-report.js';

// The wire shape is core's (satisfaction room), beside Decision 766's scorecard.
export type { ScorecardGroupLine, ScorecardIndicatorLine, ScorecardReport } from '@motcua/core/satisfaction';

/**
 * The answers that say "Không hài lòng": the lowest level of the scored question of every version of the one-stop
 * 3-level rating (1 Không hài lòng, 2 Hài lòng, 3 Rất hài lòng).
 */
export const NOT_SATISFIED_ANSWERS: readonly DislikeAnswer[] = BUILT_IN_INSTRUMENTS.filter(
  (i) => i.kind === 'one-stop-rating',
).flatMap((i) => {
  const question = i.questions.find((q) => q.id === i.scoring.questions[0]);
  return question?.type === 'scale'
    ? [{ instrumentId: i.id, instrumentVersion: i.version, question: question.id, value: scaleOf(question).min }]
    : [];
});

const NOT_HELD: LocalizedText = {
  vi: 'Máy chủ này không lưu số liệu này; tỉnh nhập tay',
  en: 'This server does not hold this figure; the province enters it by hand',
};

const NOTES: Readonly<Record<string, LocalizedText>> = {
  '2.2': {
    vi: 'Thời gian xử lý trung bình có trong báo cáo đúng hạn (averageProcessingDays); cách quy ra điểm không lưu ở đây',
    en: 'The mean processing time is in the on-time report (averageProcessingDays); the rule turning it into points is not held here',
  },
  '4.2': {
    vi: 'Máy chủ này không ghi hồ sơ nào đã được số hóa; tỉnh nhập tay',
    en: 'This server does not record which dossiers were digitised; the province enters it by hand',
  },
  '5.4': {
    vi: 'Chỉ tính đánh giá "Không hài lòng" gắn với hồ sơ tại cơ quan này; phản ánh và "không hài lòng" trên Cổng Dịch vụ công quốc gia không lưu ở đây',
    en: 'Counts only the "Not satisfied" ratings bound to a dossier here; complaints and dislikes on the National Public Service Portal are not held here',
  },
};

/** Which dossiers the scorecard counts (the on-time report's query), and the points split the office was given. */
export type ScorecardReportQuery = Omit<OnTimeReportQuery, 'procedure' | 'each'> & {
  /** The office's Decision 766 points split (its settings' `scorecard`); without it only 5.4 is scored. */
  readonly points?: ScorecardSetting | undefined;
};

interface Measured {
  readonly numerator: number;
  readonly denominator: number;
  readonly share: number | null;
  readonly points?: number | null;
  readonly parts: Readonly<Record<string, number>>;
}

function line(
  entry: Decision766TableEntry,
  measured: Measured | undefined,
  given: ScorecardIndicatorSetting | undefined,
): ScorecardIndicatorLine {
  const { id, group, title, formula } = entry;
  const target = given?.target ?? entry.target ?? null;
  const maxPoints = entry.maxPoints ?? given?.maxPoints ?? null;
  const note = NOTES[id] ?? (measured ? undefined : NOT_HELD);
  const common = { id, group, title, formula, target, maxPoints, provisional: maxPoints === null };
  if (!measured) {
    return {
      ...common,
      source: 'not-held',
      numerator: null,
      denominator: null,
      share: null,
      points: null,
      ...(note ? { note } : {}),
    };
  }
  const { share } = measured;
  const points =
    measured.points !== undefined
      ? measured.points
      : share !== null && maxPoints !== null && target !== null
        ? decision766IndicatorPoints(id, share, { maxPoints, target })
        : null;
  return {
    ...common,
    source: 'measured',
    numerator: measured.numerator,
    denominator: measured.denominator,
    share,
    points,
    parts: measured.parts,
    ...(note ? { note } : {}),
  };
}

/**
 * The Decision 766/QĐ-TTg scorecard of an office's dossiers received in a period: every indicator, measured where
 * the server holds the data (2.1 early or on time and 3.3 filed online from the on-time report's classification;
 * 5.4 by core's `decision766Satisfaction` from the late dossiers and those rated "Không hài lòng"), the others
 * listed as `not-held`. Points are given where the full points are confirmed (5.4) or in the office's points split
 * (`points`, with a target: 2.1, 3.3); group and index totals
 * (core's `scoreScorecard`) only when every indicator under them has points, else the missing ones are listed.
 *
 * @example
 * ```ts
 * const report = await scorecardReport(db, { office: 'demo', from: '2026-01-01', to: '2026-03-31', now: Date.now() },
 *   { calendar: vietnamCalendar() }, vietnamIso);
 * report.indicators.find((i) => i.id === '5.4')?.points; // 6
 * ```
 */
export async function scorecardReport(
  db: Queryable,
  query: ScorecardReportQuery,
  clock: Omit<DossierStatisticsOptions, 'now'>,
  iso: (ms: number) => string,
): Promise<ScorecardReport> {
  const [from, to] = receiptBounds(query);
  const disliked = await dislikedDossiers(db, query.office, from, to, NOT_SATISFIED_ANSWERS);
  let dislikedFinished = 0;
  const onTime = await onTimeReport(
    db,
    {
      ...query,
      each: (code, classified) => {
        if (classified && classified.finished > 0 && disliked.has(code)) dislikedFinished++;
      },
    },
    clock,
    iso,
  );
  const t = onTime.total;
  const satisfaction =
    t.finished > 0
      ? decision766Satisfaction({ dossiers: t.finished, late: t.late, complainedOrDisliked: dislikedFinished })
      : undefined;
  const measured: Readonly<Record<string, Measured>> = {
    '2.1': {
      numerator: t.early + t.onTime,
      denominator: t.finished,
      share: t.onTimeRate,
      parts: { early: t.early, onTime: t.onTime, late: t.late },
    },
    '3.3': {
      numerator: t.online,
      denominator: t.dossiers - t.unclassified,
      share: t.onlineRate,
      parts: { online: t.online },
    },
    '5.4': {
      numerator: Math.max(0, t.finished - t.late - dislikedFinished),
      denominator: t.finished,
      share: satisfaction?.share ?? null,
      points: satisfaction?.points ?? null,
      parts: { late: t.late, complainedOrDisliked: dislikedFinished },
    },
  };
  const indicators = DECISION_766_TABLE.map((entry) =>
    line(entry, measured[entry.id], query.points?.indicators[entry.id]),
  );
  const groupPoints: Record<string, number> = {};
  for (const group of DECISION_766_SCORECARD.criteria) {
    const points = indicators.filter((i) => i.group === group.id).map((i) => i.points);
    if (points.every((p) => p !== null)) groupPoints[group.id] = points.reduce((a, b) => a + (b as number), 0);
  }
  const scored = scoreScorecard(DECISION_766_SCORECARD, { selfAssessed: groupPoints });
  return {
    scorecard: {
      id: DECISION_766_SCORECARD.id,
      version: DECISION_766_SCORECARD.version,
      title: DECISION_766_SCORECARD.title,
    },
    from: onTime.from,
    to: onTime.to,
    checkedAt: onTime.checkedAt,
    indicators,
    groups: scored.breakdown.map((g) => ({
      id: g.id,
      title: g.title,
      maxPoints: g.maxPoints,
      points: g.selfAssessed ?? null,
      missing: indicators.filter((i) => i.group === g.id && i.points === null).map((i) => i.id),
    })),
    total: { maxPoints: scored.maxPoints, points: scored.selfAssessed ?? null, missing: scored.missingSelfAssessed },
  };
}

/**
 * The scorecard as CSV: one row per indicator, then one per group and the index total (their `source` is empty).
 *
 * @example
 * ```ts
 * scorecardCsv(report); // 'id,group,title,source,numerator,denominator,share,target,points,max_points,provisional\r\n1.1,1,…'
 * ```
 */
export function scorecardCsv(report: ScorecardReport): string {
  const header = 'id,group,title,source,numerator,denominator,share,target,points,max_points,provisional';
  const lines = [header];
  for (const i of report.indicators) {
    lines.push(
      [
        i.id,
        i.group,
        i.title.vi,
        i.source,
        i.numerator,
        i.denominator,
        i.share,
        i.target,
        i.points,
        i.maxPoints,
        i.provisional,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  for (const g of report.groups) {
    lines.push([g.id, g.id, g.title.vi, '', '', '', '', '', g.points, g.maxPoints, ''].map(csvCell).join(','));
  }
  const { total } = report;
  lines.push(
    ['', '', 'Tổng cộng / Total', '', '', '', '', '', total.points, total.maxPoints, ''].map(csvCell).join(','),
  );
  return `${lines.join('\r\n')}\r\n`;
}
