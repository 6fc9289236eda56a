import { describe, expect, it } from 'vitest';
import { CaseStage } from './enums.js';
import { defaultStageForDpd } from './escalation.js';

describe('defaultStageForDpd', () => {
  it.each([
    [0, CaseStage.REMINDER],
    [1, CaseStage.REMINDER],
    [7, CaseStage.REMINDER],
    [8, CaseStage.PHONE],
    [30, CaseStage.PHONE],
    [31, CaseStage.VISIT],
    [90, CaseStage.VISIT],
    [91, CaseStage.LEGAL],
    [2000, CaseStage.LEGAL],
  ])('puts DPD %i at %s', (dpd, stage) => {
    expect(defaultStageForDpd(dpd)).toBe(stage);
  });
});
